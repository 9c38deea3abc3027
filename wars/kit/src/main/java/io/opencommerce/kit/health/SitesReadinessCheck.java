package io.opencommerce.kit.health;

import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.sites.SiteRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the site registry has loaded — from the websites service, or from the snapshot in
 * Redis while that service is away — since until then every request is answered 503 {@code
 * sites-unavailable}. The data says how many sites are held, where they came from ({@code origin}:
 * {@code SOURCE}, {@code SNAPSHOT}, {@code NONE}) and when they were loaded.
 */
@Readiness
@ApplicationScoped
public class SitesReadinessCheck implements HealthCheck {
  @Inject SiteRegistry registry;
  @Inject ServiceIdentity service;

  @Override
  public HealthCheckResponse call() {
    var response =
        HealthCheckResponse.named(service.name() + "-sites")
            .status(registry.isLoaded())
            .withData("origin", registry.origin().name())
            .withData("sites", registry.sites().size());
    if (registry.loadedAt() != null) {
      response.withData("loadedAt", registry.loadedAt().toString());
    }
    return response.build();
  }
}
