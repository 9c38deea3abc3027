package io.opencommerce.newsletters.client;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Someone asks for the current site's newsletter at {@code email} (anyone; a shop's newsletter
 * form). Nothing is sent before the address is confirmed: the answer is 202 whatever the address's
 * state, and a confirmation link is mailed to it (double opt-in). {@code language} (two letters,
 * the site's language when left out) is the one its mails are written in.
 */
public record SubscriptionRequest(
    @NotBlank(message = "E-mail is required.")
        @Email(message = "E-mail must be a valid address.")
        @Size(max = 254, message = "E-mail must be at most 254 characters.")
        String email,
    @Pattern(regexp = SubscriptionRequest.LANGUAGE, message = SubscriptionRequest.LANGUAGE_MESSAGE)
        String language) {

  /** A language: two lower-case letters. */
  public static final String LANGUAGE = "[a-z]{2}";

  public static final String LANGUAGE_MESSAGE = "Language must be a two-letter code such as en.";
}
