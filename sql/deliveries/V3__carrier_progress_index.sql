-- The simulated carrier moves its parcels on by itself (deliveries.carriers.simulated.progress-after):
-- it looks for its shipments in a moving status whose last step is old enough, every few seconds.

CREATE INDEX ix_shipments_carrier_progress ON shipments (carrier, status, updated_at);
