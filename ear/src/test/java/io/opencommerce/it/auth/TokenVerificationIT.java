package io.opencommerce.it.auth;

import static io.opencommerce.it.support.Platform.AUTH;
import static io.opencommerce.it.support.Platform.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.opencommerce.auth.infrastructure.SigningKey;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every service accepts only tokens the auth service signed, for this issuer and audience, and
 * still valid: a forged, expired, unsigned or foreign token gets 401 problem+json.
 */
class TokenVerificationIT {
  private static Session customer;
  private static RSAKey platformKey;

  @BeforeAll
  static void setUp() throws Exception {
    customer = Platform.registerAndLogin("tokens");
    platformKey = platformSigningKey();
  }

  @Test
  void aGenuineTokenIsAccepted() {
    assertThat(get(AUTH + "/users/me", customer.accessToken()).status()).isEqualTo(200);
  }

  @Test
  void aTokenSignedWithTheRightKeyButExpiredIsRejected() throws Exception {
    Instant past = Instant.now().minusSeconds(3600);
    String token = sign(platformKey, claims(past, past.plusSeconds(600)).build());
    get(AUTH + "/users/me", token).assertProblem(401, null);
  }

  @Test
  void theSameClaimsSignedWithTheRightKeyAreAccepted() throws Exception {
    // Proves the forgeries below fail for the reason each test names, not for their claims.
    String token = sign(platformKey, claims(Instant.now(), Instant.now().plusSeconds(300)).build());
    assertThat(get(AUTH + "/users/me", token).status()).isEqualTo(200);
  }

  @Test
  void aTokenSignedByAnotherKeyIsRejected() throws Exception {
    RSAKey foreign = new RSAKeyGenerator(2048).keyID(platformKey.getKeyID()).generate();
    String token = sign(foreign, claims(Instant.now(), Instant.now().plusSeconds(300)).build());
    get(AUTH + "/users/me", token).assertProblem(401, null);
  }

  @Test
  void anUnsignedTokenIsRejected() {
    String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
    String payload =
        Base64URL.encode(claims(Instant.now(), Instant.now().plusSeconds(300)).build().toString())
            .toString();
    get(AUTH + "/users/me", header + "." + payload + ".").assertProblem(401, null);
  }

  @Test
  void aTokenForAnotherAudienceIsRejected() throws Exception {
    String token =
        sign(
            platformKey,
            claims(Instant.now(), Instant.now().plusSeconds(300))
                .audience("some-other-platform")
                .build());
    get(AUTH + "/users/me", token).assertProblem(401, null);
  }

  @Test
  void aTokenFromAnotherIssuerIsRejected() throws Exception {
    String token =
        sign(
            platformKey,
            claims(Instant.now(), Instant.now().plusSeconds(300))
                .issuer("https://attacker.example")
                .build());
    get(AUTH + "/users/me", token).assertProblem(401, null);
  }

  @Test
  void garbageIsRejected() {
    get(AUTH + "/users/me", "not-a-token").assertProblem(401, null);
  }

  @Test
  void theKeySetIsPublished() {
    var keys = get(AUTH + "/jwks", null);
    assertThat(keys.status()).isEqualTo(200);
    var key = keys.json().getJsonArray("keys").getJsonObject(0);
    assertThat(key.getString("kty")).isEqualTo("RSA");
    assertThat(key.getString("kid")).isEqualTo(platformKey.getKeyID());
    assertThat(key.containsKey("d")).as("no private part is published").isFalse();
  }

  private static JWTClaimsSet.Builder claims(Instant issued, Instant expires) {
    return new JWTClaimsSet.Builder()
        .issuer(System.getProperty("jwt.issuer", "https://opencommerce.local/auth"))
        .audience("opencommerce")
        .subject(customer.userId())
        .claim("upn", customer.email())
        .claim("groups", List.of("customer"))
        .claim("tv", 1)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(issued))
        .expirationTime(Date.from(expires));
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  /** The local server's own signing key, which the platform generated on its first start. */
  private static RSAKey platformSigningKey() throws Exception {
    Path pem =
        Path.of(System.getProperty("platform.server.dir"), "resources/security/auth-jwt.pem");
    return SigningKey.fromPem(Files.readString(pem, StandardCharsets.US_ASCII));
  }
}
