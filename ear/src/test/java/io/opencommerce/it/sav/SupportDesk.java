package io.opencommerce.it.sav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.it.support.ServiceDatabase;
import io.opencommerce.it.support.Shop;
import io.opencommerce.sav.client.AvailabilityRequest;
import io.opencommerce.sav.client.TicketRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sav (support tickets) API as the suites use it: requests, uploads, the suites' own agents
 * (registered, granted the role by the administrator, and waited for until the sav service's read
 * model knows them), a customer's own order, and what the service keeps (its database, its bucket
 * on the local S3).
 */
final class SupportDesk {
  static final String API = Platform.BASE + "/sav/api";
  static final Duration EVENTUAL = Duration.ofSeconds(30);

  private SupportDesk() {}

  /** One request to the sav API; null arguments are left out. */
  static Reply call(String method, String path, String json, String token) {
    return Platform.send(method, API + path, json, token);
  }

  /** Uploads {@code content} as the raw body, with the declared {@code contentType}. */
  static Reply upload(
      String ticketId, String name, byte[] content, String contentType, String token) {
    String query =
        name == null
            ? ""
            : "?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(API + "/tickets/" + ticketId + "/attachments" + query))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(content));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return Platform.send(request.build());
  }

  /** A PNG signature followed by {@code size} bytes: exact bytes to compare after a download. */
  static byte[] png(int size) {
    byte[] bytes = new byte[8 + size];
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    System.arraycopy(signature, 0, bytes, 0, 8);
    for (int i = 8; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    return bytes;
  }

  /** Opens a ticket as a customer; returns the answer (201 expected by the caller). */
  static Reply open(String token, String subject, String category, String orderNumber) {
    return call(
        "POST",
        "/tickets",
        Bodies.json(
            new TicketRequest(subject, category, orderNumber, "Hello from the suite: " + subject)),
        token);
  }

  /** Opens a ticket about nothing in particular; returns its JSON. */
  static jakarta.json.JsonObject opened(String token, String subject) {
    Reply opened = open(token, subject, "other", null);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    return opened.json();
  }

  /**
   * A new account with the agent role, logged in again so that its token carries it, and known to
   * the sav service (its read model hears of the role through UserRolesChanged: the availability
   * call answers 409 agent-unknown until then). {@code available}: whether it takes new tickets.
   */
  static Session agent(String tag, boolean available) {
    Session agent = Platform.newAgent(tag);
    String body = Bodies.json(new AvailabilityRequest(available));
    await()
        .atMost(EVENTUAL)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                call("PUT", "/agents/me/availability", body, agent.accessToken()).status() == 200);
    return agent;
  }

  /** Stops the agent taking new tickets (the suites' agents do not keep collecting others'). */
  static void offDuty(Session agent) {
    call(
        "PUT",
        "/agents/me/availability",
        Bodies.json(new AvailabilityRequest(false)),
        agent.accessToken());
  }

  /**
   * A new customer with an order of their own (placed through checkout); returns the session and
   * the order number.
   */
  record Buyer(Session session, String orderNumber) {
    String token() {
      return session.accessToken();
    }
  }

  static Buyer buyer(String tag) {
    String admin = Platform.admin().accessToken();
    String product = Shop.product(admin, "Support " + tag, "9.90", 50);
    Shop.Shopper shopper = Shop.shopper(tag, product, 1);
    Reply order = Shop.checkout(shopper.token(), UUID.randomUUID().toString(), shopper.addressId());
    assertThat(order.status()).as(order.body()).isEqualTo(201);
    return new Buyer(shopper.session(), order.json().getString("number"));
  }

  /**
   * Opens a ticket about {@code orderNumber}, once the sav service has heard of the order
   * (OrderPlaced): until then it answers 422 unknown-order, storing nothing.
   */
  static jakarta.json.JsonObject openAbout(String token, String orderNumber, String subject) {
    AtomicReference<Reply> opened = new AtomicReference<>();
    await()
        .atMost(EVENTUAL)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              opened.set(open(token, subject, "order", orderNumber));
              return opened.get().status() != 422;
            });
    assertThat(opened.get().status()).as(opened.get().body()).isEqualTo(201);
    return opened.get().json();
  }

  /** How many rows {@code sql} counts in the sav database. */
  static long count(String sql, Object... values) throws SQLException {
    return ServiceDatabase.count("sav", sql, values);
  }

  /** The keys the sav bucket holds under {@code prefix}. */
  static List<String> objects(String prefix) throws Exception {
    try (MinioClient s3 =
        MinioClient.builder()
            .endpoint(System.getProperty("storage.endpoint", "http://127.0.0.1:9000"))
            .region("us-east-1")
            .credentials(
                System.getProperty("storage.access-key", "opencommerce"),
                System.getProperty("storage.secret-key", "opencommerce-dev-secret"))
            .build()) {
      List<String> keys = new ArrayList<>();
      for (Result<Item> item :
          s3.listObjects(
              ListObjectsArgs.builder().bucket("sav").prefix(prefix).recursive(true).build())) {
        keys.add(item.get().objectName());
      }
      return keys;
    }
  }
}
