-- Baskets: one per customer and site, or a guest's (known by a secret token) until it is merged
-- into the customer's on login. Redis holds the hot copy; this is the durable one.

CREATE TABLE baskets (
  id           CHAR(36)     NOT NULL,
  site         VARCHAR(40)  NOT NULL,
  owner_id     CHAR(36)     NULL,
  guest_token  CHAR(64)     NULL,
  created_at   DATETIME(6)  NOT NULL,
  updated_at   DATETIME(6)  NOT NULL,
  version      BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_baskets_owner (site, owner_id),
  UNIQUE KEY uk_baskets_guest (guest_token)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE basket_items (
  basket_id   CHAR(36)  NOT NULL,
  product_id  CHAR(36)  NOT NULL,
  quantity    INT       NOT NULL,
  PRIMARY KEY (basket_id, product_id),
  CONSTRAINT ck_basket_items_quantity CHECK (quantity BETWEEN 1 AND 99),
  CONSTRAINT fk_basket_items_basket FOREIGN KEY (basket_id) REFERENCES baskets (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
