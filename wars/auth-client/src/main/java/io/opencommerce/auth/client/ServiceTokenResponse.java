package io.opencommerce.auth.client;

/**
 * A service token: a short-lived RS256 bearer token naming the calling service, with no refresh
 * token (the service asks again with its credentials when it runs out).
 */
public record ServiceTokenResponse(String accessToken, String tokenType, long expiresIn) {}
