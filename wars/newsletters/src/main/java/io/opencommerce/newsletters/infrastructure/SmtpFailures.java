package io.opencommerce.newsletters.infrastructure;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed SMTP exchange means for the mail. The SMTP server's reply code decides (RFC 5321):
 * 5xx is a permanent refusal (no such mailbox, rejected content: the mail has failed), 4xx a
 * temporary one (mailbox busy, greylisting, too many messages: try again later). A failure without
 * a reply (the server cannot be reached, the connection dropped) says nothing about the mail: the
 * server is away, and the mail waits for it without spending an attempt.
 */
public final class SmtpFailures {
  private static final Pattern LEADING_CODE = Pattern.compile("^\\s*([2-5])(\\d\\d)[ -]");

  private SmtpFailures() {}

  /** How a failure is treated. */
  public enum Kind {
    /** Refused for good (5xx): the mail has failed. */
    PERMANENT,
    /** Refused for now (4xx): try again later, counting the attempt. */
    TRANSIENT,
    /** No answer about the mail: the server is away; nothing is counted against it. */
    UNREACHABLE
  }

  /** A failure's kind, the reply code if there was one (0 otherwise) and a reason to record. */
  public record Failure(Kind kind, int code, String reason) {}

  public static Failure classify(Exception failure) {
    int code = replyCode(failure);
    String reason = reason(failure, code);
    if (code >= 500) {
      return new Failure(Kind.PERMANENT, code, reason);
    }
    if (code >= 400) {
      return new Failure(Kind.TRANSIENT, code, reason);
    }
    if (failure instanceof AuthenticationFailedException) {
      // A wrong password is the platform's problem, not the mail's: wait for it to be fixed.
      return new Failure(Kind.UNREACHABLE, 0, reason);
    }
    return new Failure(Kind.UNREACHABLE, 0, reason);
  }

  /**
   * The SMTP reply code the failure carries: the implementation's exceptions expose it as {@code
   * getReturnCode()} (Angus Mail's {@code SMTPSendFailedException}, {@code
   * SMTPAddressFailedException}, …), read without depending on the implementation; otherwise a code
   * the message starts with. 0 when there is none (I/O failures).
   */
  static int replyCode(Throwable failure) {
    for (Throwable t = failure; t != null; t = next(t)) {
      if (isIo(t)) {
        return 0;
      }
      try {
        Method method = t.getClass().getMethod("getReturnCode");
        Object value = method.invoke(t);
        if (value instanceof Integer code && code >= 400 && code < 600) {
          return code;
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // not an SMTP exception: look at its message, then its cause
      }
      if (t instanceof MessagingException && t.getMessage() != null) {
        Matcher matcher = LEADING_CODE.matcher(t.getMessage());
        if (matcher.find() && (matcher.group(1).equals("4") || matcher.group(1).equals("5"))) {
          return Integer.parseInt(matcher.group(1) + matcher.group(2));
        }
      }
    }
    return 0;
  }

  private static boolean isIo(Throwable t) {
    return t instanceof IOException
        || t instanceof SocketException
        || t instanceof UnknownHostException;
  }

  private static Throwable next(Throwable t) {
    Throwable cause =
        t instanceof MessagingException m && m.getNextException() != null
            ? m.getNextException()
            : t.getCause();
    return cause == t ? null : cause;
  }

  private static String reason(Throwable failure, int code) {
    StringBuilder reason = new StringBuilder();
    for (Throwable t = failure; t != null && reason.length() < 900; t = next(t)) {
      String message = t.getMessage();
      if (message != null && !message.isBlank() && reason.indexOf(message.strip()) < 0) {
        if (!reason.isEmpty()) {
          reason.append("; ");
        }
        reason.append(message.strip());
      }
    }
    if (reason.isEmpty()) {
      reason.append(failure.getClass().getSimpleName());
    }
    String text = reason.toString().replaceAll("\\s+", " ");
    return code > 0 && !text.startsWith(String.valueOf(code)) ? code + " " + text : text;
  }
}
