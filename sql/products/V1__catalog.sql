-- The catalog: categories and products, per site. Prices are exact decimals.

CREATE TABLE categories (
  id          CHAR(36)      NOT NULL,
  site        VARCHAR(40)   NOT NULL,
  slug        VARCHAR(64)   NOT NULL,
  name        VARCHAR(100)  NOT NULL,
  created_at  DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_categories_site_slug (site, slug)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE products (
  id            CHAR(36)       NOT NULL,
  site          VARCHAR(40)    NOT NULL,
  sku           VARCHAR(64)    NOT NULL,
  name          VARCHAR(200)   NOT NULL,
  description   TEXT           NULL,
  category_id   CHAR(36)       NULL,
  price_amount  DECIMAL(15, 2) NOT NULL,
  currency      CHAR(3)        NOT NULL,
  attributes    TEXT           NULL,
  active        BOOLEAN        NOT NULL DEFAULT TRUE,
  created_at    DATETIME(6)    NOT NULL,
  updated_at    DATETIME(6)    NOT NULL,
  version       BIGINT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_products_site_sku (site, sku),
  KEY ix_products_listing (site, active, category_id, price_amount),
  KEY ix_products_created (site, created_at),
  FULLTEXT KEY ft_products_text (name, description),
  CONSTRAINT fk_products_category FOREIGN KEY (category_id) REFERENCES categories (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
