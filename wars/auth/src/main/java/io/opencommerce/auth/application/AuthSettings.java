package io.opencommerce.auth.application;

import io.opencommerce.auth.domain.LockoutPolicy;
import io.opencommerce.auth.domain.PasswordPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The auth service's tunables, each a MicroProfile Config key (environment: upper snake case, e.g.
 * {@code AUTH_ACCESS_TOKEN_TTL}). Durations are ISO-8601 ({@code PT15M}).
 */
@ApplicationScoped
public class AuthSettings {
  @Inject
  @ConfigProperty(name = "jwt.issuer", defaultValue = "https://opencommerce.local/auth")
  String issuer;

  @Inject
  @ConfigProperty(name = "jwt.audience", defaultValue = "opencommerce")
  String audience;

  @Inject
  @ConfigProperty(name = "auth.access-token.ttl", defaultValue = "PT15M")
  String accessTokenTtl;

  @Inject
  @ConfigProperty(name = "auth.service-token.ttl", defaultValue = "PT5M")
  String serviceTokenTtl;

  @Inject
  @ConfigProperty(name = "auth.refresh-token.ttl", defaultValue = "P14D")
  String refreshTokenTtl;

  @Inject
  @ConfigProperty(name = "auth.password-reset.ttl", defaultValue = "PT30M")
  String passwordResetTtl;

  @Inject
  @ConfigProperty(name = "auth.password.min-length", defaultValue = "10")
  int passwordMinLength;

  @Inject
  @ConfigProperty(name = "auth.lockout.max-failures", defaultValue = "5")
  int lockoutMaxFailures;

  @Inject
  @ConfigProperty(name = "auth.lockout.window", defaultValue = "PT15M")
  String lockoutWindow;

  @Inject
  @ConfigProperty(name = "auth.lockout.duration", defaultValue = "PT15M")
  String lockoutDuration;

  public String issuer() {
    return issuer;
  }

  public String audience() {
    return audience;
  }

  public Duration accessTokenTtl() {
    return Duration.parse(accessTokenTtl);
  }

  public Duration serviceTokenTtl() {
    return Duration.parse(serviceTokenTtl);
  }

  public Duration refreshTokenTtl() {
    return Duration.parse(refreshTokenTtl);
  }

  /**
   * How many reset tokens one account gets per hour ({@code auth.password-reset.max-per-hour}, 3);
   * further requests within the hour answer the same and send nothing.
   */
  @Inject
  @ConfigProperty(name = "auth.password-reset.max-per-hour", defaultValue = "3")
  int passwordResetsPerHour;

  public int passwordResetsPerHour() {
    return passwordResetsPerHour;
  }

  public Duration passwordResetTtl() {
    return Duration.parse(passwordResetTtl);
  }

  public PasswordPolicy passwordPolicy() {
    return new PasswordPolicy(passwordMinLength);
  }

  public LockoutPolicy lockoutPolicy() {
    return new LockoutPolicy(
        lockoutMaxFailures, Duration.parse(lockoutWindow), Duration.parse(lockoutDuration));
  }
}
