package io.opencommerce.newsletters.infrastructure;

import io.opencommerce.newsletters.domain.MailKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates shipped in the WAR, used for a site and language with no active version of its own:
 * {@code templates/<language>/<kind>.mustache}, each holding its three parts after the lines {@code
 * --- subject}, {@code --- text} and {@code --- html}. English, French and German are built in.
 */
public final class BuiltInTemplates {
  /** The languages with built-in templates. */
  public static final java.util.Set<String> LANGUAGES = java.util.Set.of("en", "fr", "de");

  private static final Map<String, Optional<TemplateEngine.Compiled>> COMPILED =
      new ConcurrentHashMap<>();

  private BuiltInTemplates() {}

  /** The built-in template of {@code kind} in {@code language}, if there is one. */
  public static Optional<TemplateEngine.Compiled> of(MailKind kind, String language) {
    return COMPILED.computeIfAbsent(language + "/" + kind.code(), BuiltInTemplates::load);
  }

  private static Optional<TemplateEngine.Compiled> load(String path) {
    String resource = "templates/" + path + ".mustache";
    try (InputStream in = BuiltInTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      Parts parts = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
      return Optional.of(TemplateEngine.compile(null, parts.subject(), parts.text(), parts.html()));
    } catch (IOException e) {
      throw new UncheckedIOException("Reading " + resource + " failed", e);
    }
  }

  /** A template file's three parts. */
  record Parts(String subject, String text, String html) {}

  static Parts parse(String file, String name) {
    String[] sections = file.split("(?m)^--- ", -1);
    String subject = null;
    String text = null;
    String html = null;
    for (String section : sections) {
      int newline = section.indexOf('\n');
      if (newline < 0) {
        continue;
      }
      String header = section.substring(0, newline).strip();
      String body = section.substring(newline + 1);
      switch (header) {
        case "subject" -> subject = body.strip();
        case "text" -> text = body;
        case "html" -> html = body;
        default -> {}
      }
    }
    if (subject == null || text == null || html == null) {
      throw new IllegalStateException(name + " lacks a subject, text or html part");
    }
    return new Parts(subject, text, html);
  }
}
