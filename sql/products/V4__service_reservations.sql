-- Reservations are made by services, for a customer: the calling service owns the reservation and
-- its idempotency keys; the customer it was made for is kept beside it. Stock levels get a version
-- that rises with every change, so the availability events carrying it can be ordered.

ALTER TABLE reservations
  ADD COLUMN client VARCHAR(40) NOT NULL DEFAULT 'legacy' AFTER site,
  DROP INDEX uk_reservations_idempotency,
  ADD UNIQUE KEY uk_reservations_idempotency (client, idempotency_key),
  ADD KEY ix_reservations_reference (reference);

ALTER TABLE reservations ALTER COLUMN client DROP DEFAULT;

ALTER TABLE stock_levels
  ADD COLUMN version BIGINT NOT NULL DEFAULT 0 AFTER reserved;

-- The unit price each line was held at: the catalogue's price when the reservation was made, the
-- authoritative price the order is placed at.
ALTER TABLE reservation_lines
  ADD COLUMN unit_price DECIMAL(15, 2) NULL,
  ADD COLUMN currency CHAR(3) NULL;
