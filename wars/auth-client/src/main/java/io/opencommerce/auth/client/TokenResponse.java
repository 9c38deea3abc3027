package io.opencommerce.auth.client;

/**
 * A session's tokens: a short-lived RS256 access token (bearer) and a rotating refresh token that
 * can be used exactly once.
 */
public record TokenResponse(
    String accessToken,
    String tokenType,
    long expiresIn,
    String refreshToken,
    long refreshExpiresIn) {}
