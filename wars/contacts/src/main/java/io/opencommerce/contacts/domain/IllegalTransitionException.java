package io.opencommerce.contacts.domain;

/** A step an inquiry's life does not allow (see {@link InquiryStatus}). */
public class IllegalTransitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final InquiryStatus from;
  private final InquiryStatus to;

  public IllegalTransitionException(InquiryStatus from, InquiryStatus to) {
    super("An inquiry that is " + from + " cannot become " + to + ".");
    this.from = from;
    this.to = to;
  }

  public InquiryStatus from() {
    return from;
  }

  public InquiryStatus to() {
    return to;
  }
}
