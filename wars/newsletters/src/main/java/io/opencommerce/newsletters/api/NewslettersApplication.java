package io.opencommerce.newsletters.api;

import io.opencommerce.kit.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The newsletters service under {@code /newsletters/api}: administrators follow the mail queue,
 * write templates and run campaigns; anyone subscribes to a site's newsletter (double opt-in) and
 * leaves it with one click; customers manage their own subscription.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
@OpenAPIDefinition(info = @Info(title = "Newsletters service", version = "1"))
@SecurityScheme(
    securitySchemeName = "jwt",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class NewslettersApplication extends Application {}
