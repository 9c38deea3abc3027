package io.opencommerce.auth.api;

import io.opencommerce.auth.client.SecurityEventView;
import io.opencommerce.auth.client.UserProfile;
import io.opencommerce.auth.domain.SecurityEvent;
import io.opencommerce.auth.domain.User;
import java.util.List;

/** Maps entities to the records of the public API. */
final class Views {
  private Views() {}

  static UserProfile profile(User user) {
    return new UserProfile(
        user.id(), user.email(), user.displayName(), List.copyOf(user.roles()), user.createdAt());
  }

  static SecurityEventView event(SecurityEvent event) {
    return new SecurityEventView(
        event.id(),
        event.type().name(),
        event.occurredAt(),
        event.userId(),
        event.email(),
        event.actorId(),
        event.remoteAddress(),
        event.detail());
  }
}
