package io.opencommerce.kit.health;

import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.storage.ObjectStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the service's bucket exists. Services that do not configure {@code storage.bucket}
 * report that they do not use object storage.
 */
@Readiness
@ApplicationScoped
public class ObjectStorageReadinessCheck implements HealthCheck {
  @Inject ObjectStorage storage;
  @Inject ServiceIdentity service;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named(service.name() + "-object-storage");
    if (!storage.isConfigured()) {
      return response.up().withData("used", false).build();
    }
    try {
      return response.status(storage.bucketExists()).withData("bucket", storage.bucket()).build();
    } catch (Exception e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
