package io.opencommerce.it.auth;

import static io.opencommerce.it.support.Platform.AUTH;
import static io.opencommerce.it.support.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.EventTap;
import io.opencommerce.it.support.EventTap.Message;
import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Reply;
import io.opencommerce.it.support.Platform.Session;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Every change of an account's roles is published as {@code UserRolesChanged} with the whole set of
 * roles afterwards (what the support service keeps its agents from); a grant of a role already
 * held, a revoke of one not held and a refused change publish nothing.
 */
class RoleChangesIT {
  private static final Duration EVENTUAL = Duration.ofSeconds(20);

  @Test
  void grantsAndRevokesArePublishedWithTheWholeSetOfRoles() {
    String admin = Platform.admin().accessToken();
    Session account = Platform.registerAndLogin("roles-event");
    String roles = AUTH + "/users/" + account.userId() + "/roles/";

    try (EventTap tap = new EventTap("UserRolesChanged.v1")) {
      Instant before = Instant.now().minusSeconds(1);
      Reply granted = send("PUT", roles + "agent", null, admin);
      assertThat(granted.status()).as(granted.body()).isEqualTo(200);

      Message first = tap.await(of(account, "agent", "customer"), EVENTUAL).orElseThrow();
      JsonObject event = first.payload();
      assertThat(event.getString("email")).isEqualTo(account.email());
      assertThat(event.getString("displayName")).isEqualTo("IT roles-event");
      assertThat(Instant.parse(event.getString("changedAt"))).isAfter(before);
      assertThat(first.header("source")).isEqualTo("auth");
      assertThat(first.header("event-version")).isEqualTo("1");

      // The same grant again changes nothing and publishes nothing.
      Reply again = send("PUT", roles + "agent", null, admin);
      assertThat(again.status()).as(again.body()).isEqualTo(200);

      Reply revoked = send("DELETE", roles + "agent", null, admin);
      assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
      tap.await(of(account, "customer"), EVENTUAL).orElseThrow();

      // Revoking a role the account no longer has, and refused changes, publish nothing either.
      assertThat(send("DELETE", roles + "agent", null, admin).status()).isEqualTo(200);
      send("PUT", roles + "superuser", null, admin).assertProblem(400, null);
      Session customer = Platform.login(account.email(), account.password(), account.userId());
      send("PUT", roles + "admin", null, customer.accessToken()).assertProblem(403, "forbidden");

      // The barrier: a change made afterwards; once it is in, an event of the requests above would
      // be too.
      Reply marker = send("PUT", roles + "admin", null, admin);
      assertThat(marker.status()).as(marker.body()).isEqualTo(200);
      tap.await(of(account, "admin", "customer"), EVENTUAL).orElseThrow();
      List<List<String>> published =
          tap.seen().stream()
              .filter(m -> account.userId().equals(m.payload().getString("userId")))
              .map(RoleChangesIT::roles)
              .toList();
      assertThat(published)
          .containsExactly(
              List.of("agent", "customer"), List.of("customer"), List.of("admin", "customer"));

      // Leave no extra administrator behind.
      assertThat(send("DELETE", roles + "admin", null, admin).status()).isEqualTo(200);
    }
  }

  /** The event of {@code account} whose roles are exactly {@code expected}. */
  private static Predicate<Message> of(Session account, String... expected) {
    return m ->
        m.payload() != null
            && account.userId().equals(m.payload().getString("userId", null))
            && roles(m).equals(List.of(expected));
  }

  /** The event's roles, sorted (the set's order is not part of the contract). */
  private static List<String> roles(Message message) {
    return message.payload().getJsonArray("roles").getValuesAs(JsonString::getString).stream()
        .sorted()
        .toList();
  }
}
