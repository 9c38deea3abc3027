package io.opencommerce.examplesvc.api;

import io.opencommerce.examplesvc.application.ApplicationFixtures;
import jakarta.transaction.Transactional;

/** Rule fixtures (see PlatformRulesTest): resources that keep or break the rules. */
public final class ApiFixtures {
  private ApiFixtures() {}

  /** Calls a use case, which opens the transaction. */
  public static class OrderResource {
    ApplicationFixtures.Orders orders;
  }

  /** Opens a transaction in a resource method. */
  public static class TransactionalMethodResource {
    @Transactional
    public void put() {}
  }

  /** Makes every method of a resource transactional. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public static class TransactionalResource {}
}
