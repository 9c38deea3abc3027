package io.opencommerce.auth.domain;

/** Everything the security audit trail records. */
public enum SecurityEventType {
  USER_REGISTERED,
  LOGIN_SUCCEEDED,
  LOGIN_FAILED,
  LOGIN_REFUSED_LOCKED,
  ACCOUNT_LOCKED,
  TOKEN_REFRESHED,
  REFRESH_TOKEN_REUSED,
  LOGOUT,
  PASSWORD_CHANGED,
  PASSWORD_RESET_REQUESTED,
  PASSWORD_RESET,
  ROLE_GRANTED,
  ROLE_REVOKED
}
