-- Address books: one per customer (opened when the account is registered), and the addresses in
-- them, with at most one default billing and one default shipping address each.

CREATE TABLE address_books (
  owner_id      CHAR(36)      NOT NULL,
  display_name  VARCHAR(100)  NOT NULL,
  email         VARCHAR(254)  NOT NULL,
  created_at    DATETIME(6)   NOT NULL,
  PRIMARY KEY (owner_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE addresses (
  id                CHAR(36)      NOT NULL,
  site              VARCHAR(40)   NOT NULL,
  owner_id          CHAR(36)      NOT NULL,
  label             VARCHAR(50)   NULL,
  recipient         VARCHAR(100)  NOT NULL,
  company           VARCHAR(100)  NULL,
  line1             VARCHAR(200)  NOT NULL,
  line2             VARCHAR(200)  NULL,
  postal_code       VARCHAR(20)   NOT NULL,
  city              VARCHAR(100)  NOT NULL,
  region            VARCHAR(100)  NULL,
  country           CHAR(2)       NOT NULL,
  phone             VARCHAR(30)   NULL,
  default_billing   BOOLEAN       NOT NULL DEFAULT FALSE,
  default_shipping  BOOLEAN       NOT NULL DEFAULT FALSE,
  created_at        DATETIME(6)   NOT NULL,
  updated_at        DATETIME(6)   NOT NULL,
  version           BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  KEY ix_addresses_owner (owner_id, site, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
