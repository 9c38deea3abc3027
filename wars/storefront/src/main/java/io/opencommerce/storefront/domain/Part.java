package io.opencommerce.storefront.domain;

import java.util.Objects;

/**
 * One part of a composed page, asked of the service that owns it: either its data (written as
 * {@code {"status":"ok","data":…}}, where {@code data} is the service's answer as JSON, or {@code
 * null} when there is nothing to show, such as the shipment of an order not yet booked), or why it
 * is missing ({@code {"status":"unavailable","problem":{…}}}, see {@link Unavailable}). A part that
 * fails never fails the page: the others are shown as they are.
 */
public final class Part {
  public static final String OK = "ok";
  public static final String UNAVAILABLE = "unavailable";

  private final String data;
  private final Unavailable problem;

  private Part(String data, Unavailable problem) {
    this.data = data;
    this.problem = problem;
  }

  /** A part with {@code json} (a JSON value, as text) as its data. */
  public static Part of(String json) {
    return new Part(Objects.requireNonNull(json, "json"), null);
  }

  /** A part with nothing to show: {@code data} is {@code null}. */
  public static Part absent() {
    return new Part("null", null);
  }

  public static Part unavailable(Unavailable why) {
    return new Part(null, Objects.requireNonNull(why, "why"));
  }

  public boolean available() {
    return problem == null;
  }

  /** The data as JSON text; null when unavailable. */
  public String data() {
    return data;
  }

  /** Why it is missing; null when available. */
  public Unavailable problem() {
    return problem;
  }

  void writeTo(StringBuilder out) {
    if (problem == null) {
      out.append("{\"status\":\"" + OK + "\",\"data\":").append(data).append('}');
    } else {
      out.append("{\"status\":\"" + UNAVAILABLE + "\",\"problem\":");
      problem.writeTo(out);
      out.append('}');
    }
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    writeTo(out);
    return out.toString();
  }
}
