package io.opencommerce.sav.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A move of a ticket along its status machine, and why. Staff move tickets on ({@code IN_PROGRESS},
 * {@code WAITING_FOR_CUSTOMER}, {@code RESOLVED}, {@code CLOSED}, or back to the queue: {@code
 * OPEN}); a customer may close their ticket ({@code CLOSED}) or reopen a resolved one ({@code
 * IN_PROGRESS}).
 */
public record StatusRequest(
    @NotBlank(message = "Status is required.")
        @Pattern(regexp = StatusRequest.STATUSES, message = StatusRequest.STATUS_MESSAGE)
        String status,
    @Size(max = 500, message = "Reason must be at most 500 characters.") String reason) {

  public static final String STATUSES =
      "OPEN|ASSIGNED|WAITING_FOR_CUSTOMER|IN_PROGRESS|RESOLVED|CLOSED";

  public static final String STATUS_MESSAGE =
      "Status must be one of OPEN, ASSIGNED, WAITING_FOR_CUSTOMER, IN_PROGRESS, RESOLVED, CLOSED.";
}
