-- Product images: the bytes live in object storage; this table knows where, what and in which order.
CREATE TABLE product_images (
  id            CHAR(36)      NOT NULL,
  product_id    CHAR(36)      NOT NULL,
  object_key    VARCHAR(200)  NOT NULL,
  content_type  VARCHAR(50)   NOT NULL,
  size_bytes    BIGINT        NOT NULL,
  position      INT           NOT NULL,
  created_at    DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  KEY ix_product_images_product (product_id, position),
  CONSTRAINT fk_product_images_product FOREIGN KEY (product_id) REFERENCES products (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
