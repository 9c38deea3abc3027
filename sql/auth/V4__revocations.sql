-- Revocations, kept durably. Redis holds the revocation list every service checks, but keeps
-- nothing on disk: the auth service writes each revocation here too, in the transaction of the
-- change that revokes, and puts the live ones back into Redis when Redis comes back empty. A row
-- lives until its revocation may be forgotten (expires_at: the revoked tokens' expiry plus a
-- minute), then is purged after auth.retention.revocations.

-- One row per revoked access token (logout), by its jti.
CREATE TABLE revoked_tokens (
  token_id    VARCHAR(64)  NOT NULL,
  user_id     CHAR(36)     NOT NULL,
  revoked_at  DATETIME(6)  NOT NULL,
  expires_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (token_id),
  KEY ix_revoked_tokens_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per user whose older tokens are revoked (password change or reset, role change): every
-- token of the user whose token version is below min_version.
CREATE TABLE revoked_token_versions (
  user_id      CHAR(36)     NOT NULL,
  min_version  BIGINT       NOT NULL,
  revoked_at   DATETIME(6)  NOT NULL,
  expires_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (user_id),
  KEY ix_revoked_token_versions_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
