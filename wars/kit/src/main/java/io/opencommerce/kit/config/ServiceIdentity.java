package io.opencommerce.kit.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which service this module is: {@code platform.service.name} from the WAR's own
 * microprofile-config.properties. Names the database, the metrics tag and the event queues.
 */
@ApplicationScoped
public class ServiceIdentity {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,30}");

  private String name;

  @PostConstruct
  void init() {
    name =
        ConfigProvider.getConfig()
            .getOptionalValue("platform.service.name", String.class)
            .orElseThrow(
                () -> new IllegalStateException("platform.service.name is not configured"));
    if (!NAME.matcher(name).matches()) {
      throw new IllegalStateException("platform.service.name must match " + NAME + ": " + name);
    }
  }

  public String name() {
    return name;
  }
}
