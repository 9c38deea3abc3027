package io.opencommerce.kit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DevelopmentValuesTest {
  private static final Path ALL_IN_ONE = Path.of("../../liberty-config/all-in-one/server.xml");
  private static final Pattern SECRET_NAME = Pattern.compile(".*(password|secret|secret-key)");

  @Test
  void everySecretOfTheLocalServerIsKnownAsADevelopmentValue() throws Exception {
    assertThat(ALL_IN_ONE).exists();
    var document =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ALL_IN_ONE.toFile());
    NodeList variables = document.getElementsByTagName("variable");
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < variables.getLength(); i++) {
      Element variable = (Element) variables.item(i);
      String name = variable.getAttribute("name");
      String value = variable.getAttribute("defaultValue");
      if (SECRET_NAME.matcher(name).matches() && !value.isEmpty() && !value.contains("${")) {
        secrets.add(name);
        assertThat(DevelopmentValues.isDevelopmentValue(value))
            .as("%s's local default must be listed in DevelopmentValues", name)
            .isTrue();
      }
    }
    assertThat(secrets).contains("admin.password", "auth.bootstrap-admin.password");
  }

  @Test
  void theLocalServerSaysItIsLocal() throws Exception {
    Matcher environment =
        Pattern.compile("<variable name=\"platform.environment\" defaultValue=\"([a-z]+)\"/>")
            .matcher(Files.readString(ALL_IN_ONE));
    assertThat(environment.find()).isTrue();
    assertThat(environment.group(1)).isEqualTo(DevelopmentValues.LOCAL);
  }

  @Test
  void outsideLocalADevelopmentValueStopsTheServiceNamingTheKeyNotTheValue() {
    Map<String, String> config =
        Map.of(
            "auth.bootstrap-admin.password", "Demo-Operator-2026!",
            "ADMIN_PASSWORD", "admin-local-password",
            "orders.db.password", "orders-dev-password",
            "KEYSTORE_PASSWORD", "CHANGE-ME-keystore-password",
            "redis.url", "redis://redis:6379/0");
    assertThatThrownBy(
            () ->
                DevelopmentValues.refuseOutsideLocal(
                    false, config.keySet(), name -> Optional.ofNullable(config.get(name))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "[ADMIN_PASSWORD, KEYSTORE_PASSWORD, auth.bootstrap-admin.password, orders.db.password]")
        .hasMessageNotContaining("Demo-Operator-2026!")
        .hasMessageNotContaining("redis.url");
  }

  @Test
  void locallyAndWithRealSecretsEverythingStarts() {
    Map<String, String> dev = Map.of("admin.password", "admin-local-password");
    assertThatCode(
            () ->
                DevelopmentValues.refuseOutsideLocal(
                    true, dev.keySet(), name -> Optional.ofNullable(dev.get(name))))
        .doesNotThrowAnyException();
    Map<String, String> production =
        Map.of("admin.password", "k7#Vq2-from-the-vault", "orders.db.password", "s3cr3t-dev");
    assertThatCode(
            () ->
                DevelopmentValues.refuseOutsideLocal(
                    false, production.keySet(), name -> Optional.ofNullable(production.get(name))))
        .doesNotThrowAnyException();
  }
}
