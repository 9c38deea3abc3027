package io.opencommerce.auth.api;

import io.opencommerce.kit.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The auth service's REST API, under {@code /auth/api}. Callers authenticate with MP-JWT. */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
@OpenAPIDefinition(info = @Info(title = "Auth service", version = "1"))
@SecurityScheme(
    securitySchemeName = "jwt",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class AuthApplication extends Application {
  /**
   * The admission limit of every request that hashes a password (login, registration, password
   * change, reset confirmation): {@code platform.limits.password-hashing.*}, set in this service's
   * {@code microprofile-config.properties}.
   */
  static final String PASSWORD_HASHING = "password-hashing";
}
