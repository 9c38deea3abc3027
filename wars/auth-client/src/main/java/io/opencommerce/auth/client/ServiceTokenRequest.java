package io.opencommerce.auth.client;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A platform service's own credentials (its id and the secret configured for it), exchanged for a
 * short-lived service token. Only services have these; customers never do.
 */
public record ServiceTokenRequest(
    @NotNull(message = "Service id is required.")
        @Pattern(
            regexp = "[a-z][a-z0-9-]{1,30}",
            message =
                "Service id must be 2 to 31 lower-case letters, digits or hyphens, starting with a"
                    + " letter.")
        String serviceId,
    @NotNull(message = "Secret is required.")
        @Size(min = 16, max = 200, message = "Secret must be 16 to 200 characters.")
        String secret) {

  /** Hides the secret from logs and debuggers. */
  @Override
  public String toString() {
    return "ServiceTokenRequest[serviceId=" + serviceId + ", secret=***]";
  }
}
