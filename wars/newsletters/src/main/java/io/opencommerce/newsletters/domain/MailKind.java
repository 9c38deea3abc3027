package io.opencommerce.newsletters.domain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a mail is for. Each kind has its template (one per site and language), the data its template
 * is rendered with ({@link #sample()} shows every field, and is what a template is tried with
 * before it is saved), and two properties: a <em>sensitive</em> mail (a password reset link) has
 * its bodies blanked once it is sent or has failed, and a <em>marketing</em> mail goes only to
 * confirmed subscribers and carries the one-click unsubscribe headers.
 */
public enum MailKind {
  WELCOME("welcome", false, false),
  PASSWORD_RESET("password-reset", true, false),
  ORDER_CONFIRMATION("order-confirmation", false, false),
  SHIPMENT_UPDATE("shipment-update", false, false),
  ORDER_CANCELLED("order-cancelled", false, false),
  CONTACT_INQUIRY("contact-inquiry", false, false),
  CONTACT_ACKNOWLEDGEMENT("contact-acknowledgement", false, false),
  CONTACT_ANSWER("contact-answer", false, false),
  TICKET_ANSWER("ticket-answer", false, false),
  SUBSCRIPTION_CONFIRMATION("subscription-confirmation", false, false),
  NEWSLETTER("newsletter", false, true);

  /** Every kind's code, as a pattern for request validation. */
  public static final String CODES =
      "welcome|password-reset|order-confirmation|shipment-update|order-cancelled|contact-inquiry"
          + "|contact-acknowledgement|contact-answer|ticket-answer|subscription-confirmation"
          + "|newsletter";

  private final String code;
  private final boolean sensitive;
  private final boolean marketing;

  MailKind(String code, boolean sensitive, boolean marketing) {
    this.code = code;
    this.sensitive = sensitive;
    this.marketing = marketing;
  }

  public String code() {
    return code;
  }

  public boolean isSensitive() {
    return sensitive;
  }

  public boolean isMarketing() {
    return marketing;
  }

  public static Optional<MailKind> byCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }

  /**
   * Data of the shape this kind's mails are rendered with, filled with examples: what a template
   * preview shows, and what a new template must render with before it is saved.
   */
  public Map<String, Object> sample() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("shopName", "OpenCommerce");
    model.put("supportEmail", "support@example.com");
    model.put("site", "default");
    model.put("language", "en");
    model.put("name", "Alex Martin");
    model.put("email", "alex.martin@example.com");
    switch (this) {
      case WELCOME -> {}
      case PASSWORD_RESET -> {
        model.put("resetLink", "https://shop.example.com/reset-password?token=SAMPLE-TOKEN");
        model.put("expiresAt", "2026-12-24 18:30 UTC");
      }
      case ORDER_CONFIRMATION, ORDER_CANCELLED -> {
        model.put("orderNumber", "OC-7K2M9Q4XRB");
        model.put(
            "lines",
            List.of(
                line("Sencha green tea", "DEMO-TEA-1", 2, "€12.50", "€25.00"),
                line("Espresso cups", "DEMO-CUP-2", 1, "€18.00", "€18.00")));
        model.put("total", "€43.00");
        model.put("currency", "EUR");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("recipient", "Alex Martin");
        address.put("company", "");
        address.put("line1", "8 rue de la Paix");
        address.put("line2", "");
        address.put("postalCode", "75002");
        address.put("city", "Paris");
        address.put("region", "");
        address.put("country", "FR");
        model.put("shippingAddress", address);
        model.put("reason", "Ordered by mistake");
      }
      case SHIPMENT_UPDATE -> {
        model.put("orderNumber", "OC-7K2M9Q4XRB");
        model.put("status", "IN_TRANSIT");
        model.put("statusLabel", "on its way");
        model.put("inTransit", true);
        model.put("outForDelivery", false);
        model.put("delivered", false);
        model.put("carrier", "simulated");
        model.put("trackingNumber", "SIM12345678903");
        model.put("trackingLink", "https://shop.example.com/track/SIM12345678903");
        model.put("estimatedDelivery", "December 24, 2026");
      }
      case CONTACT_INQUIRY, CONTACT_ACKNOWLEDGEMENT, CONTACT_ANSWER -> {
        model.put("inquiryId", "5b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d");
        model.put("topic", "orders");
        model.put("message", "Where is my parcel?\nIt was due yesterday.");
        model.put("receivedAt", "2026-12-20 09:15 UTC");
        model.put("answer", "Your parcel left our warehouse this morning.");
      }
      case TICKET_ANSWER -> {
        model.put("ticketId", "0193f1d2-7a4b-7c3d-9e8f-0a1b2c3d4e5f");
        model.put("ticketNumber", "SAV-2026-000042");
        model.put("subject", "My parcel has not arrived");
        model.put("agentName", "Camille");
        model.put("reply", "Your parcel left our warehouse this morning.\nIt arrives tomorrow.");
        model.put("answeredAt", "2026-12-20 09:15 UTC");
        model.put("ticketLink", "https://shop.example.com/account/tickets/SAMPLE");
      }
      case SUBSCRIPTION_CONFIRMATION ->
          model.put("confirmLink", "https://shop.example.com/newsletter/confirm?token=SAMPLE");
      case NEWSLETTER ->
          model.put("unsubscribeLink", "https://shop.example.com/newsletters/unsubscribe?t=SAMPLE");
    }
    return model;
  }

  private static Map<String, Object> line(
      String name, String sku, int quantity, String unitPrice, String lineTotal) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("name", name);
    line.put("sku", sku);
    line.put("quantity", quantity);
    line.put("unitPrice", unitPrice);
    line.put("lineTotal", lineTotal);
    return line;
  }
}
