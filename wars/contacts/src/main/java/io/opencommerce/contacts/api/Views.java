package io.opencommerce.contacts.api;

import io.opencommerce.contacts.client.InquiryRoute;
import io.opencommerce.contacts.client.InquirySummary;
import io.opencommerce.contacts.client.InquiryView;
import io.opencommerce.contacts.client.RoutingRuleView;
import io.opencommerce.contacts.client.TopicView;
import io.opencommerce.contacts.domain.Inquiry;
import io.opencommerce.contacts.domain.InquiryStep;
import io.opencommerce.contacts.domain.Route;
import io.opencommerce.contacts.domain.RoutingRule;

/** Maps inquiries and routing rules to the records of the public API. */
final class Views {
  private Views() {}

  static InquirySummary summary(Inquiry i) {
    return new InquirySummary(
        i.id(),
        i.topic(),
        i.name(),
        i.email(),
        i.language(),
        i.status().name(),
        route(i.route()),
        i.receivedAt(),
        i.updatedAt());
  }

  static InquiryView inquiry(Inquiry i) {
    return new InquiryView(
        i.id(),
        i.topic(),
        i.name(),
        i.email(),
        i.message(),
        i.language(),
        i.status().name(),
        route(i.route()),
        i.history().stream().map(Views::step).toList(),
        i.receivedAt(),
        i.updatedAt(),
        i.closedAt());
  }

  static RoutingRuleView rule(RoutingRule r) {
    return new RoutingRuleView(
        r.id(),
        r.topic(),
        r.label(),
        r.mailbox(),
        r.supportQueue(),
        r.isFallback(),
        r.position(),
        r.version(),
        r.updatedAt());
  }

  static TopicView topic(RoutingRule r) {
    return new TopicView(r.topic(), r.label());
  }

  private static InquiryRoute route(Route r) {
    return new InquiryRoute(r.rule(), r.mailbox(), r.supportQueue());
  }

  private static InquiryView.Step step(InquiryStep s) {
    return new InquiryView.Step(
        s.from() == null ? null : s.from().name(), s.to().name(), s.at(), s.actor(), s.text());
  }
}
