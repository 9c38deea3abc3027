package io.opencommerce.contacts.client;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What someone sends through a site's contact form. {@code topic} is one of the site's topics
 * ({@code GET /topics}); a topic without a rule of its own is routed to the site's fallback, so
 * nothing is lost. {@code language} (a language tag such as {@code fr} or {@code fr-CA}) is the one
 * the answer and the acknowledgement are written in.
 *
 * <p>{@code website} is the honeypot: the form renders it hidden from people (CSS, {@code
 * tabindex="-1"}, {@code autocomplete="off"}) and leaves it empty; a robot filling every field
 * fills it too. A form with it filled is answered exactly like any other and then dropped.
 */
public record ContactRequest(
    @NotBlank(message = "Name is required.")
        @Size(max = 100, message = "Name must be at most 100 characters.")
        String name,
    @NotBlank(message = "E-mail is required.")
        @Email(message = "E-mail must be a valid address.")
        @Size(max = 254, message = "E-mail must be at most 254 characters.")
        String email,
    @NotBlank(message = "Topic is required.")
        @Pattern(regexp = ContactRequest.TOPIC, message = ContactRequest.TOPIC_MESSAGE)
        String topic,
    @NotBlank(message = "Message is required.")
        @Size(max = 5000, message = "Message must be at most 5000 characters.")
        String message,
    @Pattern(
            regexp = ContactRequest.LANGUAGE,
            message = "Language must be a language tag such as fr or fr-CA.")
        String language,
    String website) {

  /** A topic: lower-case letters, digits and dashes, at most 40 characters. */
  public static final String TOPIC = "[a-z0-9][a-z0-9-]{0,39}";

  public static final String TOPIC_MESSAGE =
      "Topic must be 1-40 lower-case letters, digits or dashes, such as order or product.";

  /** A language tag: a language, optionally a region or script (fr, fr-CA, zh-Hant). */
  public static final String LANGUAGE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}";
}
