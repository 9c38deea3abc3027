package io.opencommerce.deliveries.domain;

/** A status change the shipment's life does not allow (see {@link ShipmentStatus}). */
public class IllegalTransitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ShipmentStatus from;
  private final ShipmentStatus to;

  public IllegalTransitionException(ShipmentStatus from, ShipmentStatus to) {
    super("A shipment that is " + from + " cannot become " + to + ".");
    this.from = from;
    this.to = to;
  }

  public ShipmentStatus from() {
    return from;
  }

  public ShipmentStatus to() {
    return to;
  }
}
