package io.opencommerce.it.newsletters;

import static io.opencommerce.it.support.Platform.AUTH;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencommerce.auth.client.PasswordResetConfirmation;
import io.opencommerce.auth.client.PasswordResetRequest;
import io.opencommerce.contracts.auth.UserRegistered;
import io.opencommerce.contracts.orders.OrderLine;
import io.opencommerce.contracts.orders.OrderPlaced;
import io.opencommerce.contracts.orders.PostalAddress;
import io.opencommerce.it.support.Bodies;
import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.Mailbox;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Session;
import io.opencommerce.it.support.Shop;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The mails other services' events call for, as they arrive in the local SMTP sink: once per fact
 * whatever the redeliveries, in both a plain-text and an HTML part, with the links they promise.
 */
class TransactionalMailIT {
  static final String NEWSLETTERS = Platform.BASE + "/newsletters/api";

  @Test
  void aRegistrationIsWelcomedOnceEvenWhenItsEventIsPublishedAgain() {
    try (EventTap tap = new EventTap("UserRegistered.v1")) {
      Session user = Platform.registerAndLogin("welcome");
      Mailbox.Mail welcome =
          Mailbox.await(user.email(), m -> m.subject().equals("Welcome to OpenCommerce"));
      assertThat(welcome.text()).contains("Hello IT welcome,", user.email());
      assertThat(welcome.html()).contains("<strong>" + user.email() + "</strong>");
      assertThat(welcome.header("From")).contains("no-reply@opencommerce.local");
      assertThat(welcome.header("Auto-Submitted")).isEqualTo("auto-generated");
      assertThat(welcome.header("List-Unsubscribe")).as("not a marketing mail").isNull();

      // The same registration published again under another id (a producer's retry): the inbox
      // takes it as new, the mail's key on the fact keeps it from being sent twice.
      EventTap.Message registered =
          tap.await(
                  m -> m.payload() != null && user.email().equals(m.payload().getString("email")),
                  Duration.ofSeconds(20))
              .orElseThrow();
      EventTap.republish(registered, UUID.randomUUID().toString());
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> Mailbox.count(user.email(), m -> m.subject().startsWith("Welcome")) == 1);
    }
  }

  @Test
  void aPurchaseIsConfirmedAndTheParcelFollowedStepByStep() {
    String admin = Platform.admin().accessToken();
    String product = Shop.product(admin, "Mail tea", "12.50", 20);
    Shop.Shopper shopper = Shop.shopper("mail-buyer", product, 2);
    String email = shopper.session().email();
    Platform.Reply placed =
        Shop.checkout(shopper.token(), UUID.randomUUID().toString(), shopper.addressId());
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    String number = placed.json().getString("number");
    String orderId = placed.json().getString("id");

    Mailbox.Mail confirmation =
        Mailbox.await(email, m -> m.subject().equals("Your order " + number + " is confirmed"));
    assertThat(confirmation.text())
        .contains("2 x Mail tea", "€25.00", "Total: €25.00", "8 rue de la Paix", "75002 Paris");
    assertThat(confirmation.html()).contains("<strong>" + number + "</strong>", "Mail tea");

    JsonObject shipment = Shop.shipmentOf(orderId, shopper.token());
    String tracking = shipment.getString("trackingNumber");
    // A parcel that is only booked (CREATED) makes no mail.
    assertThat(Mailbox.count(email, m -> m.subject().startsWith("Your parcel"))).isZero();

    String report = Shop.carrierReport(tracking, "IN_TRANSIT");
    assertThat(Shop.webhook(report, Shop.sign(report)).status()).isEqualTo(200);
    Mailbox.Mail moving =
        Mailbox.await(
            email, m -> m.subject().equals("Your parcel for order " + number + " is on its way"));
    assertThat(moving.text()).contains(tracking, "/deliveries/api/tracking/" + tracking);
    assertThat(moving.text()).contains("Estimated delivery:");

    String out = Shop.carrierReport(tracking, "OUT_FOR_DELIVERY");
    String delivered = Shop.carrierReport(tracking, "DELIVERED");
    assertThat(Shop.webhook(out, Shop.sign(out)).status()).isEqualTo(200);
    assertThat(Shop.webhook(delivered, Shop.sign(delivered)).status()).isEqualTo(200);
    Mailbox.await(email, m -> m.subject().endsWith("is delivered"));
    Mailbox.await(email, m -> m.subject().endsWith("is out for delivery"));
    assertThat(Mailbox.count(email, m -> m.subject().startsWith("Your parcel"))).isEqualTo(3);
  }

  @Test
  void thePasswordResetLinkWorksOnceAndTheMailKeepsNoSecret() {
    Session user = Platform.registerAndLogin("reset-mail");
    assertThat(
            post(
                    AUTH + "/password-resets",
                    Bodies.json(new PasswordResetRequest(user.email())),
                    null)
                .status())
        .isEqualTo(202);
    Mailbox.Mail mail =
        Mailbox.await(user.email(), m -> m.subject().equals("Reset your OpenCommerce password"));
    String link = mail.link("https://localhost:9443/reset-password?token=");
    String token =
        URLDecoder.decode(link.substring(link.indexOf("token=") + 6), StandardCharsets.UTF_8);
    assertThat(mail.html()).contains("Choose a new password");

    String confirmation = Bodies.json(new PasswordResetConfirmation(token, "Mailed-Horse-2026"));
    assertThat(post(AUTH + "/password-resets/confirmation", confirmation, null).status())
        .isEqualTo(204);
    post(AUTH + "/password-resets/confirmation", confirmation, null)
        .assertProblem(400, "validation-failed");

    // The queue keeps the mail's record, not the token: withheld from administrators, and blanked
    // once sent.
    String admin = Platform.admin().accessToken();
    JsonObject listed =
        awaitMail(admin, "kind=password-reset&status=SENT&recipient=" + encode(user.email()));
    JsonObject detail = get(NEWSLETTERS + "/mails/" + listed.getString("id"), admin).json();
    assertThat(detail.getBoolean("bodiesWithheld")).isTrue();
    assertThat(detail.getBoolean("bodiesDiscarded")).isTrue();
    assertThat(detail.containsKey("textBody") && !detail.isNull("textBody")).isFalse();
    assertThat(detail.toString()).doesNotContain(token);
  }

  @Test
  void anOrderOfACustomerNotKnownYetIsMailedOnceTheirRegistrationArrives() {
    UUID customer = UUID.randomUUID();
    String email = Platform.newEmail("late-registration");
    String number = "OC-IT" + customer.toString().substring(0, 5).toUpperCase();
    EventTap.publish(
        new OrderPlaced(
            UUID.randomUUID(),
            number,
            customer,
            UUID.randomUUID(),
            List.of(
                new OrderLine(UUID.randomUUID(), "IT-1", "Late tea", 1, new BigDecimal("4.00"))),
            new BigDecimal("4.00"),
            "EUR",
            new PostalAddress("Late", null, "1 rue", null, "75001", "Paris", null, "FR", null),
            Instant.now()));
    String admin = Platform.admin().accessToken();
    JsonObject waiting = awaitMail(admin, "kind=order-confirmation&status=FAILED", number);
    assertThat(waiting.getString("lastError")).isEqualTo("unknown recipient");
    post(NEWSLETTERS + "/mails/" + waiting.getString("id") + "/resend", null, admin)
        .assertProblem(409, "mail-not-resendable");

    EventTap.publish(new UserRegistered(customer, email, "Late Customer"));
    Mailbox.await(email, m -> m.subject().equals("Your order " + number + " is confirmed"));
    Mailbox.await(email, m -> m.subject().equals("Welcome to OpenCommerce"));
  }

  /** The first mail of the admin list matching {@code query} (and a subject part), once there. */
  static JsonObject awaitMail(String admin, String query, String... subjectContains) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                get(NEWSLETTERS + "/mails?limit=100&" + query, admin)
                    .json()
                    .getJsonArray("items")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .filter(
                        m ->
                            List.of(subjectContains).stream()
                                .allMatch(s -> m.getString("subject").contains(s)))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
