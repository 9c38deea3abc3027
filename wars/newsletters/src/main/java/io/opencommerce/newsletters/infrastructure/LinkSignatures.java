package io.opencommerce.newsletters.infrastructure;

import io.opencommerce.kit.security.HmacKey;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokens of the links subscribers follow, which prove that the link was made by the shop for
 * this subscriber and this purpose: {@code <subscriber id>.<round>.<signature>}, the signature
 * being the HMAC-SHA256 of the purpose, the subscriber's id and the round under a server secret
 * ({@code newsletters.links.secret}), base64url without padding. Nobody without the secret can make
 * a link for another subscriber, turn a confirmation link into an unsubscribe link or the other way
 * round, or move a confirmation link to another opt-in round. Verification compares in constant
 * time.
 */
public final class LinkSignatures {
  /**
   * What a link does; part of what is signed, so a link of one purpose is worth nothing as another.
   */
  public enum Purpose {
    /** Confirms a subscription (double opt-in). */
    CONFIRM("confirm"),
    /** Leaves the newsletter (the one-click link of every newsletter). */
    UNSUBSCRIBE("unsubscribe");

    private final String code;

    Purpose(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** A token as links carry it: the shape only (what a request parameter is checked against). */
  public static final String TOKEN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(0|[1-9][0-9]{0,8})\\.[A-Za-z0-9_-]{43}";

  /** The shortest secret accepted: 16 bytes. */
  public static final int MIN_SECRET_BYTES = HmacKey.MIN_BYTES;

  private static final Pattern SHAPE =
      Pattern.compile(
          "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
              + "\\.(0|[1-9][0-9]{0,8})\\.([A-Za-z0-9_-]{43})");
  private final HmacKey key;

  /**
   * @throws IllegalArgumentException for a secret shorter than {@value #MIN_SECRET_BYTES} bytes
   */
  public LinkSignatures(String secret) {
    Objects.requireNonNull(secret, "secret is required");
    if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the link secret must have at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.key = HmacKey.of(secret);
  }

  /** Tokens signed with {@code key} (a configured server secret, {@link HmacKey#configured}). */
  public LinkSignatures(HmacKey key) {
    this.key = Objects.requireNonNull(key, "key is required");
  }

  /** What a valid token names. */
  public record Signed(UUID subscriber, int round) {}

  /** The token of a {@code purpose} link for {@code subscriber} in opt-in round {@code round}. */
  public String token(Purpose purpose, UUID subscriber, int round) {
    if (round < 0) {
      throw new IllegalArgumentException("round must not be negative: " + round);
    }
    String id = subscriber.toString();
    return id + "." + round + "." + key.signBase64Url(signed(purpose, id, round));
  }

  /**
   * What {@code token} names, if it is a {@code purpose} token this secret signed; empty for
   * anything else (another purpose, a changed id, round or signature, another secret, a token of
   * another shape).
   */
  public Optional<Signed> verify(Purpose purpose, String token) {
    if (token == null) {
      return Optional.empty();
    }
    Matcher parts = SHAPE.matcher(token);
    if (!parts.matches()) {
      return Optional.empty();
    }
    String id = parts.group(1);
    int round = Integer.parseInt(parts.group(2));
    // Compared as the text the token carries: a changed link is refused.
    if (!key.verifyBase64Url(signed(purpose, id, round), parts.group(3))) {
      return Optional.empty();
    }
    return Optional.of(new Signed(UUID.fromString(id), round));
  }

  private static String signed(Purpose purpose, String id, int round) {
    return purpose.code() + "\n" + id + "\n" + round;
  }
}
