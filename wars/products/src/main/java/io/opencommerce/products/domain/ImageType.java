package io.opencommerce.products.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats the catalog accepts, recognised by their first bytes: the declared content type
 * must agree with what the file really is.
 */
public enum ImageType {
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg"),
  WEBP("image/webp", "webp");

  private final String contentType;
  private final String extension;

  ImageType(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  public static Optional<ImageType> ofContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String bare = contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.contentType.equals(bare)).findFirst();
  }

  /** What the bytes are, judged by their signature; empty when they are none of these. */
  public static Optional<ImageType> sniff(byte[] head) {
    if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (head.length >= 12
        && startsWith(head, 'R', 'I', 'F', 'F')
        && head[8] == 'W'
        && head[9] == 'E'
        && head[10] == 'B'
        && head[11] == 'P') {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] head, int... signature) {
    if (head.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((head[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
