package io.opencommerce.newsletters.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The links mails carry, from URL templates in configuration where {@code {token}}, {@code
 * {trackingNumber}} or {@code {ticketId}} stands for the value (URL-encoded when filled in):
 *
 * <ul>
 *   <li>{@code newsletters.links.password-reset} ({@code {token}}): the shop's page that confirms a
 *       password reset;
 *   <li>{@code newsletters.links.tracking} ({@code {trackingNumber}}): where a parcel is followed;
 *   <li>{@code newsletters.links.ticket} ({@code {ticketId}}): the shop's page of a customer's
 *       support ticket, where they read the conversation and reply;
 *   <li>{@code newsletters.links.subscription-confirmation} ({@code {token}}): where a subscriber
 *       confirms their subscription (the API's {@code GET /subscriptions/confirmation} by default,
 *       or a page of the shop that calls it);
 *   <li>{@code newsletters.links.unsubscribe} ({@code {token}}): where a subscriber leaves, with
 *       one click ({@code List-Unsubscribe}: mail clients POST {@code List-Unsubscribe=One-Click}
 *       to it, RFC 8058, which wants it HTTPS in production).
 * </ul>
 */
@ApplicationScoped
public class Links {
  public static final String PASSWORD_RESET = "newsletters.links.password-reset";
  public static final String TRACKING = "newsletters.links.tracking";
  public static final String TICKET = "newsletters.links.ticket";
  public static final String SUBSCRIPTION_CONFIRMATION =
      "newsletters.links.subscription-confirmation";
  public static final String UNSUBSCRIBE = "newsletters.links.unsubscribe";

  public String passwordReset(String token) {
    return fill(
        setting(PASSWORD_RESET, "https://localhost:9443/reset-password?token={token}"),
        "{token}",
        token);
  }

  public String tracking(String trackingNumber) {
    return fill(
        setting(TRACKING, "http://localhost:9080/deliveries/api/tracking/{trackingNumber}"),
        "{trackingNumber}",
        trackingNumber);
  }

  public String ticket(String ticketId) {
    return fill(
        setting(TICKET, "https://localhost:9443/account/tickets/{ticketId}"),
        "{ticketId}",
        ticketId);
  }

  public String subscriptionConfirmation(String token) {
    return fill(
        setting(
            SUBSCRIPTION_CONFIRMATION,
            "http://localhost:9080/newsletters/api/subscriptions/confirmation?token={token}"),
        "{token}",
        token);
  }

  public String unsubscribe(String token) {
    return fill(
        setting(
            UNSUBSCRIBE,
            "http://localhost:9080/newsletters/api/subscriptions/unsubscription?token={token}"),
        "{token}",
        token);
  }

  private static String setting(String key, String fallback) {
    return ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(fallback);
  }

  /** {@code template} with {@code placeholder} replaced by {@code value}, URL-encoded. */
  static String fill(String template, String placeholder, String value) {
    String encoded = URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    return template.contains(placeholder)
        ? template.replace(placeholder, encoded)
        : template + encoded;
  }
}
