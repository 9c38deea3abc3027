package io.opencommerce.newsletters.infrastructure;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.SafeMustacheFactory;
import com.github.mustachejava.reflect.MapObjectHandler;
import io.opencommerce.newsletters.domain.RenderedMail;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Mustache for mail templates, which administrators write: logic-less, so a template cannot run
 * code. Locked down further than Mustache itself: values are read from the model's maps only (no
 * method or field of any object is reachable, {@code MapObjectHandler}), partials ({@code {{>
 * name}}}) load nothing, and unescaped tags ({@code {{{x}}}}, {@code {{&x}}}) are refused, so every
 * value is HTML-escaped in the HTML part. The subject and the plain-text part are written as they
 * are (no HTML escaping in text).
 */
public final class TemplateEngine {
  private static final DefaultMustacheFactory HTML = factory(false);
  private static final DefaultMustacheFactory TEXT = factory(true);

  private TemplateEngine() {}

  private static DefaultMustacheFactory factory(boolean raw) {
    DefaultMustacheFactory factory =
        new SafeMustacheFactory(Set.of(), "no-partials") {
          @Override
          public void encode(String value, Writer writer) {
            if (!raw) {
              super.encode(value, writer);
              return;
            }
            try {
              writer.write(value);
            } catch (IOException e) {
              throw new MustacheException("Writing the template failed", e);
            }
          }
        };
    factory.setObjectHandler(new MapObjectHandler());
    return factory;
  }

  /** A template's three parts, compiled. */
  public record Compiled(UUID versionId, Mustache subject, Mustache text, Mustache html) {
    /** Renders the mail for {@code model}; the subject on one line. */
    public RenderedMail render(Map<String, Object> model) {
      String renderedSubject =
          run(subject, model, "subject").replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
      return new RenderedMail(
          renderedSubject, run(text, model, "text"), run(html, model, "html"), versionId);
    }

    private static String run(Mustache template, Map<String, Object> model, String part) {
      try {
        StringWriter out = new StringWriter();
        template.execute(out, model).flush();
        return out.toString();
      } catch (IOException | RuntimeException e) {
        throw new TemplateException(part, "does not render: " + message(e));
      }
    }
  }

  /**
   * Compiles the three parts of a template.
   *
   * @param versionId the stored version they come from; null for a built-in template
   * @throws TemplateException naming the part ({@code subject}, {@code text}, {@code html}) that
   *     does not compile
   */
  public static Compiled compile(UUID versionId, String subject, String text, String html) {
    return new Compiled(
        versionId,
        compile(TEXT, subject, "subject"),
        compile(TEXT, text, "text"),
        compile(HTML, html, "html"));
  }

  private static Mustache compile(DefaultMustacheFactory factory, String source, String part) {
    Objects.requireNonNull(source, part + " is required");
    try {
      return factory.compile(new StringReader(source), part);
    } catch (RuntimeException e) {
      throw new TemplateException(part, "does not compile: " + message(e));
    }
  }

  private static String message(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.length() > 300 ? message.substring(0, 297) + "..." : message;
  }

  /** A template part that does not compile or render. */
  public static final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String part;

    public TemplateException(String part, String message) {
      super(message);
      this.part = part;
    }

    /** {@code subject}, {@code text} or {@code html}. */
    public String part() {
      return part;
    }
  }
}
