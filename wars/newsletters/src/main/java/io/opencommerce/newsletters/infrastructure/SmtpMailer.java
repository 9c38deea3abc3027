package io.opencommerce.newsletters.infrastructure;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends mails over SMTP through a Jakarta Mail {@link Session} (Liberty's {@code mailSession},
 * host, port, STARTTLS and credentials from its configuration). One {@link Connection} is opened
 * per batch and reused for every mail of it: a connected transport sends a mail in a few
 * milliseconds, a connection per mail costs tens.
 */
public final class SmtpMailer {
  private static final Logger LOG = Logger.getLogger(SmtpMailer.class.getName());

  private final Session session;
  private final String user;
  private final String password;

  /**
   * @param user the SMTP user, when the server wants a login ({@code mail.smtp.auth=true} in the
   *     session); null otherwise
   * @param password its password
   */
  public SmtpMailer(Session session, String user, String password) {
    this.session = session;
    this.user = user;
    this.password = password;
  }

  /** A mail ready for the wire. {@code unsubscribeUrl} is set on marketing mails only. */
  public record Outgoing(
      String from,
      String to,
      String toName,
      String subject,
      String text,
      String html,
      String unsubscribeUrl,
      String reference) {}

  /**
   * Connects to the SMTP server.
   *
   * @throws MessagingException when it cannot be reached or refuses the login: nothing was sent
   */
  public Connection connect() throws MessagingException {
    Transport transport = session.getTransport("smtp");
    if (Boolean.parseBoolean(session.getProperty("mail.smtp.auth")) && user != null) {
      transport.connect(user, password);
    } else {
      transport.connect();
    }
    return new Connection(transport);
  }

  /** The message as it is sent: multipart/alternative, plain text first, UTF-8. */
  public MimeMessage message(Outgoing mail) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(mail.from()));
    try {
      message.setRecipient(
          Message.RecipientType.TO,
          new InternetAddress(mail.to(), mail.toName(), StandardCharsets.UTF_8.name()));
    } catch (java.io.UnsupportedEncodingException e) {
      throw new MessagingException("UTF-8 is missing", e);
    }
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    if (mail.unsubscribeUrl() != null) {
      // RFC 2369 and RFC 8058: mail clients offer the reader a one-click unsubscribe, a POST to
      // this address with the body List-Unsubscribe=One-Click.
      message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    } else {
      // RFC 3834: a machine wrote it; out-of-office replies should not answer it.
      message.setHeader("Auto-Submitted", "auto-generated");
    }
    if (mail.reference() != null) {
      message.setHeader("X-OpenCommerce-Mail", mail.reference());
    }
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  /** One connected transport, for one batch. */
  public final class Connection implements AutoCloseable {
    private final Transport transport;

    private Connection(Transport transport) {
      this.transport = transport;
    }

    /**
     * Hands one mail to the server.
     *
     * @throws MessagingException as the server refused it, or the connection failed ({@link
     *     SmtpFailures} tells which)
     */
    public void send(Outgoing mail) throws MessagingException {
      MimeMessage message = message(mail);
      Address[] to = message.getAllRecipients();
      transport.sendMessage(message, to);
    }

    public boolean isConnected() {
      return transport.isConnected();
    }

    @Override
    public void close() {
      try {
        transport.close();
      } catch (MessagingException e) {
        LOG.log(Level.FINE, "Closing the SMTP connection failed", e);
      }
    }
  }
}
