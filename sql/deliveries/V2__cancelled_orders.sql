-- Cancelled orders. A shipment whose parcel has not left (CREATED) is cancelled with its order;
-- an order cancelled before its shipment was booked is recorded in cancelled_orders, and no
-- shipment is opened for it when its OrderPlaced arrives.

ALTER TABLE shipments DROP CONSTRAINT ck_shipments_status;
ALTER TABLE shipments ADD CONSTRAINT ck_shipments_status
  CHECK (status IN ('CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'CANCELLED'));

ALTER TABLE shipment_events DROP CONSTRAINT ck_shipment_events_status;
ALTER TABLE shipment_events ADD CONSTRAINT ck_shipment_events_status
  CHECK (status IN ('CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'CANCELLED'));

CREATE TABLE cancelled_orders (
  order_id      CHAR(36)     NOT NULL,
  cancelled_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
