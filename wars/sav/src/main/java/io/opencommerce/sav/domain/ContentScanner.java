package io.opencommerce.sav.domain;

/**
 * The port to whatever judges an attachment's content before anyone may download it (an antivirus,
 * a content-disarm service). An attachment stays {@code SCANNING} until its verdict is in; a
 * scanner that cannot answer now throws, and the file is scanned again later.
 */
public interface ContentScanner {
  /** What a scanner thinks of a file. */
  enum Verdict {
    CLEAN,
    INFECTED
  }

  /** Judges {@code content}, whose signature says it is a {@code type}. */
  Verdict scan(byte[] content, FileType type) throws Exception;
}
