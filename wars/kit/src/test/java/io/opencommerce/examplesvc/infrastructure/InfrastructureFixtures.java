package io.opencommerce.examplesvc.infrastructure;

import io.opencommerce.kit.events.Received;
import io.opencommerce.othersvc.domain.OtherDomain;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

/** Rule fixtures (see PlatformRulesTest): infrastructure classes that keep or break the rules. */
public final class InfrastructureFixtures {
  private InfrastructureFixtures() {}

  /** Imports another service's domain instead of going through its client. */
  public static class ImportsAnotherService {
    OtherDomain other;
  }

  /** Consumes an integration event outside the application layer. */
  public static class StrayConsumer {
    void placed(@Observes @Received String event) {}
  }

  /** Observes a plain CDI event: no integration event, allowed anywhere. */
  public static class StartupCheck {
    void check(@Observes Startup startup) {}
  }
}
