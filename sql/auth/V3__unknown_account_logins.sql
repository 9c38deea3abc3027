-- Failed logins for e-mail addresses that have no account, counted like an account's, so that a
-- lockout never tells who has an account. Keyed by the SHA-256 of the normalised address.
CREATE TABLE unknown_account_logins (
  email_hash            CHAR(64)     NOT NULL,
  failed_logins         INT          NOT NULL DEFAULT 0,
  failure_window_start  DATETIME(6)  NULL,
  locked_until          DATETIME(6)  NULL,
  updated_at            DATETIME(6)  NOT NULL,
  PRIMARY KEY (email_hash),
  KEY ix_unknown_account_logins_updated (updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
