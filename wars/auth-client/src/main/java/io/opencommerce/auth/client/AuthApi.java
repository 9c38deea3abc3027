package io.opencommerce.auth.client;

import io.opencommerce.contracts.api.Page;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The auth service's REST API as a typed MicroProfile REST Client. Base URI: the service's API
 * root, e.g. {@code https://shop.example.com/auth/api} (config key {@code auth/mp-rest/url}).
 * Authenticated calls take the bearer token as {@code authorization} ("Bearer …").
 */
@RegisterRestClient(configKey = "auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface AuthApi {

  @POST
  @Path("users")
  Response register(RegisterRequest request);

  @POST
  @Path("sessions")
  TokenResponse login(LoginRequest request);

  @POST
  @Path("sessions/refresh")
  TokenResponse refresh(RefreshRequest request);

  @DELETE
  @Path("sessions/current")
  Response logout(@HeaderParam("Authorization") String authorization);

  @GET
  @Path("users/me")
  UserProfile me(@HeaderParam("Authorization") String authorization);

  @PUT
  @Path("users/me/password")
  Response changePassword(
      @HeaderParam("Authorization") String authorization, ChangePasswordRequest request);

  /** A service token for a platform service's own credentials; 401 {@code invalid-client}. */
  @POST
  @Path("service-tokens")
  ServiceTokenResponse serviceToken(ServiceTokenRequest request);

  @POST
  @Path("password-resets")
  Response requestPasswordReset(PasswordResetRequest request);

  @POST
  @Path("password-resets/confirmation")
  Response confirmPasswordReset(PasswordResetConfirmation request);

  @GET
  @Path("users")
  Page<UserProfile> listUsers(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("email") String email,
      @QueryParam("role") String role,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);

  @GET
  @Path("users/{id}")
  UserProfile user(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

  @PUT
  @Path("users/{id}/roles/{role}")
  UserProfile grantRole(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      @PathParam("role") String role);

  @DELETE
  @Path("users/{id}/roles/{role}")
  UserProfile revokeRole(
      @HeaderParam("Authorization") String authorization,
      @PathParam("id") UUID id,
      @PathParam("role") String role);

  @GET
  @Path("security-events")
  Page<SecurityEventView> securityEvents(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("userId") UUID userId,
      @QueryParam("type") String type,
      @QueryParam("limit") Integer limit,
      @QueryParam("offset") Integer offset);
}
