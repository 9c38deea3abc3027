package io.opencommerce.websites.client;

import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * How a site's shop front looks and whom its customers write to. {@code colours} names at most
 * {@value #MAX_COLOURS} colours ({@code primary}, {@code accent}, …: lower-case letters, digits and
 * dashes, at most 32 characters, starting with a letter), each {@code #rrggbb}. {@code logoKey} is
 * the object key of the site's logo in object storage ({@code sites/shop/logo.svg}: letters,
 * digits, {@code . _ - /}, at most 200 characters). {@code supportEmail} is the address the site's
 * mails are signed with and customers write to. Each may be left out.
 */
public record Theme(
    @Size(
            max = Theme.MAX_COLOURS,
            message = "At most " + Theme.MAX_COLOURS + " colours are allowed.")
        Map<String, String> colours,
    @Size(max = Theme.MAX_LOGO_KEY, message = "Logo key must be at most 200 characters.")
        String logoKey,
    @Size(max = Theme.MAX_EMAIL, message = "Support e-mail must be at most 254 characters.")
        String supportEmail) {

  public static final int MAX_COLOURS = 16;
  public static final int MAX_LOGO_KEY = 200;
  public static final int MAX_EMAIL = 254;

  /** A colour's name. */
  public static final String COLOUR_NAME = "[a-z][a-z0-9-]{0,31}";

  /** A colour: {@code #rrggbb}, hexadecimal. */
  public static final String COLOUR = "#[0-9a-fA-F]{6}";
}
