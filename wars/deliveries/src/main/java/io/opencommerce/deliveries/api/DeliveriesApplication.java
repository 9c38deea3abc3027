package io.opencommerce.deliveries.api;

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
 * Deliveries under {@code /deliveries/api}: customers follow their shipments, administrators all of
 * them, anyone a parcel by its tracking number, and carriers report progress through signed
 * webhooks.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
@OpenAPIDefinition(info = @Info(title = "Deliveries service", version = "1"))
@SecurityScheme(
    securitySchemeName = "jwt",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class DeliveriesApplication extends Application {}
