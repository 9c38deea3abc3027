package io.opencommerce.storefront.infrastructure;

import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.client.ServiceClient;
import io.opencommerce.sav.client.SavApi;
import io.opencommerce.sav.client.TicketSummary;
import jakarta.enterprise.context.ApplicationScoped;

/** What the account overview asks the sav service: the caller's own support tickets. */
@ApplicationScoped
public class SavService extends ServiceClient<SavApi> {
  public SavService() {
    super(SavApi.class, "sav");
  }

  /** The caller's newest {@code limit} tickets not yet resolved or closed, with their total. */
  public Page<TicketSummary> openTickets(int limit) {
    return call(api -> api.openTickets(callerBearer(), limit, 0));
  }
}
