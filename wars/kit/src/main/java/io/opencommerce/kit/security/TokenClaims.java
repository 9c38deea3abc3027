package io.opencommerce.kit.security;

/** Names of the claims the platform puts into access tokens beyond the MicroProfile JWT set. */
public final class TokenClaims {
  /**
   * Token version: the user's credential generation when the token was issued. A password or role
   * change raises it, which revokes every older token at once.
   */
  public static final String TOKEN_VERSION = "tv";

  /** Session id: the refresh-token family the access token belongs to. */
  public static final String SESSION_ID = "sid";

  /** Service id: the calling service a service token was issued to (only in service tokens). */
  public static final String SERVICE = "svc";

  private TokenClaims() {}
}
