-- Accounts, roles, sessions, password resets and the security audit trail.

CREATE TABLE users (
  id                    CHAR(36)      NOT NULL,
  email                 VARCHAR(254)  NOT NULL,
  display_name          VARCHAR(100)  NOT NULL,
  password_hash         VARCHAR(255)  NOT NULL,
  token_version         BIGINT        NOT NULL DEFAULT 1,
  failed_logins         INT           NOT NULL DEFAULT 0,
  failure_window_start  DATETIME(6)   NULL,
  locked_until          DATETIME(6)   NULL,
  created_at            DATETIME(6)   NOT NULL,
  version               BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_users_email (email),
  KEY ix_users_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE user_roles (
  user_id  CHAR(36)     NOT NULL,
  role     VARCHAR(20)  NOT NULL,
  PRIMARY KEY (user_id, role),
  KEY ix_user_roles_role (role),
  CONSTRAINT fk_user_roles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Rotating refresh tokens; a family is one session. Only SHA-256 hashes are stored.
CREATE TABLE refresh_tokens (
  id          CHAR(36)     NOT NULL,
  user_id     CHAR(36)     NOT NULL,
  family_id   CHAR(36)     NOT NULL,
  token_hash  CHAR(64)     NOT NULL,
  issued_at   DATETIME(6)  NOT NULL,
  expires_at  DATETIME(6)  NOT NULL,
  used_at     DATETIME(6)  NULL,
  revoked_at  DATETIME(6)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_refresh_tokens_hash (token_hash),
  KEY ix_refresh_tokens_family (family_id),
  KEY ix_refresh_tokens_user (user_id),
  CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE password_reset_tokens (
  id          CHAR(36)     NOT NULL,
  user_id     CHAR(36)     NOT NULL,
  token_hash  CHAR(64)     NOT NULL,
  created_at  DATETIME(6)  NOT NULL,
  expires_at  DATETIME(6)  NOT NULL,
  used_at     DATETIME(6)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_password_reset_tokens_hash (token_hash),
  CONSTRAINT fk_password_reset_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The security audit trail. user_id is kept without a foreign key: the trail outlives accounts.
CREATE TABLE security_events (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  occurred_at     DATETIME(6)   NOT NULL,
  type            VARCHAR(40)   NOT NULL,
  user_id         CHAR(36)      NULL,
  email           VARCHAR(254)  NULL,
  actor_id        CHAR(36)      NULL,
  remote_address  VARCHAR(64)   NULL,
  detail          VARCHAR(500)  NULL,
  PRIMARY KEY (id),
  KEY ix_security_events_user (user_id, id),
  KEY ix_security_events_type (type, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
