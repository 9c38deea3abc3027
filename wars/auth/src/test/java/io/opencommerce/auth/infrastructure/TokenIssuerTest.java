package io.opencommerce.auth.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.opencommerce.auth.application.AuthSettings;
import io.opencommerce.auth.infrastructure.TokenIssuer.AccessToken;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {
  private static RSAKey key;
  private static TokenIssuer issuer;

  @BeforeAll
  static void setUp() throws Exception {
    key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
    issuer = new TokenIssuer();
    issuer.signingKey =
        new SigningKey() {
          @Override
          public RSAKey key() {
            return key;
          }
        };
    issuer.settings =
        new AuthSettings() {
          @Override
          public String issuer() {
            return "https://opencommerce.test/auth";
          }

          @Override
          public String audience() {
            return "opencommerce";
          }
        };
  }

  @Test
  void aServiceTokenNamesTheServiceAndCarriesOnlyTheServiceRole() throws Exception {
    Instant before = Instant.now();
    AccessToken token = issuer.issueService("orders", Duration.ofMinutes(5));

    SignedJWT jwt = SignedJWT.parse(token.value());
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
    assertThat(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))).isTrue();

    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("https://opencommerce.test/auth");
    assertThat(claims.getAudience()).containsExactly("opencommerce");
    assertThat(claims.getSubject()).isEqualTo("service:orders");
    assertThat(claims.getStringClaim("upn")).isEqualTo("orders@services");
    assertThat(claims.getStringListClaim("groups")).isEqualTo(List.of("service"));
    assertThat(claims.getStringClaim("svc")).isEqualTo("orders");
    assertThat(claims.getJWTID()).isEqualTo(token.id()).isNotBlank();
    assertThat(claims.getClaims()).doesNotContainKeys("tv", "sid", "name");
    assertThat(claims.getExpirationTime().toInstant())
        .isEqualTo(token.expiresAt().truncatedTo(ChronoUnit.SECONDS));
    assertThat(Duration.between(before, token.expiresAt()))
        .isBetween(Duration.ofMinutes(5), Duration.ofMinutes(5).plusSeconds(5));
  }
}
