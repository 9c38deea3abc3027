package io.opencommerce.products.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.products.application.ProductCache.Entry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProductCacheTest {
  @Test
  void anEntryComesBackWithItsTagAndTheSameBytes() {
    byte[] json = "{\"name\":\"Crème brûlée\",\n\"size\":1}".getBytes(StandardCharsets.UTF_8);
    Entry entry = new Entry("0b6f-3", json);

    Entry read = Entry.decode(entry.encode(new byte[0]), 0);

    assertThat(read.etag()).isEqualTo("0b6f-3");
    assertThat(read.json()).isEqualTo(json);
  }

  @Test
  void aValueOfAnotherShapeIsAMiss() {
    assertThat(Entry.decode("{\"name\":\"mug\"}".getBytes(StandardCharsets.UTF_8), 0)).isNull();
    assertThat(Entry.decode("\n{}".getBytes(StandardCharsets.UTF_8), 0)).isNull();
  }
}
