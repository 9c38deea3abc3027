package io.opencommerce.kit.sites;

import io.opencommerce.contracts.websites.SiteChanged;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The registry feed from the websites service: {@code GET <services.websites.url>/sites/registry}
 * with the JDK's HTTP client, a connect timeout of {@code services.websites.connect-timeout-ms}
 * (1000) and a read timeout of {@code services.websites.read-timeout-ms} (3000). {@code
 * services.websites.url} is the websites API's base, as for every service called ({@code
 * http://websites:9080/websites/api} by default, the Kubernetes service). No token, no {@code
 * X-Site}: the feed is public, and the same for every site.
 */
@ApplicationScoped
public class HttpSiteSource implements SiteSource {
  static final String URL = "services.websites.url";
  static final String DEFAULT_URL = "http://websites:9080/websites/api";

  private volatile HttpClient client;
  private URI feed;
  private Duration connectTimeout;
  private Duration readTimeout;

  /** Reads the configuration on an application thread, before the first load. */
  void start(@Observes Startup startup) {
    // Creating the bean runs init().
  }

  @PostConstruct
  void init() {
    Config config = ConfigProvider.getConfig();
    String base = config.getOptionalValue(URL, String.class).orElse(DEFAULT_URL);
    feed = feedUri(base);
    long connect =
        config.getOptionalValue("services.websites.connect-timeout-ms", Long.class).orElse(1000L);
    long read =
        config.getOptionalValue("services.websites.read-timeout-ms", Long.class).orElse(3000L);
    connectTimeout = Duration.ofMillis(connect);
    readTimeout = Duration.ofMillis(read);
  }

  /**
   * Built on first use: the websites service, whose registry reads its database, never needs it.
   */
  private HttpClient client() {
    HttpClient built = client;
    if (built == null) {
      synchronized (this) {
        if (client == null) {
          client =
              HttpClient.newBuilder()
                  .version(HttpClient.Version.HTTP_1_1)
                  .connectTimeout(connectTimeout)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
        }
        built = client;
      }
    }
    return built;
  }

  static URI feedUri(String base) {
    String trimmed = base.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return URI.create(trimmed + "/sites/registry");
  }

  @Override
  public List<SiteChanged> load() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(feed)
            .timeout(readTimeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response =
        client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IOException(feed + " answered " + response.statusCode());
    }
    try {
      return SiteFeedJson.read(response.body());
    } catch (RuntimeException e) {
      throw new IOException(feed + " answered what is not a site feed: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return String.valueOf(feed);
  }
}
