package io.opencommerce.newsletters.application;

import io.opencommerce.contracts.auth.PasswordResetRequested;
import io.opencommerce.contracts.auth.UserRegistered;
import io.opencommerce.contracts.contacts.ContactAnswered;
import io.opencommerce.contracts.contacts.ContactReceived;
import io.opencommerce.contracts.deliveries.ShipmentStatusChanged;
import io.opencommerce.contracts.orders.OrderCancelled;
import io.opencommerce.contracts.orders.OrderLine;
import io.opencommerce.contracts.orders.OrderPlaced;
import io.opencommerce.contracts.orders.PostalAddress;
import io.opencommerce.contracts.sav.TicketAnswered;
import io.opencommerce.kit.events.Received;
import io.opencommerce.kit.security.SecureTokens;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.newsletters.application.MailQueue.Draft;
import io.opencommerce.newsletters.domain.KnownOrder;
import io.opencommerce.newsletters.domain.MailKind;
import io.opencommerce.newsletters.domain.Recipient;
import io.opencommerce.newsletters.infrastructure.Links;
import io.opencommerce.newsletters.infrastructure.SiteSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The mails other services' events call for, each written once into the mail queue in the
 * transaction that records the event as handled: welcome ({@code UserRegistered}), password reset
 * ({@code PasswordResetRequested}), order confirmation ({@code OrderPlaced}), shipment updates
 * ({@code ShipmentStatusChanged}: in transit, out for delivery, delivered), order cancelled ({@code
 * OrderCancelled}), the contact form's mails ({@code ContactReceived}, {@code ContactAnswered}) and
 * support staff's replies on a customer's ticket ({@code TicketAnswered}). Customers are addressed
 * from the service's own read model of registered accounts ({@link Recipient}); a customer it does
 * not know yet gets the mail as soon as their registration arrives.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TransactionalMails {
  /** The shipment steps a customer hears of. */
  static final Set<String> NOTIFIED_STEPS =
      Set.of(
          ShipmentStatusChanged.IN_TRANSIT,
          ShipmentStatusChanged.OUT_FOR_DELIVERY,
          ShipmentStatusChanged.DELIVERED);

  private static final Logger LOG = Logger.getLogger(TransactionalMails.class.getName());

  @PersistenceContext EntityManager em;
  @Inject MailQueue queue;
  @Inject Links links;
  @Inject SiteSettings sites;
  @Inject CurrentRequest request;

  /**
   * Learns the new account (the recipient of every later customer mail), welcomes it, and sends the
   * mails that waited for it.
   */
  void registered(@Observes @Received(inAnyOrder = true) UserRegistered registered) {
    if (em.find(Recipient.class, registered.userId().toString()) == null) {
      em.persist(
          new Recipient(
              registered.userId(),
              request.site(),
              registered.email(),
              registered.displayName(),
              Instant.now()));
      em.flush();
    }
    queue.enqueue(
        new Draft(
            MailKind.WELCOME,
            "user:" + registered.userId(),
            registered.email(),
            registered.displayName(),
            null,
            Map.of()),
        mail -> mail.forCustomer(registered.userId()));
    int waiting =
        queue.addressWaiting(registered.userId(), registered.email(), registered.displayName());
    if (waiting > 0) {
      LOG.info(() -> waiting + " mail(s) waited for " + registered.userId() + "; queued now");
    }
  }

  /**
   * The reset link. The token is in the mail only: its bodies are blanked once it is sent, and the
   * fact is keyed by the token's hash, never the token.
   */
  void resetRequested(@Observes @Received(inAnyOrder = true) PasswordResetRequested reset) {
    String language = sites.of(request.site()).language();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("resetLink", links.passwordReset(reset.resetToken()));
    data.put("expiresAt", dateTime(reset.expiresAt(), language));
    queue.enqueue(
        new Draft(
            MailKind.PASSWORD_RESET,
            "reset:" + SecureTokens.hash(reset.resetToken()),
            reset.email(),
            reset.displayName(),
            null,
            data),
        mail -> mail.forCustomer(reset.userId()));
  }

  /** The order confirmation, to the customer the read model knows by id. */
  void placed(@Observes @Received(inAnyOrder = true) OrderPlaced order) {
    if (em.find(KnownOrder.class, order.orderId().toString()) == null) {
      em.persist(new KnownOrder(order.orderId(), order.number(), order.customerId()));
    }
    Recipient customer = recipient(order.customerId());
    String language = sites.of(request.site()).language();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("orderNumber", order.number());
    data.put("lines", lines(order.lines(), order.currency(), language));
    data.put("total", money(order.total(), order.currency(), language));
    data.put("currency", order.currency());
    data.put("shippingAddress", address(order.shippingAddress()));
    enqueueForCustomer(
        MailKind.ORDER_CONFIRMATION,
        "order:" + order.orderId(),
        order.customerId(),
        customer,
        data);
  }

  /** The customer's parcel moved on: in transit, out for delivery, delivered (nothing else). */
  void shipmentMoved(@Observes @Received ShipmentStatusChanged change) {
    if (!NOTIFIED_STEPS.contains(change.status())) {
      return;
    }
    String language = sites.of(request.site()).language();
    KnownOrder order =
        change.orderId() == null ? null : em.find(KnownOrder.class, change.orderId().toString());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("orderNumber", order == null ? "" : order.number());
    data.put("status", change.status());
    data.put("statusLabel", statusLabel(change.status(), language));
    data.put("inTransit", ShipmentStatusChanged.IN_TRANSIT.equals(change.status()));
    data.put("outForDelivery", ShipmentStatusChanged.OUT_FOR_DELIVERY.equals(change.status()));
    data.put("delivered", ShipmentStatusChanged.DELIVERED.equals(change.status()));
    data.put("carrier", change.carrier());
    data.put("trackingNumber", change.trackingNumber());
    data.put("trackingLink", links.tracking(change.trackingNumber()));
    data.put("estimatedDelivery", date(change.estimatedDelivery(), language));
    enqueueForCustomer(
        MailKind.SHIPMENT_UPDATE,
        "shipment:" + change.shipmentId() + ":" + change.status(),
        change.customerId(),
        recipient(change.customerId()),
        data);
  }

  void cancelled(@Observes @Received(inAnyOrder = true) OrderCancelled order) {
    String language = sites.of(request.site()).language();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("orderNumber", order.number());
    data.put("reason", order.reason() == null ? "" : order.reason());
    data.put("lines", lines(order.lines(), null, language));
    enqueueForCustomer(
        MailKind.ORDER_CANCELLED,
        "order-cancelled:" + order.orderId(),
        order.customerId(),
        recipient(order.customerId()),
        data);
  }

  /**
   * A message of the contact form: to the team's mailbox when its topic has one, and an
   * acknowledgement to the sender, both in the language the sender wrote in.
   */
  void contactReceived(@Observes @Received(inAnyOrder = true) ContactReceived contact) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("inquiryId", contact.inquiryId().toString());
    data.put("topic", contact.topic());
    data.put("message", contact.message());
    data.put("receivedAt", dateTime(contact.receivedAt(), contact.language()));
    String source = "inquiry:" + contact.inquiryId();
    if (contact.teamMailbox() != null && !contact.teamMailbox().isBlank()) {
      // To the team, about the sender: their name and address are the data, not the recipient.
      Map<String, Object> forTeam = new LinkedHashMap<>(data);
      forTeam.put("name", contact.name());
      forTeam.put("email", contact.email());
      queue.enqueue(
          new Draft(
              MailKind.CONTACT_INQUIRY,
              source,
              contact.teamMailbox().strip(),
              null,
              sites.of(request.site()).language(),
              forTeam),
          mail -> mail);
    }
    queue.enqueue(
        new Draft(
            MailKind.CONTACT_ACKNOWLEDGEMENT,
            source,
            contact.email(),
            contact.name(),
            contact.language(),
            data),
        mail -> mail);
  }

  void contactAnswered(@Observes @Received(inAnyOrder = true) ContactAnswered answered) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("inquiryId", answered.inquiryId().toString());
    data.put("topic", answered.topic());
    data.put("message", answered.message());
    data.put("answer", answered.answer());
    Instant at = answered.answeredAt() == null ? Instant.EPOCH : answered.answeredAt();
    queue.enqueue(
        new Draft(
            MailKind.CONTACT_ANSWER,
            "inquiry:" + answered.inquiryId() + ":answer:" + at.toEpochMilli(),
            answered.email(),
            answered.name(),
            answered.language(),
            data),
        mail -> mail);
  }

  /**
   * Support staff replied on a customer's ticket: the reply, quoted, with a link to the ticket. One
   * mail per reply ({@code messageId}), however often the event comes.
   */
  void ticketAnswered(@Observes @Received(inAnyOrder = true) TicketAnswered answered) {
    String language = sites.of(request.site()).language();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("ticketId", answered.ticketId().toString());
    data.put("ticketNumber", text(answered.number()));
    data.put("subject", text(answered.subject()));
    data.put("agentName", text(answered.agentName()));
    data.put("reply", text(answered.reply()));
    data.put("answeredAt", dateTime(answered.answeredAt(), language));
    data.put("ticketLink", links.ticket(answered.ticketId().toString()));
    enqueueForCustomer(
        MailKind.TICKET_ANSWER,
        ticketReplySource(answered),
        answered.customerId(),
        recipient(answered.customerId()),
        data);
  }

  /** The fact a reply's mail is about: the ticket and the reply's own id. */
  static String ticketReplySource(TicketAnswered answered) {
    String reply =
        answered.messageId() != null
            ? answered.messageId().toString()
            : "at:" + (answered.answeredAt() == null ? 0 : answered.answeredAt().toEpochMilli());
    return "ticket:" + answered.ticketId() + ":reply:" + reply;
  }

  private Recipient recipient(UUID customerId) {
    return customerId == null ? null : em.find(Recipient.class, customerId.toString());
  }

  /**
   * A customer's mail: to their address, or, when the read model does not know them, recorded as
   * failed ({@code unknown recipient}) until their registration arrives.
   */
  private void enqueueForCustomer(
      MailKind kind, String source, UUID customerId, Recipient customer, Map<String, Object> data) {
    if (customer == null) {
      LOG.warning(() -> "No recipient known for customer " + customerId + " (" + source + ")");
    }
    queue.enqueue(
        new Draft(
            kind,
            source,
            customer == null ? null : customer.email(),
            customer == null ? null : customer.displayName(),
            null,
            data),
        mail -> mail.forCustomer(customerId));
  }

  static List<Map<String, Object>> lines(List<OrderLine> lines, String currency, String language) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (lines == null) {
      return rows;
    }
    for (OrderLine line : lines) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", line.name());
      row.put("sku", line.sku());
      row.put("quantity", line.quantity());
      row.put("unitPrice", money(line.unitPrice(), currency, language));
      row.put(
          "lineTotal",
          line.unitPrice() == null
              ? ""
              : money(
                  line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())),
                  currency,
                  language));
      rows.add(row);
    }
    return rows;
  }

  static Map<String, Object> address(PostalAddress address) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (address == null) {
      return fields;
    }
    fields.put("recipient", text(address.recipient()));
    fields.put("company", text(address.company()));
    fields.put("line1", text(address.line1()));
    fields.put("line2", text(address.line2()));
    fields.put("postalCode", text(address.postalCode()));
    fields.put("city", text(address.city()));
    fields.put("region", text(address.region()));
    fields.put("country", text(address.country()));
    return fields;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  /** An amount as the language writes it ({@code €43.00}, {@code 43,00 €}). */
  static String money(BigDecimal amount, String currency, String language) {
    if (amount == null) {
      return "";
    }
    Locale locale = locale(language);
    if (currency == null) {
      NumberFormat plain = NumberFormat.getNumberInstance(locale);
      plain.setMinimumFractionDigits(2);
      plain.setMaximumFractionDigits(2);
      return plain.format(amount);
    }
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    try {
      format.setCurrency(Currency.getInstance(currency));
    } catch (IllegalArgumentException e) {
      return amount.toPlainString() + " " + currency;
    }
    return format.format(amount);
  }

  static String date(LocalDate date, String language) {
    return date == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(locale(language))
            .format(date);
  }

  static String dateTime(Instant instant, String language) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale(language))
            .format(instant.atZone(ZoneOffset.UTC))
        + " UTC";
  }

  /** A shipment step as a customer reads it. */
  static String statusLabel(String status, String language) {
    String[] labels =
        switch (status) {
          case ShipmentStatusChanged.IN_TRANSIT ->
              new String[] {"on its way", "en route", "unterwegs"};
          case ShipmentStatusChanged.OUT_FOR_DELIVERY ->
              new String[] {"out for delivery", "en cours de livraison", "in der Zustellung"};
          case ShipmentStatusChanged.DELIVERED -> new String[] {"delivered", "livré", "zugestellt"};
          default -> new String[] {status, status, status};
        };
    return switch (language == null ? "" : language) {
      case "fr" -> labels[1];
      case "de" -> labels[2];
      default -> labels[0];
    };
  }

  private static Locale locale(String language) {
    return Locale.forLanguageTag(language == null ? SiteSettings.DEFAULT_LANGUAGE : language);
  }
}
