package io.opencommerce.contracts.api;

import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code code} is a stable,
 * machine-readable error code; {@code errors} names each invalid field and why.
 */
public record ProblemDetail(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String code,
    List<FieldViolation> errors) {

  /** One invalid input: where it is ({@code body.email}, {@code query.limit}) and what is wrong. */
  public record FieldViolation(String field, String message) {}
}
