package io.opencommerce.newsletters.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.contracts.deliveries.ShipmentStatusChanged;
import io.opencommerce.contracts.orders.OrderLine;
import io.opencommerce.contracts.orders.PostalAddress;
import io.opencommerce.contracts.sav.TicketAnswered;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TransactionalMailsTest {
  @Test
  void onlyTheStepsOfAParcelOnItsWayAreMailed() {
    assertThat(TransactionalMails.NOTIFIED_STEPS)
        .containsExactlyInAnyOrder("IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED")
        .doesNotContain(ShipmentStatusChanged.CREATED, ShipmentStatusChanged.CANCELLED);
  }

  @Test
  void amountsAndDatesAreWrittenAsTheLanguageWritesThem() {
    assertThat(TransactionalMails.money(new BigDecimal("1234.5"), "EUR", "en"))
        .isEqualTo("€1,234.50");
    assertThat(TransactionalMails.money(new BigDecimal("1234.5"), "EUR", "fr"))
        .matches("1\\h234,50\\h€");
    assertThat(TransactionalMails.money(new BigDecimal("3"), "XYZ-NOT-ISO", "en"))
        .isEqualTo("3 XYZ-NOT-ISO");
    assertThat(TransactionalMails.date(LocalDate.of(2026, 12, 24), "fr"))
        .isEqualTo("24 décembre 2026");
    assertThat(TransactionalMails.date(LocalDate.of(2026, 12, 24), "en"))
        .isEqualTo("December 24, 2026");
    assertThat(TransactionalMails.dateTime(Instant.parse("2026-12-24T18:30:00Z"), "en"))
        .endsWith(" UTC")
        .contains("2026");
    assertThat(TransactionalMails.statusLabel("OUT_FOR_DELIVERY", "fr"))
        .isEqualTo("en cours de livraison");
    assertThat(TransactionalMails.statusLabel("DELIVERED", "en")).isEqualTo("delivered");
    assertThat(TransactionalMails.statusLabel("IN_TRANSIT", "de")).isEqualTo("unterwegs");
  }

  @Test
  void orderLinesCarryTheirTotals() {
    var rows =
        TransactionalMails.lines(
            List.of(new OrderLine(UUID.randomUUID(), "T-1", "Tea", 3, new BigDecimal("2.50"))),
            "EUR",
            "en");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsEntry("name", "Tea")
        .containsEntry("quantity", 3)
        .containsEntry("unitPrice", "€2.50")
        .containsEntry("lineTotal", "€7.50");
    assertThat(TransactionalMails.lines(null, "EUR", "en")).isEmpty();
  }

  @Test
  void missingAddressFieldsAreEmptyText() {
    var address =
        TransactionalMails.address(
            new PostalAddress("Ann", null, "1 rue", null, "75001", "Paris", null, "FR", null));
    assertThat(address)
        .containsEntry("company", "")
        .containsEntry("line2", "")
        .containsEntry("city", "Paris");
  }

  @Test
  void aTicketsReplyIsMailedOncePerReply() {
    UUID ticket = UUID.randomUUID();
    UUID message = UUID.randomUUID();
    Instant at = Instant.parse("2026-12-20T09:15:00Z");
    TicketAnswered reply =
        new TicketAnswered(ticket, "SAV-1", UUID.randomUUID(), "Late", message, "Ann", "Hi", at);
    assertThat(TransactionalMails.ticketReplySource(reply))
        .isEqualTo("ticket:" + ticket + ":reply:" + message)
        .hasSizeLessThanOrEqualTo(200);
    // The same reply delivered again (another event id) is the same fact; another reply is not.
    assertThat(
            TransactionalMails.ticketReplySource(
                new TicketAnswered(ticket, "SAV-1", null, "Late", message, null, "Hi", null)))
        .isEqualTo(TransactionalMails.ticketReplySource(reply));
    assertThat(
            TransactionalMails.ticketReplySource(
                new TicketAnswered(
                    ticket, "SAV-1", null, "Late", UUID.randomUUID(), "Ann", "Hi", at)))
        .isNotEqualTo(TransactionalMails.ticketReplySource(reply));
  }
}
