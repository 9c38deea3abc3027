package io.opencommerce.auth.application;

import io.opencommerce.auth.client.ServiceTokenResponse;
import io.opencommerce.auth.domain.SecurityEventType;
import io.opencommerce.auth.domain.ServiceCredentials;
import io.opencommerce.auth.domain.ServiceCredentials.Check;
import io.opencommerce.auth.infrastructure.TokenIssuer;
import io.opencommerce.auth.infrastructure.TokenIssuer.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Service tokens for the platform's own services, which call endpoints no customer may: each
 * service proves itself with the secret configured for it (read per request, so a rotated Secret
 * needs no redeployment) and gets a short-lived token. A refusal is an answer, not an exception:
 * its audit entry must commit.
 */
@ApplicationScoped
@Transactional
public class ServiceLogins {
  private static final Logger LOG = Logger.getLogger(ServiceLogins.class.getName());

  @Inject TokenIssuer issuer;
  @Inject SecurityAudit audit;
  @Inject AuthSettings settings;

  private final ServiceCredentials credentials =
      new ServiceCredentials(key -> ConfigProvider.getConfig().getOptionalValue(key, String.class));

  /** A token for the service, or empty if the service is unknown or the secret wrong. */
  public Optional<ServiceTokenResponse> issue(String serviceId, String secret) {
    Check check = credentials.check(serviceId, secret);
    if (check != Check.VALID) {
      String reason = check == Check.UNKNOWN_SERVICE ? "unknown service" : "wrong secret";
      LOG.warning(() -> "Service token refused to " + serviceId + ": " + reason);
      audit.record(
          SecurityEventType.SERVICE_TOKEN_REFUSED,
          null,
          null,
          null,
          "service " + serviceId + ": " + reason);
      return Optional.empty();
    }
    Duration ttl = settings.serviceTokenTtl();
    AccessToken token = issuer.issueService(serviceId, ttl);
    audit.record(
        SecurityEventType.SERVICE_TOKEN_ISSUED,
        null,
        null,
        null,
        "service " + serviceId + ", token " + token.id());
    return Optional.of(new ServiceTokenResponse(token.value(), "Bearer", ttl.toSeconds()));
  }
}
