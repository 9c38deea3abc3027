package io.opencommerce.it.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.it.support.ProbeServices;
import io.opencommerce.kit.storage.ObjectStorage;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * The kit's Redis and object-storage clients, injected into a service configured with a bucket,
 * against the machine's Redis and the local S3 server (s3proxy): real round trips, presigned
 * downloads that a tampered signature cannot use, and the readiness check that reports the bucket.
 */
@ExtendWith(ArquillianExtension.class)
public class PlatformClientsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Inject ObjectStorage storage;
  @Inject RedisClient redis;

  @Deployment
  public static WebArchive clientsProbe() {
    return ProbeServices.kitService(
        "clientsprobe", Map.of("storage.bucket", "opencommerce-it"), PlatformClientsIT.class);
  }

  @Test
  void objectsGoUpAndComeBackThroughPresignedUrls() throws Exception {
    storage.ensureBucket();
    String key = "it/" + UUID.randomUUID() + ".txt";
    byte[] content = "a file in object storage".getBytes(StandardCharsets.UTF_8);
    storage.put(key, new ByteArrayInputStream(content), content.length, "text/plain");

    var stat = storage.stat(key);
    assertThat(stat.size()).isEqualTo(content.length);
    assertThat(stat.contentType()).isEqualTo("text/plain");

    String url = storage.presignedGet(key, Duration.ofMinutes(1));
    HttpResponse<byte[]> download = get(url);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(content);

    // One character of the signature changed (to another one: a signature may start with 0).
    int at = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
    String tampered =
        url.substring(0, at) + (url.charAt(at) == '0' ? '1' : '0') + url.substring(at + 1);
    assertThat(tampered).isNotEqualTo(url);
    assertThat(get(tampered).statusCode()).isEqualTo(403);

    storage.delete(key);
    assertThatThrownBy(() -> storage.stat(key)).isInstanceOf(Exception.class);
  }

  @Test
  void readinessReportsTheBucket() throws Exception {
    storage.ensureBucket();
    HttpResponse<byte[]> ready = get("http://localhost:9080/health/ready");
    String body = new String(ready.body(), StandardCharsets.UTF_8);
    assertThat(body)
        .contains("\"name\":\"clientsprobe-object-storage\",\"status\":\"UP\"")
        .contains("opencommerce-it");
  }

  @Test
  void redisIsThere() {
    String key = "oc:it:" + UUID.randomUUID();
    redis.set(key, "value", SetParams.setParams().ex(30));
    assertThat(redis.get(key)).isEqualTo("value");
    assertThat(redis.ttl(key)).isBetween(1L, 30L);
    redis.del(key);
    assertThat(redis.exists(key)).isFalse();
  }

  private static HttpResponse<byte[]> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
