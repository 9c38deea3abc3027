-- The event bridge's tables, present in every service database.

-- Integration events written in the same transaction as the business change they describe,
-- published to RabbitMQ by the relay, which then stamps published_at.
CREATE TABLE outbox (
  id              CHAR(36)      NOT NULL,
  event_type      VARCHAR(100)  NOT NULL,
  event_version   INT           NOT NULL,
  payload         MEDIUMTEXT    NOT NULL,
  occurred_at     DATETIME(6)   NOT NULL,
  site            VARCHAR(40)   NOT NULL,
  correlation_id  VARCHAR(64)   NOT NULL,
  traceparent     VARCHAR(55)   NULL,
  published_at    DATETIME(6)   NULL,
  seq             BIGINT        NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (id),
  UNIQUE KEY uk_outbox_seq (seq),
  KEY ix_outbox_pending (published_at, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Events this service has already handled: a redelivered message finds its id here and has no
-- second effect. Written in the same transaction as the handler's effect.
CREATE TABLE inbox (
  event_id     CHAR(36)     NOT NULL,
  event_type   VARCHAR(100) NOT NULL,
  received_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
