-- Orders: what a customer bought, at which prices, shipped where; copies taken at checkout, so
-- later catalog or address-book changes do not alter an order. One order per customer and
-- Idempotency-Key: a replayed checkout finds the first order.

CREATE TABLE orders (
  id                  CHAR(36)       NOT NULL,
  number              VARCHAR(20)    NOT NULL,
  site                VARCHAR(40)    NOT NULL,
  customer_id         CHAR(36)       NOT NULL,
  idempotency_key     VARCHAR(100)   NOT NULL,
  status              VARCHAR(20)    NOT NULL,
  subtotal            DECIMAL(12, 2) NOT NULL,
  total               DECIMAL(12, 2) NOT NULL,
  currency            CHAR(3)        NOT NULL,
  shipping_address    TEXT           NOT NULL,
  billing_address     TEXT           NOT NULL,
  reservation_id      CHAR(36)       NOT NULL,
  payment_provider    VARCHAR(40)    NULL,
  payment_status      VARCHAR(20)    NULL,
  payment_reference   VARCHAR(100)   NULL,
  shipment_id         CHAR(36)       NULL,
  carrier             VARCHAR(40)    NULL,
  tracking_number     VARCHAR(60)    NULL,
  shipment_status     VARCHAR(20)    NULL,
  estimated_delivery  DATE           NULL,
  placed_at           DATETIME(6)    NOT NULL,
  updated_at          DATETIME(6)    NOT NULL,
  version             BIGINT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_orders_number (number),
  UNIQUE KEY uk_orders_idempotency (customer_id, idempotency_key),
  KEY ix_orders_customer (site, customer_id, placed_at),
  KEY ix_orders_status (site, status, placed_at),
  KEY ix_orders_placed (site, placed_at),
  CONSTRAINT ck_orders_status
    CHECK (status IN ('PLACED', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
  CONSTRAINT ck_orders_amounts CHECK (subtotal >= 0 AND total >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE order_lines (
  order_id    CHAR(36)       NOT NULL,
  position    INT            NOT NULL,
  product_id  CHAR(36)       NOT NULL,
  sku         VARCHAR(64)    NOT NULL,
  name        VARCHAR(200)   NOT NULL,
  quantity    INT            NOT NULL,
  unit_price  DECIMAL(12, 2) NOT NULL,
  PRIMARY KEY (order_id, position),
  CONSTRAINT ck_order_lines_quantity CHECK (quantity > 0),
  CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every status change, in order: the audit trail customers and support read.
CREATE TABLE order_history (
  order_id     CHAR(36)      NOT NULL,
  position     INT           NOT NULL,
  from_status  VARCHAR(20)   NULL,
  to_status    VARCHAR(20)   NOT NULL,
  changed_at   DATETIME(6)   NOT NULL,
  actor        VARCHAR(100)  NOT NULL,
  reason       VARCHAR(500)  NULL,
  PRIMARY KEY (order_id, position),
  CONSTRAINT fk_order_history_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
