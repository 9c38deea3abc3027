package io.opencommerce.it.sav;

import static io.opencommerce.it.sav.SupportDesk.call;
import static io.opencommerce.it.sav.SupportDesk.count;
import static io.opencommerce.it.sav.SupportDesk.objects;
import static io.opencommerce.it.sav.SupportDesk.upload;
import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Session;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the sav service refuses, storing nothing (no row in its database, no object in its bucket):
 * a disguised file (a program named {@code .png}, sent as {@code image/png}), an oversized file,
 * files past the ticket's cap, another customer's ticket or attachment, an order number that is not
 * the caller's.
 */
class TicketRefusalsIT {
  private static SupportDesk.Buyer owner;
  private static Session stranger;
  private static String ticket;

  @BeforeAll
  static void setUp() {
    owner = SupportDesk.buyer("sav-refusals");
    stranger = Platform.registerAndLogin("sav-stranger");
    ticket = SupportDesk.opened(owner.token(), "Refusals").getString("id");
  }

  private static long attachmentRows() throws Exception {
    return count("SELECT COUNT(*) FROM ticket_attachments WHERE ticket_id = ?", ticket);
  }

  private static void nothingStored() throws Exception {
    assertThat(attachmentRows()).isZero();
    assertThat(objects("tickets/" + ticket + "/")).isEmpty();
    assertThat(count("SELECT attachment_bytes FROM tickets WHERE id = ?", ticket)).isZero();
  }

  @Test
  void disguisedFilesAreRefusedByTheirSignatureWhateverTheirNameAndType() throws Exception {
    byte[] windows = new byte[2048];
    windows[0] = 'M';
    windows[1] = 'Z';
    upload(ticket, "receipt.png", windows, "image/png", owner.token())
        .assertProblem(415, "unsupported-attachment-type");
    byte[] elf = new byte[2048];
    elf[0] = 0x7F;
    elf[1] = 'E';
    elf[2] = 'L';
    elf[3] = 'F';
    upload(ticket, "photo.jpg", elf, "image/jpeg", owner.token())
        .assertProblem(415, "unsupported-attachment-type");
    upload(
            ticket,
            "notes.png",
            "just some text, not a picture".getBytes(StandardCharsets.UTF_8),
            "image/png",
            owner.token())
        .assertProblem(415, "unsupported-attachment-type");
    upload(ticket, "empty.png", new byte[0], "image/png", owner.token())
        .assertProblem(400, "empty-attachment");
    nothingStored();
  }

  @Test
  void oversizedFilesAreRefused() throws Exception {
    byte[] big = SupportDesk.png(5 * 1024 * 1024); // 8 bytes over the 5 MiB per-file cap
    upload(ticket, "big.png", big, "image/png", owner.token())
        .assertProblem(413, "payload-too-large");
    byte[] huge = Arrays.copyOf(SupportDesk.png(16), 21 * 1024 * 1024); // past the request limit
    upload(ticket, "huge.png", huge, "image/png", owner.token())
        .assertProblem(413, "payload-too-large");
    nothingStored();
  }

  @Test
  void aTicketTakesAtMostItsCapOfFiles() throws Exception {
    String capped = SupportDesk.opened(owner.token(), "Many files").getString("id");
    byte[] file = SupportDesk.png(5 * 1024 * 1024 - 8); // exactly 5 MiB
    for (int i = 0; i < 4; i++) {
      var stored = upload(capped, "page-" + i + ".png", file, "image/png", owner.token());
      assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    }
    upload(capped, "one-too-many.png", SupportDesk.png(8), "image/png", owner.token())
        .assertProblem(413, "payload-too-large");
    assertThat(count("SELECT COUNT(*) FROM ticket_attachments WHERE ticket_id = ?", capped))
        .isEqualTo(4);
    assertThat(objects("tickets/" + capped + "/")).hasSize(4);
  }

  @Test
  void anotherCustomersTicketAndAttachmentAreNotFound() throws Exception {
    JsonObject mine = SupportDesk.opened(owner.token(), "Mine only");
    String id = mine.getString("id");
    var stored = upload(id, "mine.png", SupportDesk.png(64), "image/png", owner.token());
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    String attachment = stored.json().getString("id");

    String other = stranger.accessToken();
    call("GET", "/tickets/" + id, null, other).assertProblem(404, "not-found");
    call("GET", "/tickets/" + id + "/attachments/" + attachment, null, other)
        .assertProblem(404, "not-found");
    upload(id, "intruder.png", SupportDesk.png(64), "image/png", other)
        .assertProblem(404, "not-found");
    call("POST", "/tickets/" + id + "/messages", "{\"text\":\"hi\"}", other)
        .assertProblem(404, "not-found");
    call("POST", "/tickets/" + id + "/status", "{\"status\":\"CLOSED\"}", other)
        .assertProblem(404, "not-found");
    assertThat(call("GET", "/tickets", null, other).json().getInt("total")).isZero();
    // Another ticket's attachment, asked for through one's own ticket.
    String strangers = SupportDesk.opened(other, "Stranger's own").getString("id");
    call("GET", "/tickets/" + strangers + "/attachments/" + attachment, null, other)
        .assertProblem(404, "not-found");
    assertThat(count("SELECT COUNT(*) FROM ticket_attachments WHERE ticket_id = ?", id))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM ticket_messages WHERE ticket_id = ?", id)).isEqualTo(1);
    assertThat(objects("tickets/" + strangers + "/")).isEmpty();
  }

  @Test
  void anOrderNumberThatIsNotTheCallersIsRefusedAndNothingIsStored() throws Exception {
    // The owner's order, once the sav service knows it, is theirs to name ...
    SupportDesk.openAbout(owner.token(), owner.orderNumber(), "Known order");
    // ... and nobody else's.
    long before = count("SELECT COUNT(*) FROM tickets WHERE customer_id = ?", stranger.userId());
    var refused =
        SupportDesk.open(stranger.accessToken(), "Not my order", "order", owner.orderNumber())
            .assertProblem(422, "unknown-order");
    assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("body.orderNumber");
    SupportDesk.open(stranger.accessToken(), "No such order", "order", "OC-0000000000")
        .assertProblem(422, "unknown-order");
    assertThat(count("SELECT COUNT(*) FROM tickets WHERE customer_id = ?", stranger.userId()))
        .isEqualTo(before);
  }
}
