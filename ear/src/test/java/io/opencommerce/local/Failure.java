package io.opencommerce.local;

/** Something the local platform needs failed; the message says what and how to fix it. */
final class Failure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String component;

  Failure(String component, String message) {
    super(message);
    this.component = component;
  }

  String component() {
    return component;
  }
}
