package io.opencommerce.sav.domain;

/** What a step of a ticket's history records. */
public enum StepKind {
  OPENED,
  ASSIGNED,
  UNASSIGNED,
  STATUS_CHANGED,
  PRIORITY_CHANGED
}
