-- Subscribers of each site's newsletter. A subscriber is one address on one site (unique):
-- PENDING from the request until its owner follows the confirmation link (double opt-in), then
-- CONFIRMED, UNSUBSCRIBED once they leave (kept, so that no campaign reaches the address again).
-- A new request for an unsubscribed address starts the opt-in again under a new round
-- (opt_in_round): a confirmation link names its round, so the links of earlier requests confirm
-- nothing. Unconfirmed subscribers are purged once requested_at is older than
-- newsletters.subscriptions.confirmation-expiry.

CREATE TABLE subscribers (
  id               CHAR(36)      NOT NULL,
  site             VARCHAR(40)   NOT NULL,
  email            VARCHAR(254)  NOT NULL,
  language         VARCHAR(8)    NOT NULL,
  status           VARCHAR(20)   NOT NULL,
  customer_id      CHAR(36)      NULL,
  opt_in_round     INT           NOT NULL DEFAULT 1,
  requested_at     DATETIME(6)   NOT NULL,
  confirmed_at     DATETIME(6)   NULL,
  unsubscribed_at  DATETIME(6)   NULL,
  created_at       DATETIME(6)   NOT NULL,
  updated_at       DATETIME(6)   NOT NULL,
  version          BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_subscribers_address (site, email),
  -- A campaign's audience, read in id order from its cursor.
  KEY ix_subscribers_audience (site, status, language, id),
  -- The administrators' list, newest first.
  KEY ix_subscribers_site_created (site, created_at),
  -- The purge of unconfirmed subscribers.
  KEY ix_subscribers_pending (status, requested_at),
  KEY ix_subscribers_customer (customer_id),
  CONSTRAINT ck_subscribers_status CHECK (status IN ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED')),
  CONSTRAINT ck_subscribers_round CHECK (opt_in_round >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A subscriber's newsletters still queued, cancelled when they leave.
ALTER TABLE outgoing_mails
  ADD KEY ix_outgoing_mails_subscriber (subscriber_id, status);
