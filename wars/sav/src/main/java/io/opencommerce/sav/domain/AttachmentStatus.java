package io.opencommerce.sav.domain;

/**
 * Where an attachment stands: stored and waiting for the {@link ContentScanner} ({@code SCANNING}),
 * downloadable ({@code AVAILABLE}), or refused by the scanner ({@code REJECTED}: its bytes are
 * deleted, its record kept so the ticket says what happened).
 */
public enum AttachmentStatus {
  SCANNING,
  AVAILABLE,
  REJECTED
}
