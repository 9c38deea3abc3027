package io.opencommerce.sav.api;

import io.opencommerce.sav.application.Agents;
import io.opencommerce.sav.application.Attachments;
import io.opencommerce.sav.client.AgentView;
import io.opencommerce.sav.client.AttachmentLink;
import io.opencommerce.sav.client.AttachmentView;
import io.opencommerce.sav.client.TicketSummary;
import io.opencommerce.sav.client.TicketView;
import io.opencommerce.sav.domain.Attachment;
import io.opencommerce.sav.domain.Ticket;
import io.opencommerce.sav.domain.TicketMessage;
import io.opencommerce.sav.domain.TicketStep;
import java.time.Instant;
import java.util.List;

/** Tickets, attachments and agents as the API shows them. */
final class Views {
  private Views() {}

  static TicketSummary summary(Ticket t) {
    return new TicketSummary(
        t.id(),
        t.number(),
        t.customerId(),
        t.subject(),
        t.category().code(),
        t.priority().name(),
        t.orderNumber(),
        t.status().name(),
        t.assignee(),
        t.openedAt(),
        t.updatedAt(),
        t.firstResponseDue(),
        t.resolutionDue(),
        t.firstResponseAt(),
        t.isBreached(Instant.now()),
        t.version());
  }

  static TicketView ticket(Ticket t, List<TicketMessage> messages, List<Attachment> files) {
    return new TicketView(
        t.id(),
        t.number(),
        t.customerId(),
        t.customerEmail(),
        t.subject(),
        t.category().code(),
        t.priority().name(),
        t.orderNumber(),
        t.status().name(),
        t.assignee(),
        t.assignedAt(),
        t.openedAt(),
        t.updatedAt(),
        t.firstResponseDue(),
        t.resolutionDue(),
        t.firstResponseAt(),
        t.resolvedAt(),
        t.closedAt(),
        t.isBreached(Instant.now()),
        t.version(),
        messages.stream()
            .map(
                m ->
                    new TicketView.Message(
                        m.id(), m.authorId(), m.fromStaff(), m.body(), m.writtenAt()))
            .toList(),
        files.stream().map(Views::attachment).toList(),
        t.history().stream().map(Views::step).toList());
  }

  static TicketView.Step step(TicketStep s) {
    return new TicketView.Step(
        s.kind().name(),
        s.from() == null ? null : s.from().name(),
        s.to().name(),
        s.assignee(),
        s.priority() == null ? null : s.priority().name(),
        s.at(),
        s.actor(),
        s.reason());
  }

  static AttachmentView attachment(Attachment a) {
    return new AttachmentView(
        a.id(),
        a.fileName(),
        a.contentType(),
        a.size(),
        a.status().name(),
        a.uploadedBy(),
        a.uploadedAt());
  }

  static AttachmentLink link(Attachments.Link link) {
    Attachment a = link.attachment();
    return new AttachmentLink(
        a.id(), a.fileName(), a.contentType(), a.size(), link.url(), link.expiresAt());
  }

  static AgentView agent(Agents.Load load) {
    return new AgentView(
        load.agent().userId(),
        load.agent().email(),
        load.agent().displayName(),
        load.agent().active(),
        load.agent().available(),
        load.openTickets(),
        load.agent().lastAssignedAt());
  }
}
