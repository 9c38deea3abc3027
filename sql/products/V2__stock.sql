-- Stock on hand per product, and reservations that hold units for a while (a checkout) until they
-- are committed (sold) or released (cancelled, expired). available = on_hand - reserved.

CREATE TABLE stock_levels (
  product_id  CHAR(36)     NOT NULL,
  on_hand     INT          NOT NULL DEFAULT 0,
  reserved    INT          NOT NULL DEFAULT 0,
  updated_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (product_id),
  CONSTRAINT ck_stock_levels_on_hand CHECK (on_hand >= 0),
  CONSTRAINT ck_stock_levels_reserved CHECK (reserved >= 0 AND reserved <= on_hand),
  CONSTRAINT fk_stock_levels_product FOREIGN KEY (product_id) REFERENCES products (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE reservations (
  id               CHAR(36)     NOT NULL,
  site             VARCHAR(40)  NOT NULL,
  owner_id         CHAR(36)     NOT NULL,
  reference        VARCHAR(100) NULL,
  idempotency_key  VARCHAR(100) NULL,
  status           VARCHAR(20)  NOT NULL,
  expires_at       DATETIME(6)  NOT NULL,
  created_at       DATETIME(6)  NOT NULL,
  updated_at       DATETIME(6)  NOT NULL,
  version          BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_reservations_idempotency (owner_id, idempotency_key),
  KEY ix_reservations_expiry (status, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE reservation_lines (
  reservation_id  CHAR(36)  NOT NULL,
  product_id      CHAR(36)  NOT NULL,
  quantity        INT       NOT NULL,
  PRIMARY KEY (reservation_id, product_id),
  CONSTRAINT ck_reservation_lines_quantity CHECK (quantity > 0),
  CONSTRAINT fk_reservation_lines_reservation FOREIGN KEY (reservation_id) REFERENCES reservations (id) ON DELETE CASCADE,
  CONSTRAINT fk_reservation_lines_product FOREIGN KEY (product_id) REFERENCES products (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
