package io.opencommerce.sav.domain;

/** How soon a ticket must be answered and resolved (see {@link SlaPolicy}). */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
