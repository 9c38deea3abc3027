package io.opencommerce.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.it.support.ServerLogs;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The HTTPS port speaks TLS 1.3 only, and the Admin Center is there for operators: its login page
 * answers, the services' JWT login does not stand in its way, and what operators do (and refused
 * operator logins) is in Liberty's audit trail.
 */
class ServerSecurityIT {
  private static final String HTTPS =
      System.getProperty("platform.https.url", "https://localhost:9443");

  /** The Admin Center's operator on the local server (ADMIN_PASSWORD overrides it there). */
  private static final String ADMIN_PASSWORD =
      System.getProperty("platform.admin.password", "admin-local-password");

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

  @Test
  void operatorsActionsAndRefusedOperatorLoginsAreAudited() throws Exception {
    String probe = UUID.randomUUID().toString();
    String mbeans = HTTPS + "/IBMJMXConnectorREST/mbeans";

    // A wrong operator password: refused, and the audit names the account and the client.
    HttpResponse<String> refused =
        get(mbeans, "TLSv1.3", "admin", "not-the-password", "it-audit-" + probe);
    assertThat(refused.statusCode()).isEqualTo(401);
    JsonObject denied =
        ServerLogs.await(
                probe,
                record ->
                    "SECURITY_AUTHN".equals(record.getString("ibm_audit_eventName", null))
                        && "denied".equals(record.getString("ibm_audit_outcome", null)),
                Duration.ofSeconds(10))
            .get(0);
    assertThat(denied.getString("type")).isEqualTo("liberty_audit");
    assertThat(denied.getString("ibm_audit_target.credential.token")).isEqualTo("admin");
    assertThat(denied.getString("ibm_audit_target.name")).isEqualTo("/IBMJMXConnectorREST/mbeans");
    assertThat(denied.getString("ibm_audit_initiator.host.address")).isNotBlank();

    // An operator's MBean operation (what the Admin Center does) is audited with its realm.
    HttpResponse<String> query =
        get(
            mbeans + "?objectName=WebSphere:type=JvmStats,probe=" + probe + ",*",
            "TLSv1.3",
            "admin",
            ADMIN_PASSWORD,
            "it-audit");
    assertThat(query.statusCode()).isEqualTo(200);
    JsonObject operation =
        ServerLogs.await(
                probe,
                record -> "JMX_MBEAN".equals(record.getString("ibm_audit_eventName", null)),
                Duration.ofSeconds(10))
            .get(0);
    assertThat(operation.getString("ibm_audit_target.jmx.mbean.action")).isEqualTo("queryMBeans");
    assertThat(operation.getString("ibm_audit_target.realm")).isEqualTo("operators");
  }

  /** The local server's certificate is self-signed: trust it for this check only. */
  private static HttpResponse<String> get(String url, String protocol) throws Exception {
    return get(url, protocol, null, null, null);
  }

  private static HttpResponse<String> get(
      String url, String protocol, String user, String password, String agent) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new TrustEverything()}, null);
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {protocol});
    HttpClient client =
        HttpClient.newBuilder().sslContext(context).sslParameters(parameters).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (user != null) {
      String basic = user + ":" + password;
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    if (agent != null) {
      request.header("User-Agent", agent);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
