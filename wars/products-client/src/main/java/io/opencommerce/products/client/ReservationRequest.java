package io.opencommerce.products.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Units a service holds for a customer's checkout, all or nothing, for {@code holdSeconds} (15
 * minutes by default). {@code reference} ties the reservation to the caller's own record (an
 * order). A line may say the price the caller expects ({@code unitPrice} and {@code currency}, both
 * or neither): if the catalogue's price differs, nothing is held and the answer is 409 {@code
 * prices-changed} with today's prices.
 */
public record ReservationRequest(
    @NotNull(message = "Customer id is required.") UUID customerId,
    @NotEmpty(message = "At least one line is required.")
        @Size(max = 100, message = "At most 100 lines.")
        List<@Valid @NotNull(message = "Lines must not be null.") Line> lines,
    @Size(max = 100, message = "Reference must be at most 100 characters.") String reference,
    @Min(value = 1, message = "Hold time must be at least 1 second.")
        @Max(value = 3600, message = "Hold time must be at most 3600 seconds.")
        Integer holdSeconds) {

  /** A quantity of one product, and optionally the price the caller expects for it. */
  public record Line(
      @NotNull(message = "Product id is required.") UUID productId,
      @NotNull(message = "Quantity is required.")
          @Min(value = 1, message = "Quantity must be at least 1.")
          @Max(value = 10_000, message = "Quantity must be at most 10000.")
          Integer quantity,
      @DecimalMin(value = "0.00", message = "Unit price must not be negative.")
          @Digits(integer = 13, fraction = 2, message = "Unit price has at most two decimals.")
          BigDecimal unitPrice,
      @Pattern(regexp = "[A-Z]{3}", message = "Currency must be an ISO 4217 code.")
          String currency) {}
}
