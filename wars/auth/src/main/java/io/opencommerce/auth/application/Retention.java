package io.opencommerce.auth.application;

import io.opencommerce.kit.work.Purges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the auth service keeps, and for how long: refresh and reset tokens for {@code
 * auth.retention.tokens} (P7D) after they expired (long enough to recognise a stolen token that is
 * replayed late), the security audit trail for {@code auth.retention.security-events} (P400D: a
 * year and a margin, as audits ask), the failed-login counts of addresses without an account for a
 * day after their last attempt (longer than any failure window or lock), and revocations for {@code
 * auth.retention.revocations} (PT1H) after they may be forgotten (their tokens have expired by
 * then; the hour leaves room for servers whose clocks disagree).
 */
@ApplicationScoped
public class Retention {
  @Inject Purges purges;

  @Inject
  @ConfigProperty(name = "auth.retention.tokens", defaultValue = "P7D")
  String tokens;

  @Inject
  @ConfigProperty(name = "auth.retention.security-events", defaultValue = "P400D")
  String securityEvents;

  @Inject
  @ConfigProperty(name = "auth.retention.revocations", defaultValue = "PT1H")
  String revocations;

  void start(@Observes Startup startup) {
    Duration afterExpiry = Duration.parse(tokens);
    purges.keep(
        "expired refresh tokens",
        afterExpiry,
        "DELETE FROM refresh_tokens WHERE expires_at < ? LIMIT ?");
    purges.keep(
        "expired password reset tokens",
        afterExpiry,
        "DELETE FROM password_reset_tokens WHERE expires_at < ? LIMIT ?");
    purges.keep(
        "failed-login counts of unknown addresses",
        Duration.ofDays(1),
        "DELETE FROM unknown_account_logins WHERE updated_at < ? LIMIT ?");
    purges.keep(
        "security events",
        Duration.parse(securityEvents),
        "DELETE FROM security_events WHERE occurred_at < ? LIMIT ?");
    Duration revoked = Duration.parse(revocations);
    purges.keep(
        "expired token revocations",
        revoked,
        "DELETE FROM revoked_tokens WHERE expires_at < ? LIMIT ?");
    purges.keep(
        "expired token-version floors",
        revoked,
        "DELETE FROM revoked_token_versions WHERE expires_at < ? LIMIT ?");
  }
}
