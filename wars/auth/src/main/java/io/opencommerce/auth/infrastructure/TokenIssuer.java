package io.opencommerce.auth.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.opencommerce.auth.application.AuthSettings;
import io.opencommerce.auth.domain.User;
import io.opencommerce.kit.security.Roles;
import io.opencommerce.kit.security.TokenClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Issues RS256 access tokens in the MicroProfile JWT format: {@code upn} (e-mail), {@code groups}
 * (roles), {@code sub} (user id), plus the token version and the session id the platform uses for
 * revocation. Service tokens are signed the same way and name a service instead of a user.
 */
@ApplicationScoped
public class TokenIssuer {
  @Inject SigningKey signingKey;
  @Inject AuthSettings settings;

  /** A signed token and when it expires. */
  public record AccessToken(String value, String id, Instant expiresAt) {}

  public AccessToken issue(User user, UUID sessionId) {
    Instant now = Instant.now();
    Instant expires = now.plus(settings.accessTokenTtl());
    String jti = UUID.randomUUID().toString();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .audience(settings.audience())
            .subject(user.id().toString())
            .claim("upn", user.email())
            .claim("name", user.displayName())
            .claim("groups", List.copyOf(user.roles()))
            .claim(TokenClaims.TOKEN_VERSION, user.tokenVersion())
            .claim(TokenClaims.SESSION_ID, sessionId.toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .jwtID(jti)
            .build();
    return new AccessToken(sign(claims), jti, expires);
  }

  /**
   * A token for another platform service: {@code sub} {@code service:<id>}, {@code upn} {@code
   * <id>@services}, the single role {@link Roles#SERVICE} and the service id in {@link
   * TokenClaims#SERVICE}. It has no token version or session: only its id can revoke it.
   */
  public AccessToken issueService(String serviceId, Duration ttl) {
    Instant now = Instant.now();
    Instant expires = now.plus(ttl);
    String jti = UUID.randomUUID().toString();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .audience(settings.audience())
            .subject("service:" + serviceId)
            .claim("upn", serviceId + "@services")
            .claim("groups", List.of(Roles.SERVICE))
            .claim(TokenClaims.SERVICE, serviceId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .jwtID(jti)
            .build();
    return new AccessToken(sign(claims), jti, expires);
  }

  private String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(signingKey.key().getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(signingKey.key()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Signing the access token failed", e);
    }
    return jwt.serialize();
  }
}
