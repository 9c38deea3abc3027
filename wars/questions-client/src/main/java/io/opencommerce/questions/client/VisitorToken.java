package io.opencommerce.questions.client;

/**
 * An anonymous visitor's signed token: sent back as the {@value #HEADER} header (or the {@value
 * #COOKIE} cookie the same answer sets), it identifies the visitor's votes, one per entry.
 */
public record VisitorToken(String token) {
  public static final String HEADER = "X-Visitor-Token";
  public static final String COOKIE = "oc_visitor";
}
