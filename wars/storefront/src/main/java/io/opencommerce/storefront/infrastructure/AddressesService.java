package io.opencommerce.storefront.infrastructure;

import io.opencommerce.addresses.client.AddressDefaults;
import io.opencommerce.addresses.client.AddressesApi;
import io.opencommerce.kit.client.ServiceClient;
import jakarta.enterprise.context.ApplicationScoped;

/** What the account overview asks the addresses service: the caller's default addresses. */
@ApplicationScoped
public class AddressesService extends ServiceClient<AddressesApi> {
  public AddressesService() {
    super(AddressesApi.class, "addresses");
  }

  /** The caller's default shipping and billing addresses and the book's size. */
  public AddressDefaults defaults() {
    return call(api -> api.defaults(callerBearer()));
  }
}
