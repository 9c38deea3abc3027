package io.opencommerce.it.support;

import jakarta.json.JsonObject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local SMTP sink's mailboxes, read through GreenMail's REST API ({@code mail.api.url},
 * http://127.0.0.1:8025 by default): every mail it received for an address, parsed as MIME. A
 * mailbox that has received nothing answers 400, read as empty.
 */
public final class Mailbox {
  public static final String API = System.getProperty("mail.api.url", "http://127.0.0.1:8025");
  private static final Session PARSER = Session.getInstance(new Properties());

  private Mailbox() {}

  /** One received mail: its headers and decoded parts. */
  public record Mail(String subject, String text, String html, MimeMessage mime) {
    public String header(String name) {
      try {
        return mime.getHeader(name, ", ");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    /** The first link of the plain-text part starting with {@code prefix}. */
    public String link(String prefix) {
      Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "\\S+").matcher(text);
      if (!matcher.find()) {
        throw new AssertionError("no link " + prefix + "… in:\n" + text);
      }
      return matcher.group();
    }
  }

  public static List<Mail> of(String email) {
    Platform.Reply reply =
        Platform.get(
            API + "/api/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/",
            null);
    List<Mail> mails = new ArrayList<>();
    if (reply.status() != 200) {
      return mails; // 400: nothing received yet
    }
    for (JsonObject message : reply.jsonArray().getValuesAs(JsonObject.class)) {
      mails.add(parse(message.getString("mimeMessage")));
    }
    return mails;
  }

  /** Waits until the mailbox holds a mail matching {@code match} and returns it. */
  public static Mail await(String email, Predicate<Mail> match) {
    return org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> of(email).stream().filter(match).findFirst(), java.util.Optional::isPresent)
        .orElseThrow();
  }

  public static long count(String email, Predicate<Mail> match) {
    return of(email).stream().filter(match).count();
  }

  private static Mail parse(String raw) {
    try {
      MimeMessage mime =
          new MimeMessage(PARSER, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
      String text = null;
      String html = null;
      if (mime.getContent() instanceof Multipart parts) {
        for (int i = 0; i < parts.getCount(); i++) {
          BodyPart part = parts.getBodyPart(i);
          // SMTP carries lines ending in CRLF; the suites compare them as Java text.
          if (part.isMimeType("text/plain")) {
            text = ((String) part.getContent()).replace("\r\n", "\n");
          } else if (part.isMimeType("text/html")) {
            html = ((String) part.getContent()).replace("\r\n", "\n");
          }
        }
      }
      return new Mail(mime.getSubject(), text, html, mime);
    } catch (Exception e) {
      throw new IllegalStateException("A received mail cannot be read", e);
    }
  }
}
