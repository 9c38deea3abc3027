package io.opencommerce.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.auth.domain.RefreshToken.Use;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private static RefreshToken token() {
    return new RefreshToken(UUID.randomUUID(), UUID.randomUUID(), "h", T0, Duration.ofDays(14));
  }

  @Test
  void aFreshTokenRotatesOnce() {
    RefreshToken token = token();
    assertThat(token.use(T0.plusSeconds(1))).isEqualTo(Use.ROTATED);
  }

  @Test
  void aSecondUseIsReuse() {
    RefreshToken token = token();
    token.use(T0.plusSeconds(1));
    assertThat(token.use(T0.plusSeconds(2))).isEqualTo(Use.REUSED);
  }

  @Test
  void anExpiredTokenCannotBeUsed() {
    RefreshToken token = token();
    assertThat(token.use(T0.plus(Duration.ofDays(14)))).isEqualTo(Use.EXPIRED);
  }

  @Test
  void aRevokedTokenStaysRevokedEvenIfUnused() {
    RefreshToken token = token();
    token.revoke(T0);
    assertThat(token.use(T0.plusSeconds(1))).isEqualTo(Use.REVOKED);
  }

  @Test
  void revocationWinsOverReuse() {
    RefreshToken token = token();
    token.use(T0.plusSeconds(1));
    token.revoke(T0.plusSeconds(2));
    assertThat(token.use(T0.plusSeconds(3))).isEqualTo(Use.REVOKED);
  }
}
