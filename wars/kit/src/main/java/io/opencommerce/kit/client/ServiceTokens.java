package io.opencommerce.kit.client;

import io.opencommerce.kit.config.ServiceIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This service's own identity towards the others: a short-lived service token that the auth service
 * issues to the service's credentials ({@code POST <services.auth.url>/service-tokens} with the
 * name from {@code platform.service.name} and the secret from {@code
 * service-credentials.<name>.secret}, a Secret in production). The token is kept until shortly
 * before it expires and shared by every request; one request at a time fetches a new one.
 */
@ApplicationScoped
public class ServiceTokens {
  private static final Logger LOG = Logger.getLogger(ServiceTokens.class.getName());

  /** A token is renewed this long before it expires, so no call carries one about to lapse. */
  static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Inject ServiceIdentity identity;

  private volatile Held held;

  private record Held(String bearer, Instant renewAt) {}

  /** {@code Bearer <token>} for a service-only call; fetched or renewed when needed. */
  public String bearer() {
    Held current = held;
    if (current != null && Instant.now().isBefore(current.renewAt())) {
      return current.bearer();
    }
    return renew();
  }

  private synchronized String renew() {
    Held current = held;
    if (current != null && Instant.now().isBefore(current.renewAt())) {
      return current.bearer(); // another request renewed it meanwhile
    }
    Config config = ConfigProvider.getConfig();
    String name = identity.name();
    String secret =
        config
            .getOptionalValue("service-credentials." + name + ".secret", String.class)
            .orElseThrow(
                () ->
                    new UpstreamFailure(
                        "auth", "service-credentials." + name + ".secret is not configured", null));
    String url = config.getValue("services.auth.url", String.class) + "/service-tokens";
    String body =
        Json.createObjectBuilder().add("serviceId", name).add("secret", secret).build().toString();
    HttpResponse<String> response;
    try {
      response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(5))
                  .header("Content-Type", "application/json")
                  .header("Accept", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UpstreamFailure("auth", "no service token (" + e + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamFailure("auth", "interrupted while fetching a service token", e);
    }
    if (response.statusCode() != 200) {
      LOG.severe(
          () ->
              "The auth service refused a service token to "
                  + name
                  + " ("
                  + response.statusCode()
                  + "): check service-credentials."
                  + name
                  + ".secret");
      throw new UpstreamFailure("auth", "service token refused: " + response.statusCode(), null);
    }
    JsonObject token = Json.createReader(new StringReader(response.body())).readObject();
    Duration lifetime = Duration.ofSeconds(token.getJsonNumber("expiresIn").longValue());
    Duration renewAfter =
        lifetime.compareTo(RENEW_BEFORE.multipliedBy(2)) > 0
            ? lifetime.minus(RENEW_BEFORE)
            : lifetime.dividedBy(2);
    Held fresh =
        new Held("Bearer " + token.getString("accessToken"), Instant.now().plus(renewAfter));
    held = fresh;
    LOG.fine(() -> "Service token for " + name + " renewed; valid " + lifetime);
    return fresh.bearer();
  }
}
