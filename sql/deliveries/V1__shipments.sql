-- Shipments: one per placed order (never two, whatever the redeliveries of OrderPlaced), booked
-- with a carrier that gave it a tracking number and an estimated delivery date, with a copy of the
-- order's shipping address. Its journey is appended to shipment_events, one row per status change.

CREATE TABLE shipments (
  id                  CHAR(36)      NOT NULL,
  site                VARCHAR(40)   NOT NULL,
  order_id            CHAR(36)      NOT NULL,
  order_number        VARCHAR(64)   NOT NULL,
  customer_id         CHAR(36)      NULL,
  recipient           VARCHAR(100)  NOT NULL,
  company             VARCHAR(100)  NULL,
  line1               VARCHAR(200)  NOT NULL,
  line2               VARCHAR(200)  NULL,
  postal_code         VARCHAR(20)   NOT NULL,
  city                VARCHAR(100)  NOT NULL,
  region              VARCHAR(100)  NULL,
  country             CHAR(2)       NOT NULL,
  phone               VARCHAR(30)   NULL,
  item_count          INT           NOT NULL,
  carrier             VARCHAR(40)   NOT NULL,
  tracking_number     VARCHAR(40)   NOT NULL,
  status              VARCHAR(20)   NOT NULL,
  estimated_delivery  DATE          NOT NULL,
  placed_at           DATETIME(6)   NOT NULL,
  created_at          DATETIME(6)   NOT NULL,
  updated_at          DATETIME(6)   NOT NULL,
  version             BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_shipments_order (order_id),
  UNIQUE KEY uk_shipments_tracking_number (tracking_number),
  KEY ix_shipments_site (site, created_at),
  KEY ix_shipments_customer (site, customer_id, created_at),
  KEY ix_shipments_status (site, status, created_at),
  CONSTRAINT ck_shipments_item_count CHECK (item_count >= 0),
  CONSTRAINT ck_shipments_status
    CHECK (status IN ('CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE shipment_events (
  id           CHAR(36)      NOT NULL,
  shipment_id  CHAR(36)      NOT NULL,
  seq          INT           NOT NULL,
  status       VARCHAR(20)   NOT NULL,
  occurred_at  DATETIME(6)   NOT NULL,
  location     VARCHAR(200)  NULL,
  description  VARCHAR(500)  NULL,
  recorded_at  DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_shipment_events_seq (shipment_id, seq),
  CONSTRAINT ck_shipment_events_status
    CHECK (status IN ('CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION')),
  CONSTRAINT fk_shipment_events_shipment FOREIGN KEY (shipment_id) REFERENCES shipments (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
