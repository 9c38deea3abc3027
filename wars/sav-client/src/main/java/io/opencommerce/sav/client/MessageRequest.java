package io.opencommerce.sav.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A message added to a ticket, by its customer or by staff (a reply). */
public record MessageRequest(
    @NotBlank(message = "Text is required.")
        @Size(max = MessageRequest.MAX_TEXT, message = MessageRequest.TEXT_MESSAGE)
        String text) {
  public static final int MAX_TEXT = 5000;
  public static final String TEXT_MESSAGE = "Text must be at most 5000 characters.";
}
