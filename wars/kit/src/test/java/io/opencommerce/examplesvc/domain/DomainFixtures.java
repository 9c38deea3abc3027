package io.opencommerce.examplesvc.domain;

import io.opencommerce.contracts.api.ProblemDetail;
import io.opencommerce.examplesvc.application.ApplicationFixtures;
import io.opencommerce.kit.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.persistence.Entity;

/** Rule fixtures (see PlatformRulesTest): domain classes that keep or break the rules. */
public final class DomainFixtures {
  private DomainFixtures() {}

  /** JPA, the kit and the contracts (even their api package) are fine in the domain. */
  @Entity
  public static class Order {
    ProblemDetail problem;

    void fail() {
      throw ProblemException.notFound("Order", null);
    }
  }

  /** Depends on a use case and on CDI. */
  public static class LeakyOrder {
    @Inject ApplicationFixtures.Orders orders;
  }
}
