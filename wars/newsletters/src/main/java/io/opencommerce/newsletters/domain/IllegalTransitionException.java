package io.opencommerce.newsletters.domain;

/** A step a campaign's life does not allow (see {@link CampaignStatus}). */
public class IllegalTransitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final CampaignStatus from;
  private final CampaignStatus to;

  public IllegalTransitionException(CampaignStatus from, CampaignStatus to) {
    super("A campaign that is " + from + " cannot become " + to + ".");
    this.from = from;
    this.to = to;
  }

  public CampaignStatus from() {
    return from;
  }

  public CampaignStatus to() {
    return to;
  }
}
