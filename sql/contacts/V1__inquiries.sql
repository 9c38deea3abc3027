-- The contact form. routing_rules says where each topic of a site goes (a team mailbox, the support
-- queue, or both); the topics of a site's rules are those its form offers, and one rule per site
-- may be its fallback (fallback_site holds the site then, NULL otherwise: unique, so one at most),
-- which takes the topics without a rule of their own.
-- inquiries keeps what was sent, where it was routed when it arrived (a copy: later rule changes do
-- not move it), and where it stands; inquiry_history every step, with the answers' texts. A closed
-- inquiry is purged with its history after contacts.retention.closed-inquiries.

CREATE TABLE routing_rules (
  id             CHAR(36)      NOT NULL,
  site           VARCHAR(40)   NOT NULL,
  topic          VARCHAR(40)   NOT NULL,
  label          VARCHAR(100)  NULL,
  mailbox        VARCHAR(254)  NULL,
  support_queue  BOOLEAN       NOT NULL DEFAULT FALSE,
  fallback_site  VARCHAR(40)   NULL,
  position       INT           NOT NULL DEFAULT 0,
  created_at     DATETIME(6)   NOT NULL,
  updated_at     DATETIME(6)   NOT NULL,
  version        BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_routing_rules_topic (site, topic),
  UNIQUE KEY uk_routing_rules_fallback (fallback_site),
  CONSTRAINT ck_routing_rules_destination CHECK (mailbox IS NOT NULL OR support_queue),
  CONSTRAINT ck_routing_rules_fallback CHECK (fallback_site IS NULL OR fallback_site = site)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE inquiries (
  id                   CHAR(36)      NOT NULL,
  site                 VARCHAR(40)   NOT NULL,
  topic                VARCHAR(40)   NOT NULL,
  name                 VARCHAR(100)  NOT NULL,
  email                VARCHAR(254)  NOT NULL,
  message              TEXT          NOT NULL,
  language             VARCHAR(35)   NULL,
  route_rule           VARCHAR(40)   NULL,
  route_mailbox        VARCHAR(254)  NULL,
  route_support_queue  BOOLEAN       NOT NULL,
  status               VARCHAR(20)   NOT NULL,
  received_at          DATETIME(6)   NOT NULL,
  updated_at           DATETIME(6)   NOT NULL,
  closed_at            DATETIME(6)   NULL,
  version              BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY ix_inquiries_site (site, received_at),
  KEY ix_inquiries_status (site, status, received_at),
  KEY ix_inquiries_topic (site, topic, received_at),
  KEY ix_inquiries_queue (site, route_support_queue, received_at),
  KEY ix_inquiries_retention (status, closed_at),
  CONSTRAINT ck_inquiries_status CHECK (status IN ('NEW', 'ANSWERED', 'CLOSED')),
  CONSTRAINT ck_inquiries_route CHECK (route_mailbox IS NOT NULL OR route_support_queue),
  CONSTRAINT ck_inquiries_closed CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE inquiry_history (
  inquiry_id   CHAR(36)      NOT NULL,
  position     INT           NOT NULL,
  from_status  VARCHAR(20)   NULL,
  to_status    VARCHAR(20)   NOT NULL,
  changed_at   DATETIME(6)   NOT NULL,
  actor        VARCHAR(100)  NULL,
  body         TEXT          NULL,
  PRIMARY KEY (inquiry_id, position),
  CONSTRAINT ck_inquiry_history_to CHECK (to_status IN ('NEW', 'ANSWERED', 'CLOSED')),
  CONSTRAINT fk_inquiry_history_inquiry FOREIGN KEY (inquiry_id) REFERENCES inquiries (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
