package io.opencommerce.auth.application;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.Roles;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The first administrator comes from configuration ({@code auth.bootstrap-admin.email} and {@code
 * auth.bootstrap-admin.password}, in production from a Secret), and only while the platform has no
 * administrator at all.
 */
@ApplicationScoped
public class BootstrapAdmin {
  private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());

  @Inject Users users;
  @Inject Accounts accounts;

  void onStart(@Observes @Priority(10) Startup startup) {
    Config config = ConfigProvider.getConfig();
    Optional<String> email = config.getOptionalValue("auth.bootstrap-admin.email", String.class);
    Optional<String> password =
        config.getOptionalValue("auth.bootstrap-admin.password", String.class);
    if (email.isEmpty() || password.isEmpty()) {
      LOG.info("No bootstrap administrator configured");
      return;
    }
    createIfNoAdmin(email.get(), password.get());
  }

  void createIfNoAdmin(String email, String password) {
    if (users.anyWithRole(Roles.ADMIN)) {
      return;
    }
    try {
      accounts.create(email, password, "Administrator", Set.of(Roles.ADMIN), null);
    } catch (ProblemException e) {
      throw new IllegalStateException(
          "The bootstrap administrator cannot be created: "
              + e.errors().stream().map(v -> v.field() + ": " + v.message()).toList(),
          e);
    }
    LOG.info(() -> "Created the bootstrap administrator " + email);
  }
}
