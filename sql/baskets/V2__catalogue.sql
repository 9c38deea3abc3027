-- What baskets show of each product, kept from the products service's events (ProductChanged,
-- StockLevelsChanged) so that reading a basket asks no other service. Each half carries the
-- version it came with: an older event never overwrites a newer one. A row may know the stock
-- before the product (product_version -1) when the events cross.

CREATE TABLE catalogue_products (
  product_id       CHAR(36)       NOT NULL,
  site             VARCHAR(40)    NOT NULL,
  sku              VARCHAR(64)    NULL,
  name             VARCHAR(200)   NULL,
  price            DECIMAL(15, 2) NULL,
  currency         CHAR(3)        NULL,
  active           BOOLEAN        NOT NULL DEFAULT FALSE,
  product_version  BIGINT         NOT NULL DEFAULT -1,
  available        INT            NOT NULL DEFAULT 0,
  stock_version    BIGINT         NOT NULL DEFAULT -1,
  updated_at       DATETIME(6)    NOT NULL,
  PRIMARY KEY (product_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
