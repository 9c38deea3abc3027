package io.opencommerce.it.support;

import java.io.File;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds small services for in-container suites the way a real service is built: the platform kit
 * and its libraries (taken from the built auth WAR), a persistence unit on the auth database with a
 * migration history of the probe's own, and the given classes and configuration.
 */
public final class ProbeServices {
  private ProbeServices() {}

  public static WebArchive kitService(
      String name, Map<String, String> config, Class<?>... classes) {
    File libs = new File(System.getProperty("auth.war.dir"), "WEB-INF/lib");
    File[] kitAndLibraries =
        Objects.requireNonNull(libs.listFiles((dir, file) -> file.endsWith(".jar")), "no " + libs);
    String properties =
        "platform.service.name="
            + name
            + "\nplatform.datasource=jdbc/auth\nplatform.migrations.history-table="
            + name
            + "_schema_history\n"
            + config.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    return withTestLibraries(ShrinkWrap.create(WebArchive.class, name + ".war"))
        .addClasses(classes)
        .addAsLibraries(kitAndLibraries)
        .addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties")
        .addAsResource(
            new StringAsset(
                "<persistence xmlns=\"https://jakarta.ee/xml/ns/persistence\" version=\"3.2\">"
                    + "<persistence-unit name=\""
                    + name
                    + "\" transaction-type=\"JTA\">"
                    + "<jta-data-source>jdbc/auth</jta-data-source>"
                    + "<class>io.opencommerce.kit.events.OutboxMessage</class>"
                    + "<exclude-unlisted-classes>true</exclude-unlisted-classes>"
                    + "</persistence-unit></persistence>"),
            "META-INF/persistence.xml")
        .addAsResource(EmptyAsset.INSTANCE, "db/migration/" + name + "/flyway.location")
        .addAsWebInfResource(
            new StringAsset(
                "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.1\""
                    + " bean-discovery-mode=\"annotated\"/>"),
            "beans.xml");
  }

  /** Adds the assertion libraries in-container tests use. */
  public static WebArchive withTestLibraries(WebArchive archive) {
    return archive
        .addClass(ProbeServices.class)
        .addAsLibraries(
            jarOf(org.assertj.core.api.Assertions.class),
            jarOf(org.awaitility.Awaitility.class),
            jarOf(org.hamcrest.Matcher.class));
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
