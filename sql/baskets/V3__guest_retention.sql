-- Guest baskets nobody touched for baskets.guest-retention are purged (their items with them).
ALTER TABLE baskets ADD KEY ix_baskets_guests (owner_id, updated_at);
