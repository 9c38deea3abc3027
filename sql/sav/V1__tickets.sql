-- Support tickets (sav: service après-vente).
-- agents is the read model of the auth service's support agents, kept from UserRolesChanged (the
-- whole role set after each change, applied only when newer than roles_changed_at): an account is
-- an agent while `active`; agents say themselves whether they take tickets (`available`).
-- known_orders is the read model of placed orders (OrderPlaced): a ticket may name one of its
-- customer's orders by number, checked here without calling the orders service.
-- tickets holds each ticket, its status, assignee and SLA deadlines; ticket_history every step
-- (opening, assignments, status and priority changes, with who and why); ticket_messages the
-- conversation; ticket_attachments the files, whose bytes are in the service's bucket under
-- tickets/{ticket_id}/{id} (never the file's own name). Closed tickets are kept.

CREATE TABLE agents (
  user_id           CHAR(36)      NOT NULL,
  email             VARCHAR(254)  NOT NULL,
  display_name      VARCHAR(100)  NULL,
  active            BOOLEAN       NOT NULL,
  available         BOOLEAN       NOT NULL,
  roles_changed_at  DATETIME(6)   NOT NULL,
  last_assigned_at  DATETIME(6)   NULL,
  updated_at        DATETIME(6)   NOT NULL,
  PRIMARY KEY (user_id),
  KEY ix_agents_available (active, available)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE known_orders (
  order_id     CHAR(36)     NOT NULL,
  number       VARCHAR(20)  NOT NULL,
  customer_id  CHAR(36)     NOT NULL,
  site         VARCHAR(40)  NOT NULL,
  placed_at    DATETIME(6)  NOT NULL,
  PRIMARY KEY (order_id),
  UNIQUE KEY uk_known_orders_number (number),
  KEY ix_known_orders_customer (customer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tickets (
  id                  CHAR(36)      NOT NULL,
  site                VARCHAR(40)   NOT NULL,
  number              VARCHAR(20)   NOT NULL,
  customer_id         CHAR(36)      NOT NULL,
  customer_email      VARCHAR(254)  NULL,
  subject             VARCHAR(200)  NOT NULL,
  category            VARCHAR(20)   NOT NULL,
  priority            VARCHAR(10)   NOT NULL,
  order_number        VARCHAR(20)   NULL,
  status              VARCHAR(30)   NOT NULL,
  assignee_id         CHAR(36)      NULL,
  assigned_at         DATETIME(6)   NULL,
  first_response_due  DATETIME(6)   NOT NULL,
  resolution_due      DATETIME(6)   NOT NULL,
  first_response_at   DATETIME(6)   NULL,
  resolved_at         DATETIME(6)   NULL,
  closed_at           DATETIME(6)   NULL,
  attachment_bytes    BIGINT        NOT NULL DEFAULT 0,
  opened_at           DATETIME(6)   NOT NULL,
  updated_at          DATETIME(6)   NOT NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_tickets_number (number),
  KEY ix_tickets_customer (customer_id, opened_at),
  KEY ix_tickets_status (site, status, opened_at),
  KEY ix_tickets_assignee (assignee_id, status),
  KEY ix_tickets_queue (status, assignee_id, opened_at),
  CONSTRAINT ck_tickets_status CHECK (status IN
    ('OPEN', 'ASSIGNED', 'WAITING_FOR_CUSTOMER', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
  CONSTRAINT ck_tickets_priority CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
  CONSTRAINT ck_tickets_open_unassigned CHECK ((status = 'OPEN') = (assignee_id IS NULL) OR status IN ('RESOLVED', 'CLOSED')),
  CONSTRAINT ck_tickets_closed CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ticket_history (
  ticket_id    CHAR(36)      NOT NULL,
  position     INT           NOT NULL,
  kind         VARCHAR(20)   NOT NULL,
  from_status  VARCHAR(30)   NULL,
  to_status    VARCHAR(30)   NOT NULL,
  assignee_id  CHAR(36)      NULL,
  priority     VARCHAR(10)   NULL,
  changed_at   DATETIME(6)   NOT NULL,
  actor        CHAR(36)      NULL,
  reason       VARCHAR(500)  NULL,
  PRIMARY KEY (ticket_id, position),
  CONSTRAINT ck_ticket_history_kind CHECK (kind IN
    ('OPENED', 'ASSIGNED', 'UNASSIGNED', 'STATUS_CHANGED', 'PRIORITY_CHANGED')),
  CONSTRAINT fk_ticket_history_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ticket_messages (
  id           CHAR(36)      NOT NULL,
  ticket_id    CHAR(36)      NOT NULL,
  author_id    CHAR(36)      NOT NULL,
  from_staff   BOOLEAN       NOT NULL,
  body         TEXT          NOT NULL,
  written_at   DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_ticket_messages_ticket (ticket_id, written_at),
  CONSTRAINT fk_ticket_messages_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ticket_attachments (
  id            CHAR(36)      NOT NULL,
  ticket_id     CHAR(36)      NOT NULL,
  file_name     VARCHAR(200)  NOT NULL,
  content_type  VARCHAR(100)  NOT NULL,
  size_bytes    BIGINT        NOT NULL,
  status        VARCHAR(20)   NOT NULL,
  uploaded_by   CHAR(36)      NOT NULL,
  uploaded_at   DATETIME(6)   NOT NULL,
  scanned_at    DATETIME(6)   NULL,
  PRIMARY KEY (id),
  KEY ix_ticket_attachments_ticket (ticket_id, uploaded_at),
  KEY ix_ticket_attachments_scanning (status, uploaded_at),
  CONSTRAINT ck_ticket_attachments_status CHECK (status IN ('SCANNING', 'AVAILABLE', 'REJECTED')),
  CONSTRAINT fk_ticket_attachments_ticket FOREIGN KEY (ticket_id) REFERENCES tickets (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
