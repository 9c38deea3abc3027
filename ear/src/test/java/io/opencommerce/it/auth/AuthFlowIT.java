package io.opencommerce.it.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.auth.client.AuthApi;
import io.opencommerce.auth.client.LoginRequest;
import io.opencommerce.auth.client.RefreshRequest;
import io.opencommerce.auth.client.RegisterRequest;
import io.opencommerce.auth.client.TokenResponse;
import io.opencommerce.auth.client.UserProfile;
import io.opencommerce.it.support.Platform;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jaxrs.RESTClient;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The login lifecycle through the published client interface, as an integrator would drive it:
 * register, log in, call a protected endpoint, refresh, log out, and the old tokens are dead.
 */
@MicroShedTest
public class AuthFlowIT {

  @RESTClient public static AuthApi auth;

  @Test
  void registerLoginRefreshLogout() {
    String email = Platform.newEmail("flow");
    Response registered =
        auth.register(new RegisterRequest(email, Platform.PASSWORD, "Flow Tester"));
    assertThat(registered.getStatus()).isEqualTo(201);
    assertThat(registered.getLocation()).isNotNull();

    TokenResponse first = auth.login(new LoginRequest(email, Platform.PASSWORD));
    assertThat(first.tokenType()).isEqualTo("Bearer");
    assertThat(first.expiresIn()).isPositive();
    UserProfile me = auth.me(bearer(first));
    assertThat(me.email()).isEqualTo(email);
    assertThat(me.roles()).containsExactly("customer");

    TokenResponse second = auth.refresh(new RefreshRequest(first.refreshToken()));
    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(auth.me(bearer(second)).id()).isEqualTo(me.id());

    assertThat(auth.logout(bearer(second)).getStatus()).isEqualTo(204);

    // The access token used to log out and every refresh token of the session are revoked.
    assertThatThrownBy(() -> auth.me(bearer(second))).isInstanceOf(NotAuthorizedException.class);
    assertThatThrownBy(() -> auth.refresh(new RefreshRequest(second.refreshToken())))
        .isInstanceOf(NotAuthorizedException.class);
  }

  @Test
  void aSpentRefreshTokenUsedAgainEndsTheSession() {
    String email = Platform.newEmail("reuse");
    auth.register(new RegisterRequest(email, Platform.PASSWORD, "Reuse Tester"));
    TokenResponse first = auth.login(new LoginRequest(email, Platform.PASSWORD));
    TokenResponse second = auth.refresh(new RefreshRequest(first.refreshToken()));

    // Replaying the first token (as a thief would) is refused and revokes the session...
    assertThatThrownBy(() -> auth.refresh(new RefreshRequest(first.refreshToken())))
        .isInstanceOf(NotAuthorizedException.class);
    // ...so the legitimate holder's newer refresh token no longer works either.
    assertThatThrownBy(() -> auth.refresh(new RefreshRequest(second.refreshToken())))
        .isInstanceOf(NotAuthorizedException.class);
  }

  private static String bearer(TokenResponse tokens) {
    return "Bearer " + tokens.accessToken();
  }
}
