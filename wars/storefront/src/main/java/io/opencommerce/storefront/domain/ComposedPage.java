package io.opencommerce.storefront.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page made of parts: a JSON object with a few plain fields (the ids it is about) and one member
 * per {@link Part}, written in the order they were added. It is {@linkplain #complete() complete}
 * when every part is available; only then may it be cached, and its entity tag is the digest of its
 * content ({@link #etag()}): two requests that would get the same bytes get the same tag.
 */
public final class ComposedPage {
  private final byte[] json;
  private final Map<String, Part> parts;

  private ComposedPage(byte[] json, Map<String, Part> parts) {
    this.json = json;
    this.parts = parts;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The page as UTF-8 JSON, sent as it is; shared, never modified. */
  public byte[] json() {
    return json;
  }

  /** The part named {@code name}, or null. */
  public Part part(String name) {
    return parts.get(name);
  }

  /** Whether every part is available. */
  public boolean complete() {
    return parts.values().stream().allMatch(Part::available);
  }

  /**
   * A strong entity tag (without quotes) from the page's content: 128 bits of its SHA-256, in
   * base64url.
   */
  public String etag() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return new String(json, StandardCharsets.UTF_8);
  }

  /** Writes the page's members in order. */
  public static final class Builder {
    private final StringBuilder out = new StringBuilder(2048).append('{');
    private final Map<String, Part> parts = new LinkedHashMap<>();

    private Builder() {}

    /** A plain text member ({@code null} written as JSON null). */
    public Builder field(String name, String value) {
      member(name);
      JsonText.quote(value, out);
      return this;
    }

    public Builder part(String name, Part part) {
      if (parts.putIfAbsent(name, part) != null) {
        throw new IllegalArgumentException("Two parts named " + name);
      }
      member(name);
      part.writeTo(out);
      return this;
    }

    private void member(String name) {
      if (out.length() > 1) {
        out.append(',');
      }
      JsonText.quote(name, out);
      out.append(':');
    }

    public ComposedPage build() {
      return new ComposedPage(
          out.append('}').toString().getBytes(StandardCharsets.UTF_8), Map.copyOf(parts));
    }
  }
}
