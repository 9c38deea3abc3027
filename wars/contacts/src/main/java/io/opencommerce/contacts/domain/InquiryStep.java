package io.opencommerce.contacts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * One step of an inquiry's history: from what status to what, when, by whom (a user id; null for
 * the sender's own arrival) and its text (an answer, or why the inquiry was closed). Never changed
 * once written.
 */
@Embeddable
public class InquiryStep {
  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", length = 20)
  private InquiryStatus from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false, length = 20)
  private InquiryStatus to;

  @Column(name = "changed_at", nullable = false)
  private Instant at;

  @Column(length = 100)
  private String actor;

  @Column(name = "body")
  private String text;

  protected InquiryStep() {}

  InquiryStep(InquiryStatus from, InquiryStatus to, Instant at, String actor, String text) {
    this.from = from;
    this.to = to;
    this.at = at;
    this.actor = actor;
    this.text = text;
  }

  public InquiryStatus from() {
    return from;
  }

  public InquiryStatus to() {
    return to;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String text() {
    return text;
  }
}
