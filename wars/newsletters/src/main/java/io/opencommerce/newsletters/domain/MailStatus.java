package io.opencommerce.newsletters.domain;

/**
 * Where an outgoing mail is: {@code QUEUED} until the sender has handed it to the SMTP server
 * ({@code SENT}) or given up ({@code FAILED}: refused for good, out of attempts, or without a
 * recipient); {@code CANCELLED} when it must no longer go (a marketing mail whose subscriber left).
 */
public enum MailStatus {
  QUEUED,
  SENT,
  FAILED,
  CANCELLED
}
