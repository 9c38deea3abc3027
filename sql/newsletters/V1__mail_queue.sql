-- The mail queue: every e-mail the platform sends, written once with its content rendered and sent
-- by the queue's worker (claimed when due with SKIP LOCKED, retried with back-off, failed for good
-- on a permanent refusal). A mail is about something (source_key: order:<id>, user:<id>, ...): the
-- unique key on (source_key, kind, recipient) keeps one fact sent twice under two event ids, or a
-- campaign resumed after a crash, from making two mails.
-- The read models the mails are addressed and written from: registered customers (UserRegistered)
-- and orders' numbers (OrderPlaced; shipment events carry the order's id only).

CREATE TABLE recipients (
  user_id        CHAR(36)      NOT NULL,
  site           VARCHAR(40)   NOT NULL,
  email          VARCHAR(254)  NOT NULL,
  display_name   VARCHAR(100)  NULL,
  registered_at  DATETIME(6)   NOT NULL,
  PRIMARY KEY (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE known_orders (
  order_id     CHAR(36)     NOT NULL,
  number       VARCHAR(64)  NOT NULL,
  customer_id  CHAR(36)     NULL,
  PRIMARY KEY (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE outgoing_mails (
  id                   CHAR(36)       NOT NULL,
  site                 VARCHAR(40)    NOT NULL,
  kind                 VARCHAR(40)    NOT NULL,
  language             VARCHAR(8)     NOT NULL,
  source_key           VARCHAR(200)   NOT NULL,
  customer_id          CHAR(36)       NULL,
  campaign_id          CHAR(36)       NULL,
  subscriber_id        CHAR(36)       NULL,
  recipient            VARCHAR(254)   NULL,
  recipient_name       VARCHAR(100)   NULL,
  subject              VARCHAR(300)   NOT NULL,
  text_body            MEDIUMTEXT     NULL,
  html_body            MEDIUMTEXT     NULL,
  unsubscribe_url      VARCHAR(1000)  NULL,
  template_version_id  CHAR(36)       NULL,
  carries_secret       BOOLEAN        NOT NULL DEFAULT FALSE,
  bodies_discarded     BOOLEAN        NOT NULL DEFAULT FALSE,
  status               VARCHAR(20)    NOT NULL,
  attempts             INT            NOT NULL DEFAULT 0,
  next_attempt_at      DATETIME(6)    NOT NULL,
  last_error           VARCHAR(1000)  NULL,
  created_at           DATETIME(6)    NOT NULL,
  updated_at           DATETIME(6)    NOT NULL,
  sent_at              DATETIME(6)    NULL,
  version              BIGINT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  -- A recipient-less mail (unknown recipient) has NULL here, and NULLs never collide: one such
  -- mail per fact is kept by looking before inserting.
  UNIQUE KEY uk_outgoing_mails_source (source_key, kind, recipient),
  -- The worker's claim: due queued mails, oldest due first.
  KEY ix_outgoing_mails_due (status, next_attempt_at),
  KEY ix_outgoing_mails_site (site, status, created_at),
  KEY ix_outgoing_mails_customer (customer_id, status),
  KEY ix_outgoing_mails_campaign (campaign_id, status),
  CONSTRAINT ck_outgoing_mails_status CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'CANCELLED')),
  CONSTRAINT ck_outgoing_mails_attempts CHECK (attempts >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
