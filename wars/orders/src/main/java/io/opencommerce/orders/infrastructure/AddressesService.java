package io.opencommerce.orders.infrastructure;

import io.opencommerce.addresses.client.AddressView;
import io.opencommerce.addresses.client.AddressesApi;
import io.opencommerce.contracts.orders.PostalAddress;
import io.opencommerce.kit.client.ServiceClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * What a checkout asks the addresses service: one of the customer's addresses, with the customer's
 * token (the addresses service answers 404 for anyone else's).
 */
@ApplicationScoped
public class AddressesService extends ServiceClient<AddressesApi> {
  public AddressesService() {
    super(AddressesApi.class, "addresses");
  }

  /**
   * The caller's address as an order copies it, or empty when it is not theirs or does not exist.
   */
  public Optional<PostalAddress> address(UUID id) {
    return find(api -> api.get(callerBearer(), id)).map(AddressesService::postal);
  }

  private static PostalAddress postal(AddressView a) {
    return new PostalAddress(
        a.recipient(),
        a.company(),
        a.line1(),
        a.line2(),
        a.postalCode(),
        a.city(),
        a.region(),
        a.country(),
        a.phone());
  }
}
