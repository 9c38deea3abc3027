package io.opencommerce.baskets.api;

import io.opencommerce.kit.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** Baskets under {@code /baskets/api}: customers with their token, guests with a basket token. */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.AGENT, Roles.ADMIN})
@OpenAPIDefinition(info = @Info(title = "Baskets service", version = "1"))
public class BasketsApplication extends Application {}
