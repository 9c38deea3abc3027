package io.opencommerce.storefront.infrastructure;

import io.opencommerce.addresses.client.AddressView;
import io.opencommerce.addresses.client.AddressesApi;
import io.opencommerce.contracts.api.Page;
import io.opencommerce.kit.client.ServiceClient;
import jakarta.enterprise.context.ApplicationScoped;

/** What the account overview asks the addresses service: the caller's own address book. */
@ApplicationScoped
public class AddressesService extends ServiceClient<AddressesApi> {
  public AddressesService() {
    super(AddressesApi.class, "addresses");
  }

  /** The first {@code limit} addresses of the caller's book, oldest first. */
  public Page<AddressView> book(int limit) {
    return call(api -> api.list(callerBearer(), limit, 0));
  }
}
