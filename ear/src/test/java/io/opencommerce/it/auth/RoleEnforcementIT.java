package io.opencommerce.it.auth;

import static io.opencommerce.it.support.Platform.AUTH;
import static io.opencommerce.it.support.Platform.get;
import static io.opencommerce.it.support.Platform.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Session;
import jakarta.json.JsonString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 401 without a valid token, 403 without the role, and role changes take effect at once. */
class RoleEnforcementIT {
  private static Session customer;
  private static Session admin;

  @BeforeAll
  static void setUp() {
    customer = Platform.registerAndLogin("roles");
    admin = Platform.admin();
  }

  @Test
  void protectedEndpointsNeedAToken() {
    get(AUTH + "/users/me", null).assertProblem(401, "unauthorized");
    get(AUTH + "/users", null).assertProblem(401, "unauthorized");
    get(AUTH + "/security-events", null).assertProblem(401, "unauthorized");
    send("DELETE", AUTH + "/sessions/current", null, null).assertProblem(401, "unauthorized");
    get(AUTH + "/admin/dead-letters", null).assertProblem(401, "unauthorized");
  }

  @Test
  void customersCannotUseAdminEndpoints() {
    get(AUTH + "/users", customer.accessToken()).assertProblem(403, "forbidden");
    get(AUTH + "/security-events", customer.accessToken()).assertProblem(403, "forbidden");
    send("PUT", AUTH + "/users/" + customer.userId() + "/roles/admin", null, customer.accessToken())
        .assertProblem(403, "forbidden");
    get(AUTH + "/admin/dead-letters", customer.accessToken()).assertProblem(403, "forbidden");
  }

  @Test
  void aCustomerSeesOnlyTheirOwnAccount() {
    Session other = Platform.registerAndLogin("roles-other");
    assertThat(get(AUTH + "/users/" + customer.userId(), customer.accessToken()).status())
        .isEqualTo(200);
    get(AUTH + "/users/" + other.userId(), customer.accessToken()).assertProblem(404, "not-found");
  }

  @Test
  void adminsListUsersAndTheAuditTrail() {
    var users = get(AUTH + "/users?limit=5", admin.accessToken());
    assertThat(users.status()).isEqualTo(200);
    assertThat(users.json().getInt("total")).isPositive();
    assertThat(users.json().getJsonArray("items")).hasSizeLessThanOrEqualTo(5);
    var events = get(AUTH + "/security-events?userId=" + customer.userId(), admin.accessToken());
    assertThat(events.status()).isEqualTo(200);
    assertThat(
            events
                .json()
                .getJsonArray("items")
                .getValuesAs(o -> o.asJsonObject().getString("type")))
        .contains("USER_REGISTERED", "LOGIN_SUCCEEDED");
    assertThat(get(AUTH + "/admin/dead-letters", admin.accessToken()).status()).isEqualTo(200);
  }

  @Test
  void grantingARoleRevokesOldTokensAndTheNextLoginCarriesIt() {
    Session agent = Platform.registerAndLogin("agent");
    var granted =
        send("PUT", AUTH + "/users/" + agent.userId() + "/roles/agent", null, admin.accessToken());
    assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    assertThat(granted.json().getJsonArray("roles").getValuesAs(JsonString::getString))
        .containsExactlyInAnyOrder("agent", "customer");

    // The token issued before the change carries stale roles: it is refused everywhere.
    get(AUTH + "/users/me", agent.accessToken()).assertProblem(401, "token-revoked");
    Session again = Platform.login(agent.email(), agent.password(), agent.userId());
    var me = get(AUTH + "/users/me", again.accessToken());
    assertThat(me.json().getJsonArray("roles").getValuesAs(JsonString::getString))
        .contains("agent");

    var revoked =
        send(
            "DELETE",
            AUTH + "/users/" + agent.userId() + "/roles/agent",
            null,
            admin.accessToken());
    assertThat(revoked.json().getJsonArray("roles").getValuesAs(JsonString::getString))
        .containsExactly("customer");
  }

  @Test
  void unknownRolesAndUsersAreRefused() {
    send(
            "PUT",
            AUTH + "/users/" + customer.userId() + "/roles/superuser",
            null,
            admin.accessToken())
        .assertProblem(400, "validation-failed");
    send(
            "PUT",
            AUTH + "/users/00000000-0000-0000-0000-000000000000/roles/agent",
            null,
            admin.accessToken())
        .assertProblem(404, "not-found");
  }
}
