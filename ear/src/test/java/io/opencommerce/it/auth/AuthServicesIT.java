package io.opencommerce.it.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.opencommerce.auth.application.Accounts;
import io.opencommerce.auth.application.AuthSettings;
import io.opencommerce.auth.application.Logins;
import io.opencommerce.auth.application.Logins.Outcome;
import io.opencommerce.auth.application.Users;
import io.opencommerce.auth.domain.User;
import io.opencommerce.it.support.ProbeServices;
import io.opencommerce.kit.problem.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The auth service's QA suite, inside the server (Arquillian): the built auth WAR deployed again as
 * service {@code auth-qa} on the auth database and migrations, with its services called directly.
 * It checks what the REST tests cannot see: what each operation writes in one transaction, and that
 * concurrent logins and refreshes of one account are serialised.
 */
@ExtendWith(ArquillianExtension.class)
public class AuthServicesIT {
  private static final String PASSWORD = "Correct-Horse-42";

  @Inject Accounts accounts;
  @Inject Logins logins;
  @Inject Users users;
  @Inject AuthSettings settings;
  @Inject AuthStore store;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @Deployment
  public static WebArchive authQa() {
    File war = new File(System.getProperty("auth.war.dir") + ".war");
    WebArchive qa =
        ShrinkWrap.create(WebArchive.class, "auth-qa.war")
            .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
    // A service of its own name (metrics, health, queues) on the auth database and migrations.
    qa.delete("WEB-INF/classes/META-INF/microprofile-config.properties");
    return ProbeServices.withTestLibraries(qa)
        .addAsResource(
            new StringAsset(
                String.join(
                    "\n",
                    "platform.service.name=auth-qa",
                    "platform.datasource=jdbc/auth",
                    "platform.migrations.location=db/migration/auth")),
            "META-INF/microprofile-config.properties")
        .addClasses(AuthServicesIT.class, AuthStore.class);
  }

  private static String email(String tag) {
    return tag + "-" + UUID.randomUUID().toString().substring(0, 12) + "@qa.opencommerce.local";
  }

  @Test
  void registrationWritesTheAccountItsAuditAndItsEventTogether() {
    String email = email("register");
    User user = accounts.register(email, PASSWORD, "QA Register");

    assertThat(users.byEmail(email)).isPresent();
    assertThat(store.auditEvents(user.id().toString(), "USER_REGISTERED")).isEqualTo(1);
    assertThat(store.outboxEvents("UserRegistered", email)).isEqualTo(1);
    assertThat(store.outboxEvents("SecurityEventRecorded", email)).isEqualTo(1);
  }

  @Test
  void aRefusedRegistrationLeavesNoTrace() {
    String email = email("refused");
    assertThatThrownBy(() -> accounts.register(email, "weak", "QA Refused"))
        .isInstanceOf(ProblemException.class);

    assertThat(users.byEmail(email)).isEmpty();
    assertThat(store.outboxEvents("UserRegistered", email)).isZero();
    assertThat(store.count("SELECT COUNT(*) FROM security_events WHERE email = ?", email)).isZero();
  }

  @Test
  void concurrentFailedLoginsLockTheAccountExactlyOnce() throws Exception {
    String email = email("race");
    String id = accounts.register(email, PASSWORD, "QA Race").id().toString();
    int attempts = 10;
    List<Callable<Outcome>> logins = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      logins.add(() -> this.logins.login(email, "Wrong-Password-1"));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> outcome : executor.invokeAll(logins)) {
      outcomes.add(outcome.get());
    }

    int limit = settings.lockoutPolicy().maxFailures();
    assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Rejected).hasSize(limit - 1);
    assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Locked).hasSize(attempts - limit + 1);
    assertThat(store.auditEvents(id, "LOGIN_FAILED")).isEqualTo(limit);
    assertThat(store.auditEvents(id, "ACCOUNT_LOCKED")).isEqualTo(1);
    assertThat(store.auditEvents(id, "LOGIN_REFUSED_LOCKED")).isEqualTo(attempts - limit);
  }

  @Test
  void aRefreshTokenRacedTwiceRotatesOnlyOnce() throws Exception {
    String email = email("refresh");
    accounts.register(email, PASSWORD, "QA Refresh");
    String refresh = ((Outcome.Success) logins.login(email, PASSWORD)).tokens().refreshToken();

    List<Callable<Outcome>> both =
        List.of(() -> logins.refresh(refresh), () -> logins.refresh(refresh));
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> outcome : executor.invokeAll(both)) {
      outcomes.add(outcome.get());
    }

    assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Success).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> o instanceof Outcome.Rejected r && r.code().equals("refresh-token-reused"))
        .hasSize(1);
    // The reuse ended the session: the token the winner got is revoked too.
    String winner =
        outcomes.stream()
            .filter(o -> o instanceof Outcome.Success)
            .map(o -> ((Outcome.Success) o).tokens().refreshToken())
            .findFirst()
            .orElseThrow();
    assertThat(logins.refresh(winner)).isInstanceOf(Outcome.Rejected.class);
  }

  @Test
  void accessTokensCarryWhatEveryServiceNeeds() throws Exception {
    String email = email("claims");
    User user = accounts.register(email, PASSWORD, "QA Claims");
    var tokens = ((Outcome.Success) logins.login(email, PASSWORD)).tokens();

    JWTClaimsSet claims = SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo(user.id().toString());
    assertThat(claims.getStringClaim("upn")).isEqualTo(email);
    assertThat(claims.getStringListClaim("groups")).containsExactly("customer");
    assertThat(claims.getIssuer()).isEqualTo(settings.issuer());
    assertThat(claims.getAudience()).containsExactly(settings.audience());
    assertThat(claims.getLongClaim("tv")).isEqualTo(user.tokenVersion());
    assertThat(claims.getStringClaim("sid")).isNotBlank();
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isEqualTo(settings.accessTokenTtl().toMillis());
  }
}
