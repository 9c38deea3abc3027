package io.opencommerce.sav.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Staff set a ticket's priority (its deadlines follow), and why. */
public record PriorityRequest(
    @NotBlank(message = "Priority is required.")
        @Pattern(
            regexp = PriorityRequest.PRIORITIES,
            message = "Priority must be one of LOW, NORMAL, HIGH, URGENT.")
        String priority,
    @Size(max = 500, message = "Reason must be at most 500 characters.") String reason) {
  public static final String PRIORITIES = "LOW|NORMAL|HIGH|URGENT";
}
