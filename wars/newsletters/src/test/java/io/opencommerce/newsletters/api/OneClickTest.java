package io.opencommerce.newsletters.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneClickTest {
  private static final String FORM = "application/x-www-form-urlencoded";

  @Test
  void aUrlEncodedOneClickIsRead() {
    assertThat(OneClick.asks(FORM, "List-Unsubscribe=One-Click")).isTrue();
    assertThat(OneClick.asks(FORM + "; charset=UTF-8", "a=b&List-Unsubscribe=One-Click\n"))
        .isTrue();
    assertThat(OneClick.asks(FORM, "List-Unsubscribe=Maybe")).isFalse();
    assertThat(OneClick.asks(FORM, "")).isFalse();
    assertThat(OneClick.asks(FORM, "List-Unsubscribe=%ZZ")).isFalse();
  }

  @Test
  void aMultipartOneClickIsRead() {
    String body =
        "--b1\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b1--\r\n";
    assertThat(OneClick.asks("multipart/form-data; boundary=b1", body)).isTrue();
    assertThat(OneClick.asks("multipart/form-data; boundary=b1", body.replace("One-Click", "No")))
        .isFalse();
  }

  @Test
  void anyOtherBodyIsNoOneClick() {
    assertThat(OneClick.asks("application/json", "{\"List-Unsubscribe\":\"One-Click\"}")).isFalse();
    assertThat(OneClick.asks(null, "List-Unsubscribe=One-Click")).isFalse();
  }
}
