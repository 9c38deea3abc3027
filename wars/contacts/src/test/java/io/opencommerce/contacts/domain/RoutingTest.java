package io.opencommerce.contacts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private static RoutingRule rule(String topic, String mailbox, boolean queue, boolean fallback) {
    RoutingRule rule = new RoutingRule("default", NOW);
    rule.describe(topic, null, mailbox, queue, fallback, 0, NOW);
    return rule;
  }

  private final RoutingRule orders = rule("order", "orders@shop.example", false, false);
  private final RoutingRule products = rule("product", "catalog@shop.example", true, false);
  private final RoutingRule other = rule("other", null, true, true);

  @Test
  void aTopicGoesWhereItsRuleSays() {
    assertThat(Routing.route("order", List.of(orders, products, other), null))
        .isEqualTo(new Route("order", "orders@shop.example", false));
    assertThat(Routing.route("product", List.of(orders, products, other), "fallback@shop.example"))
        .isEqualTo(new Route("product", "catalog@shop.example", true));
  }

  @Test
  void aTopicWithoutARuleGoesWhereTheSitesFallbackRuleSays() {
    assertThat(Routing.route("press", List.of(orders, products, other), "fallback@shop.example"))
        .isEqualTo(new Route("other", null, true));
  }

  @Test
  void aTopicOfTheFallbackRuleGoesWhereItSays() {
    RoutingRule fallbackWithMailbox = rule("other", "hello@shop.example", false, true);
    assertThat(Routing.route("other", List.of(orders, fallbackWithMailbox), null))
        .isEqualTo(new Route("other", "hello@shop.example", false));
  }

  @Test
  void withoutAFallbackRuleTheSupportQueueTakesIt() {
    assertThat(Routing.route("press", List.of(orders, products), null))
        .isEqualTo(new Route(null, null, true));
    assertThat(Routing.route("press", List.of(), null)).isEqualTo(new Route(null, null, true));
  }

  @Test
  void thePlatformsFallbackMailboxJoinsTheQueueWhenConfigured() {
    assertThat(Routing.route("press", List.of(orders), " support@platform.example "))
        .isEqualTo(new Route(null, "support@platform.example", true));
    assertThat(Routing.route("press", List.of(orders), "  "))
        .isEqualTo(new Route(null, null, true));
  }

  @Test
  void aRuleMustRouteSomewhere() {
    RoutingRule rule = new RoutingRule("default", NOW);
    assertThatThrownBy(() -> rule.describe("order", null, null, false, false, 0, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rule.describe("order", null, "  ", false, false, 0, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Route("order", null, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Route.leadsSomewhere("team@shop.example", false)).isTrue();
    assertThat(Route.leadsSomewhere(null, true)).isTrue();
    assertThat(Route.leadsSomewhere("", false)).isFalse();
  }

  @Test
  void aRuleShowsItsLabelOrItsTopicAndKeepsBlanksOut() {
    RoutingRule rule = new RoutingRule("default", NOW);
    rule.describe("order", "  ", " orders@shop.example ", false, false, 3, NOW);
    assertThat(rule.label()).isEqualTo("order");
    assertThat(rule.mailbox()).isEqualTo("orders@shop.example");
    assertThat(rule.position()).isEqualTo(3);
    assertThat(rule.isFallback()).isFalse();
    rule.describe("order", " Your order ", null, true, true, 0, NOW);
    assertThat(rule.label()).isEqualTo("Your order");
    assertThat(rule.mailbox()).isNull();
    assertThat(rule.isFallback()).isTrue();
    assertThat(rule.route()).isEqualTo(new Route("order", null, true));
  }
}
