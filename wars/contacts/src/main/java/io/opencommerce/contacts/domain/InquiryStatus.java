package io.opencommerce.contacts.domain;

/**
 * Where an inquiry stands: {@code NEW} when it arrives, {@code ANSWERED} once an agent or an
 * administrator has answered it (and again with every further answer), {@code CLOSED} when it needs
 * nothing more, answered or not. {@code CLOSED} is final: a closed inquiry takes no answer, and its
 * personal data is purged after {@code contacts.retention.closed-inquiries}.
 */
public enum InquiryStatus {
  NEW,
  ANSWERED,
  CLOSED;

  /** Whether an inquiry in this status may take the step to {@code next}. */
  public boolean canMoveTo(InquiryStatus next) {
    return switch (this) {
      case NEW, ANSWERED -> next == ANSWERED || next == CLOSED;
      case CLOSED -> false;
    };
  }

  public boolean isFinal() {
    return this == CLOSED;
  }
}
