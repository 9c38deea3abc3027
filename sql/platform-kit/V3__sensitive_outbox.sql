-- Events that carry a secret (a password-reset token) are deleted as soon as the broker has
-- confirmed them, instead of staying readable for events.outbox.retention.
ALTER TABLE outbox ADD COLUMN carries_secret BOOLEAN NOT NULL DEFAULT FALSE;
