package io.opencommerce.kit.security;

/** The platform's roles, as they appear in the token's {@code groups} claim. */
public final class Roles {
  /** A shopper with an account. */
  public static final String CUSTOMER = "customer";

  /** Support staff: answers tickets, reads customers' orders. */
  public static final String AGENT = "agent";

  /** Runs the shop: catalog, users, roles, settings. */
  public static final String ADMIN = "admin";

  /**
   * Another service of the platform, calling with a service token that auth issued to its own
   * credentials (the token names the service). Never granted to a person.
   */
  public static final String SERVICE = "service";

  private Roles() {}

  public static boolean isKnown(String role) {
    return CUSTOMER.equals(role) || AGENT.equals(role) || ADMIN.equals(role);
  }
}
