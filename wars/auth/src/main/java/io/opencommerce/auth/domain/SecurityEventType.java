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
  ROLE_REVOKED,
  SERVICE_TOKEN_ISSUED,
  SERVICE_TOKEN_REFUSED;

  /** Whether the event is a refusal (a wrong password, a locked account, a replayed token). */
  public boolean isRefusal() {
    return switch (this) {
      case LOGIN_FAILED,
          LOGIN_REFUSED_LOCKED,
          ACCOUNT_LOCKED,
          REFRESH_TOKEN_REUSED,
          SERVICE_TOKEN_REFUSED ->
          true;
      default -> false;
    };
  }
}
