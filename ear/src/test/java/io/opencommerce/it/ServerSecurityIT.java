package io.opencommerce.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The HTTPS port speaks TLS 1.3 only, and the Admin Center is there for operators: its login page
 * answers, and the services' JWT login does not stand in its way.
 */
class ServerSecurityIT {
  private static final String HTTPS =
      System.getProperty("platform.https.url", "https://localhost:9443");

  @Test
  void tls13IsSpoken() throws Exception {
    HttpResponse<String> reply = get(HTTPS + "/health/live", "TLSv1.3");
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.sslSession().orElseThrow().getProtocol()).isEqualTo("TLSv1.3");
  }

  @Test
  void tls12IsRefused() {
    assertThatThrownBy(() -> get(HTTPS + "/health/live", "TLSv1.2"))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void theAdminCenterAsksOperatorsToLogIn() throws Exception {
    HttpResponse<String> reply = get(HTTPS + "/adminCenter/", "TLSv1.3");
    assertThat(reply.statusCode()).isIn(200, 302);
    HttpResponse<String> login = get(HTTPS + "/adminCenter/login.jsp", "TLSv1.3");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).containsIgnoringCase("password");
  }

  /** The local server's certificate is self-signed: trust it for this check only. */
  private static HttpResponse<String> get(String url, String protocol) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new TrustEverything()}, null);
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {protocol});
    HttpClient client =
        HttpClient.newBuilder().sslContext(context).sslParameters(parameters).build();
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static final class TrustEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
