package io.opencommerce.auth.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a platform service's credentials against the secret configured for it under {@code
 * service-credentials.<id>.secret}. Secrets are compared as SHA-256 digests in constant time, and
 * an unknown service is compared against a random secret, so neither the answer nor its timing
 * tells an unknown service from a wrong secret.
 */
public final class ServiceCredentials {
  /** The shape of a service id; it also keeps an id from naming any other configuration key. */
  public static final Pattern SERVICE_ID = Pattern.compile("[a-z][a-z0-9-]{1,30}");

  /** The outcome of a check; only the audit trail tells the two refusals apart. */
  public enum Check {
    VALID,
    UNKNOWN_SERVICE,
    WRONG_SECRET
  }

  private final Function<String, Optional<String>> config;
  private final String decoy;

  /** Checks against what {@code config} (a configuration key in, its value if set) holds. */
  public ServiceCredentials(Function<String, Optional<String>> config) {
    this.config = config;
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.decoy = HexFormat.of().formatHex(random);
  }

  /** The configuration key of a service's secret (environment: {@code SERVICE_CREDENTIALS_…}). */
  public static String secretKey(String serviceId) {
    return "service-credentials." + serviceId + ".secret";
  }

  public Check check(String serviceId, String secret) {
    Optional<String> configured =
        serviceId != null && SERVICE_ID.matcher(serviceId).matches()
            ? config.apply(secretKey(serviceId)).filter(s -> !s.isEmpty())
            : Optional.empty();
    boolean matches =
        MessageDigest.isEqual(
            sha256(configured.orElse(decoy)), sha256(secret == null ? "" : secret));
    if (configured.isEmpty()) {
      return Check.UNKNOWN_SERVICE;
    }
    return matches ? Check.VALID : Check.WRONG_SECRET;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
