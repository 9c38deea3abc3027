package io.opencommerce.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.auth.domain.ServiceCredentials.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCredentialsTest {
  private static final String ORDERS_SECRET = "orders-local-service-secret";

  private final List<String> asked = new ArrayList<>();
  private final ServiceCredentials credentials =
      new ServiceCredentials(
          key -> {
            asked.add(key);
            return Optional.ofNullable(
                Map.of(
                        "service-credentials.orders.secret",
                        ORDERS_SECRET,
                        "service-credentials.empty.secret",
                        "")
                    .get(key));
          });

  @Test
  void theConfiguredSecretIsValid() {
    assertThat(credentials.check("orders", ORDERS_SECRET)).isEqualTo(Check.VALID);
    assertThat(asked).containsExactly("service-credentials.orders.secret");
  }

  @Test
  void anotherSecretIsWrong() {
    assertThat(credentials.check("orders", ORDERS_SECRET + "x")).isEqualTo(Check.WRONG_SECRET);
    assertThat(credentials.check("orders", ORDERS_SECRET.toUpperCase()))
        .isEqualTo(Check.WRONG_SECRET);
    assertThat(credentials.check("orders", "")).isEqualTo(Check.WRONG_SECRET);
    assertThat(credentials.check("orders", null)).isEqualTo(Check.WRONG_SECRET);
  }

  @Test
  void aServiceWithoutASecretIsUnknown() {
    assertThat(credentials.check("baskets", ORDERS_SECRET)).isEqualTo(Check.UNKNOWN_SERVICE);
  }

  @Test
  void anEmptyConfiguredSecretAcceptsNothing() {
    assertThat(credentials.check("empty", "")).isEqualTo(Check.UNKNOWN_SERVICE);
  }

  @Test
  void aMalformedIdNeverReachesTheConfiguration() {
    for (String id : new String[] {null, "", "o", "Orders", "orders.secret", "a".repeat(32)}) {
      assertThat(credentials.check(id, ORDERS_SECRET)).as(id).isEqualTo(Check.UNKNOWN_SERVICE);
    }
    assertThat(asked).isEmpty();
  }

  @Test
  void theKeyFollowsTheConfigurationConvention() {
    assertThat(ServiceCredentials.secretKey("order-sync"))
        .isEqualTo("service-credentials.order-sync.secret");
  }
}
