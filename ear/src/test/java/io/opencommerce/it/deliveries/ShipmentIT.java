package io.opencommerce.it.deliveries;

import static io.opencommerce.it.support.Platform.AUTH;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static io.opencommerce.it.support.Platform.send;
import static io.opencommerce.it.support.Shop.DELIVERIES;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.deliveries.client.CarrierWebhookRequest;
import io.opencommerce.deliveries.client.ShipmentEventRequest;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Shop;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deliveries API on its own: carriers resending a report change nothing, impossible steps are
 * refused, support agents read but do not write, and bad input on every endpoint is a problem that
 * changes nothing.
 */
class ShipmentIT {
  private static final Duration EVENTUAL = Duration.ofSeconds(30);
  private static String admin;

  @BeforeAll
  static void setUp() {
    admin = Platform.admin().accessToken();
  }

  /** A customer's order and its shipment, once booked. */
  private record Parcel(Shop.Shopper buyer, String orderId, JsonObject shipment) {
    String url() {
      return DELIVERIES + "/shipments/" + shipment.getString("id");
    }

    String tracking() {
      return shipment.getString("trackingNumber");
    }
  }

  private static Parcel parcel(String tag) {
    String product = Shop.product(admin, "Parcel " + tag, "11.00", 10);
    Shop.Shopper buyer = Shop.shopper(tag, product, 1);
    String orderId =
        Shop.checkout(buyer.token(), tag + "-" + UUID.randomUUID(), buyer.addressId())
            .json()
            .getString("id");
    return new Parcel(buyer, orderId, Shop.shipmentOf(orderId, buyer.token()));
  }

  private static Reply report(String tracking, String status) {
    String body = Shop.carrierReport(tracking, status);
    return Shop.webhook(body, Shop.sign(body));
  }

  /** An administrator's record of a step, with nothing but its status and maybe a location. */
  private static String step(String status, String location) {
    return Bodies.json(new ShipmentEventRequest(status, null, location, null));
  }

  private static int journey(Parcel parcel) {
    return get(parcel.url(), admin).json().getJsonArray("events").size();
  }

  /** A well-formed simulated tracking number that no shipment has: SIM, 10 digits, Luhn digit. */
  private static String unknownTrackingNumber() {
    String digits = String.valueOf(1_000_000_000L + (long) (Math.random() * 8_999_999_999L));
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return "SIM" + digits + (10 - sum % 10) % 10;
  }

  @Test
  void aResentReportChangesNothingAndAnImpossibleStepIsRefused() {
    Parcel parcel = parcel("resend");
    assertThat(report(parcel.tracking(), "IN_TRANSIT").status()).isEqualTo(200);
    int steps = journey(parcel);
    assertThat(report(parcel.tracking(), "IN_TRANSIT").status()).isEqualTo(200);
    assertThat(journey(parcel)).isEqualTo(steps);

    report(parcel.tracking(), "CREATED").assertProblem(409, "illegal-transition");
    assertThat(report(parcel.tracking(), "DELIVERED").status()).isEqualTo(200);
    report(parcel.tracking(), "OUT_FOR_DELIVERY").assertProblem(409, "illegal-transition");
    post(parcel.url() + "/events", step("IN_TRANSIT", null), admin)
        .assertProblem(409, "illegal-transition");
    assertThat(get(parcel.url(), parcel.buyer().token()).json().getString("status"))
        .isEqualTo("DELIVERED");
  }

  @Test
  void supportAgentsReadShipmentsButDoNotMoveThem() {
    Parcel parcel = parcel("agent");
    Platform.Session agent = Platform.registerAndLogin("agent");
    Reply granted = send("PUT", AUTH + "/users/" + agent.userId() + "/roles/agent", null, admin);
    assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    String token = Platform.login(agent.email(), agent.password(), agent.userId()).accessToken();

    assertThat(get(parcel.url(), token).status()).isEqualTo(200);
    assertThat(
            get(DELIVERIES + "/shipments?customerId=" + parcel.buyer().session().userId(), token)
                .json()
                .getInt("total"))
        .isEqualTo(1);
    post(parcel.url() + "/events", step("IN_TRANSIT", null), token).assertProblem(403, "forbidden");
    // A customer sees only their own.
    String other = Platform.registerAndLogin("nosy").accessToken();
    get(parcel.url(), other).assertProblem(404, "not-found");
    get(DELIVERIES + "/shipments?customerId=" + parcel.buyer().session().userId(), other)
        .assertProblem(403, "forbidden");
    assertThat(get(DELIVERIES + "/shipments", other).json().getInt("total")).isZero();
    assertThat(get(DELIVERIES + "/shipments", null).status()).isEqualTo(401);
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    Parcel parcel = parcel("badship");
    String tracking = parcel.tracking();

    // The webhook.
    String body = Shop.carrierReport(tracking, "IN_TRANSIT");
    Reply unknownCarrier =
        Platform.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(DELIVERIES + "/carriers/pigeon/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Carrier-Signature", Shop.sign(body))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build());
    unknownCarrier.assertProblem(404, "not-found");
    String broken = "{\"trackingNumber\":";
    Shop.webhook(broken, Shop.sign(broken)).assertProblem(400, "malformed-json");
    report(unknownTrackingNumber(), "IN_TRANSIT").assertProblem(404, "not-found");
    report("SIM123", "IN_TRANSIT").assertProblem(400, "validation-failed");
    String future =
        Bodies.json(
            new CarrierWebhookRequest(
                tracking,
                "IN_TRANSIT",
                Instant.now().plus(Duration.ofDays(2)),
                null,
                null,
                Instant.now()));
    Shop.webhook(future, Shop.sign(future)).assertProblem(400, "validation-failed");
    // A report signed right but sent long ago is a replay; one sent just now is taken.
    for (Duration off : List.of(Duration.ofMinutes(-10), Duration.ofMinutes(10))) {
      String stale =
          Bodies.json(
              new CarrierWebhookRequest(
                  tracking, "IN_TRANSIT", null, null, null, Instant.now().plus(off)));
      Shop.webhook(stale, Shop.sign(stale)).assertProblem(401, "stale-webhook");
    }
    String unsent = "{\"trackingNumber\":\"" + tracking + "\",\"status\":\"IN_TRANSIT\"}";
    Shop.webhook(unsent, Shop.sign(unsent)).assertProblem(400, "validation-failed");
    String huge =
        "{\"trackingNumber\":\"" + tracking + "\",\"description\":\"" + "x".repeat(70_000) + "\"}";
    Shop.webhook(huge, Shop.sign(huge)).assertProblem(413, "payload-too-large");

    // The administrators' endpoint.
    post(parcel.url() + "/events", step("LOST", null), admin)
        .assertProblem(400, "validation-failed");
    post(parcel.url() + "/events", step("IN_TRANSIT", "x".repeat(201)), admin)
        .assertProblem(400, "validation-failed");
    post(parcel.url() + "/events", "{\"status\":", admin).assertProblem(400, "malformed-json");
    post(
            DELIVERIES + "/shipments/" + UUID.randomUUID() + "/events",
            step("IN_TRANSIT", null),
            admin)
        .assertProblem(404, "not-found");
    post(parcel.url() + "/events", step("IN_TRANSIT", null), parcel.buyer().token())
        .assertProblem(403, "forbidden");

    // Lists and tracking.
    get(DELIVERIES + "/shipments?status=LOST", admin).assertProblem(400, "validation-failed");
    get(DELIVERIES + "/shipments?orderId=nope", admin).assertProblem(400, "validation-failed");
    get(DELIVERIES + "/shipments?limit=0", admin).assertProblem(400, "validation-failed");
    get(DELIVERIES + "/shipments/" + UUID.randomUUID(), admin).assertProblem(404, "not-found");
    get(DELIVERIES + "/tracking/not-a-number", null).assertProblem(400, "validation-failed");
    get(DELIVERIES + "/tracking/" + unknownTrackingNumber(), null).assertProblem(404, "not-found");

    var shipment = get(parcel.url(), admin).json();
    assertThat(shipment.getString("status")).isEqualTo("CREATED");
    assertThat(shipment.getJsonArray("events")).hasSize(1);
    assertThat(get(DELIVERIES + "/tracking/" + tracking.toLowerCase(), null).status())
        .isEqualTo(200);
  }
}
