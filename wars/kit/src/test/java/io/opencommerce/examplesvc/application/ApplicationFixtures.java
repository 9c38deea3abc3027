package io.opencommerce.examplesvc.application;

import io.opencommerce.examplesvc.api.ApiFixtures;
import io.opencommerce.examplesvc.domain.DomainFixtures;
import io.opencommerce.kit.events.Received;
import io.opencommerce.othersvc.client.OtherApi;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/** Rule fixtures (see PlatformRulesTest): application classes that keep or break the rules. */
public final class ApplicationFixtures {
  private ApplicationFixtures() {}

  /** A use case: transactional, consumes an event, calls another service through its client. */
  @Transactional
  public static class Orders {
    OtherApi other;
    DomainFixtures.Order order;

    void placed(@Observes @Received String event) {}
  }

  /** Knows a resource. */
  public static class UsesResource {
    ApiFixtures.OrderResource resource;
  }

  /** Writes to the standard streams. */
  public static class Printer {
    void print(IllegalStateException problem) {
      System.out.println("done");
      System.err.println("failed");
      problem.printStackTrace();
    }
  }
}
