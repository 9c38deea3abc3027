-- Handled events are kept for events.inbox.retention, then purged oldest first.
ALTER TABLE inbox ADD KEY ix_inbox_received (received_at);
