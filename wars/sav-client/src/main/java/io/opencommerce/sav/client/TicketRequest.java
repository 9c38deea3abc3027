package io.opencommerce.sav.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a customer sends to open a ticket. {@code category} is one of {@link #CATEGORIES} (it gives
 * the ticket its priority; customers never set one). {@code orderNumber}, when given, must be one
 * of the customer's own orders ({@code OC-…}); {@code message} is the first message of the
 * conversation.
 */
public record TicketRequest(
    @NotBlank(message = "Subject is required.")
        @Size(max = 200, message = "Subject must be at most 200 characters.")
        String subject,
    @NotBlank(message = "Category is required.")
        @Pattern(regexp = TicketRequest.CATEGORIES, message = TicketRequest.CATEGORY_MESSAGE)
        String category,
    @Pattern(regexp = TicketRequest.ORDER_NUMBER, message = "Order number must look like OC-…")
        String orderNumber,
    @NotBlank(message = "Message is required.")
        @Size(max = MessageRequest.MAX_TEXT, message = MessageRequest.TEXT_MESSAGE)
        String message) {

  /** The categories a ticket may have. */
  public static final String CATEGORIES = "order|delivery|payment|return|product|account|other";

  public static final String CATEGORY_MESSAGE =
      "Category must be one of order, delivery, payment, return, product, account, other.";

  /** An order number as the orders service makes them. */
  public static final String ORDER_NUMBER = "OC-[0-9A-Z]{10}";
}
