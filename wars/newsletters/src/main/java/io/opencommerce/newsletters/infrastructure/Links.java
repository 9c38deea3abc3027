package io.opencommerce.newsletters.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The links mails carry, from URL templates in configuration where {@code {token}} or {@code
 * {trackingNumber}} stands for the value (URL-encoded when filled in):
 *
 * <ul>
 *   <li>{@code newsletters.links.password-reset} ({@code {token}}): the shop's page that confirms a
 *       password reset;
 *   <li>{@code newsletters.links.tracking} ({@code {trackingNumber}}): where a parcel is followed.
 * </ul>
 */
@ApplicationScoped
public class Links {
  public static final String PASSWORD_RESET = "newsletters.links.password-reset";
  public static final String TRACKING = "newsletters.links.tracking";

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
