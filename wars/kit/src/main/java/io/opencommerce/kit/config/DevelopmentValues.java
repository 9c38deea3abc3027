package io.opencommerce.kit.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps the local platform's development values out of every other environment. The all-in-one
 * server ({@code liberty-config/all-in-one/server.xml}) gives every secret a well-known default
 * (the bootstrap administrator's password, the Admin Center's, the keystore's, the carrier webhook
 * secret, the service credentials, the database passwords…) and says {@code
 * platform.environment=local}, as does Kubernetes' dev overlay (a cluster on a laptop, run from the
 * Secret templates of {@code kube/secrets/} and their {@code CHANGE-ME} placeholders). Anywhere
 * else — staging, production, any image where {@code platform.environment} is unset — a service
 * refuses to start while any configuration value, whatever its name, is one of those development
 * values or a template's placeholder: a copied configuration fails at deploy time, not after an
 * attacker tried the demo password.
 *
 * <p>The list below is the one place that knows the development values; a unit test reads the
 * all-in-one server.xml and fails the build when a secret there is missing from it.
 */
@ApplicationScoped
public class DevelopmentValues {
  /**
   * The configuration key naming the environment; only {@value #LOCAL} allows development values.
   */
  public static final String ENVIRONMENT = "platform.environment";

  public static final String LOCAL = "local";

  private static final Set<String> VALUES =
      Set.of(
          "local-keystore-password",
          "local-ltpa-password",
          "admin-local-password",
          "opencommerce-dev-password",
          "opencommerce-dev-secret",
          "Demo-Operator-2026!",
          "orders-local-service-secret",
          "baskets-local-service-secret",
          "deliveries-local-service-secret",
          "orders-local-order-id-secret-2026",
          "simulated-carrier-dev-secret",
          "newsletters-local-links-secret-2026",
          "questions-local-visitor-secret-2026",
          "greenmail-takes-any-password");

  /** Each service's local database password: {@code <service>-dev-password}. */
  private static final Pattern DATABASE_PASSWORD = Pattern.compile("[a-z][a-z0-9-]*-dev-password");

  /** The placeholders of the Secret templates in {@code kube/secrets/}. */
  private static final String PLACEHOLDER = "CHANGE-ME";

  /** Whether this server runs as the local development platform. */
  public static boolean isLocal() {
    return isLocal(ConfigProvider.getConfig());
  }

  static boolean isLocal(Config config) {
    return config.getOptionalValue(ENVIRONMENT, String.class).map(LOCAL::equals).orElse(false);
  }

  /** Whether {@code value} is one of the local platform's development values. */
  public static boolean isDevelopmentValue(String value) {
    return value != null
        && (VALUES.contains(value)
            || DATABASE_PASSWORD.matcher(value).matches()
            || value.startsWith(PLACEHOLDER));
  }

  void check(@Observes Startup startup) {
    Config config = ConfigProvider.getConfig();
    refuseOutsideLocal(isLocal(config), config.getPropertyNames(), name -> value(config, name));
  }

  /**
   * Fails, naming the keys (never the values), when the configuration holds a development value and
   * is not the local platform's.
   */
  static void refuseOutsideLocal(
      boolean local, Iterable<String> names, Function<String, Optional<String>> values) {
    if (local) {
      return;
    }
    Set<String> offending = new TreeSet<>();
    for (String name : names) {
      if (isDevelopmentValue(values.apply(name).orElse(null))) {
        offending.add(name);
      }
    }
    if (!offending.isEmpty()) {
      throw new IllegalStateException(
          "Refusing to start: "
              + offending
              + " hold the local platform's development values, and "
              + ENVIRONMENT
              + " is not '"
              + LOCAL
              + "'. Give each its own secret (the Secret of this environment).");
    }
  }

  private static Optional<String> value(Config config, String name) {
    try {
      return config.getOptionalValue(name, String.class);
    } catch (RuntimeException e) {
      return Optional.empty(); // a value this source cannot give as text is no secret of ours
    }
  }
}
