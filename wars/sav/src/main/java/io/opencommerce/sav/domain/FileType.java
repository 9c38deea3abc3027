package io.opencommerce.sav.domain;

import java.util.Optional;

/**
 * The kinds of files a ticket takes, recognised by their signature (their first bytes), never by
 * their name or the content type the uploader declared. A small table rather than a detection
 * library: the allow-list is five formats whose signatures are fixed by their specifications, and
 * anything else is refused.
 */
public enum FileType {
  PNG("image/png"),
  JPEG("image/jpeg"),
  GIF("image/gif"),
  WEBP("image/webp"),
  PDF("application/pdf");

  private final String contentType;

  FileType(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /** What the bytes are, judged by their signature; empty when they are none of these. */
  public static Optional<FileType> sniff(byte[] content) {
    if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, 'G', 'I', 'F', '8', '7', 'a')
        || startsWith(content, 'G', 'I', 'F', '8', '9', 'a')) {
      return Optional.of(GIF);
    }
    if (startsWith(content, 'R', 'I', 'F', 'F') && at(content, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of(WEBP);
    }
    if (startsWith(content, '%', 'P', 'D', 'F', '-')) {
      return Optional.of(PDF);
    }
    return Optional.empty();
  }

  /**
   * What a refused file seems to be, for the refusal's message: executables and archives are named
   * (a program renamed {@code receipt.png} is told apart from a file of an unknown kind).
   */
  public static String describe(byte[] content) {
    if (startsWith(content, 'M', 'Z')) {
      return "a Windows executable";
    }
    if (startsWith(content, 0x7F, 'E', 'L', 'F')) {
      return "an ELF executable";
    }
    if (startsWith(content, 0xCF, 0xFA, 0xED, 0xFE)
        || startsWith(content, 0xCE, 0xFA, 0xED, 0xFE)
        || startsWith(content, 0xCA, 0xFE, 0xBA, 0xBE)) {
      return "a Mach-O executable or Java class";
    }
    if (startsWith(content, '#', '!')) {
      return "a script";
    }
    if (startsWith(content, 'P', 'K', 0x03, 0x04)) {
      return "a ZIP archive";
    }
    return "of a kind not accepted";
  }

  private static boolean startsWith(byte[] content, int... signature) {
    return at(content, 0, signature);
  }

  private static boolean at(byte[] content, int offset, int... signature) {
    if (content == null || content.length < offset + signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((content[offset + i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
