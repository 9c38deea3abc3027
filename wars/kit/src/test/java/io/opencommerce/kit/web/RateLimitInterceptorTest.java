package io.opencommerce.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimitInterceptorTest {
  public record Login(String email, String password) {}

  public record Numbered(int email) {}

  @Test
  void theAccountIsTheNamedTextComponentOfTheBody() throws Exception {
    Object[] arguments = {"path-param", new Login("someone@example.com", "secret")};
    assertThat(RateLimitInterceptor.fromBody("email", arguments)).isEqualTo("someone@example.com");
  }

  @Test
  void noSuchComponentOrNoBodyIsNoAccount() throws Exception {
    assertThat(RateLimitInterceptor.fromBody("login", new Object[] {new Login("a@b.c", "x")}))
        .isNull();
    assertThat(RateLimitInterceptor.fromBody("email", new Object[] {null})).isNull();
    assertThat(RateLimitInterceptor.fromBody("email", new Object[] {"someone@example.com"}))
        .as("only a record is a body")
        .isNull();
    assertThat(RateLimitInterceptor.fromBody("email", new Object[] {new Numbered(3)}))
        .as("only text is an account")
        .isNull();
    assertThat(RateLimitInterceptor.fromBody("email", new Object[] {new Login(null, "x")}))
        .isNull();
  }

  @Test
  void anAccountSourceItCannotReadIsAProgrammingError() {
    RateLimitInterceptor interceptor = new RateLimitInterceptor();
    assertThatThrownBy(() -> interceptor.account("email", new Object[0]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("body.email");
    assertThatThrownBy(() -> interceptor.account("body.", new Object[0]))
        .isInstanceOf(IllegalStateException.class);
  }
}
