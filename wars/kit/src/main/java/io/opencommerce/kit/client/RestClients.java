package io.opencommerce.kit.client;

import io.opencommerce.kit.web.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the typed REST clients one service uses to call another: the base URL from {@code
 * services.<name>.url} (e.g. {@code SERVICES_PRODUCTS_URL}), connect and read timeouts (a
 * synchronous call is not cut short by Fault Tolerance's {@code @Timeout} alone), problem+json
 * errors as {@code ProblemException}, and the caller's site, correlation id and trace context
 * passed on. Services do not use it directly: {@link ServiceClient} builds one per called service,
 * once (building one per call is slow).
 */
@ApplicationScoped
public class RestClients {
  @Inject CurrentRequest request;

  public <T> T create(Class<T> api, String service) {
    var config = ConfigProvider.getConfig();
    String url = config.getValue("services." + service + ".url", String.class);
    long connect =
        config
            .getOptionalValue("services." + service + ".connect-timeout-ms", Long.class)
            .orElse(2000L);
    long read =
        config
            .getOptionalValue("services." + service + ".read-timeout-ms", Long.class)
            .orElse(5000L);
    return RestClientBuilder.newBuilder()
        .baseUri(URI.create(url))
        .connectTimeout(connect, TimeUnit.MILLISECONDS)
        .readTimeout(read, TimeUnit.MILLISECONDS)
        .register(ProblemResponseMapper.class)
        .register(new ContextPropagation(request))
        .build(api);
  }
}
