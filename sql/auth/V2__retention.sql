-- Spent and expired tokens and old audit entries are purged after their retention.
ALTER TABLE refresh_tokens ADD KEY ix_refresh_tokens_expires (expires_at);
ALTER TABLE password_reset_tokens ADD KEY ix_password_reset_tokens_expires (expires_at);
ALTER TABLE security_events ADD KEY ix_security_events_occurred (occurred_at);
