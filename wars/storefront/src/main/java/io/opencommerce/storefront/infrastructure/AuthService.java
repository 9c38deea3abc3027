package io.opencommerce.storefront.infrastructure;

import io.opencommerce.auth.client.AuthApi;
import io.opencommerce.auth.client.UserProfile;
import io.opencommerce.kit.client.ServiceClient;
import jakarta.enterprise.context.ApplicationScoped;

/** What the account overview asks the auth service: the caller's own profile. */
@ApplicationScoped
public class AuthService extends ServiceClient<AuthApi> {
  public AuthService() {
    super(AuthApi.class, "auth");
  }

  public UserProfile me() {
    return call(api -> api.me(callerBearer()));
  }
}
