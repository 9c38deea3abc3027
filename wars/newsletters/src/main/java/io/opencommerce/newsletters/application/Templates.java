package io.opencommerce.newsletters.application;

import io.opencommerce.newsletters.domain.MailKind;
import io.opencommerce.newsletters.infrastructure.BuiltInTemplates;
import io.opencommerce.newsletters.infrastructure.SiteSettings;
import io.opencommerce.newsletters.infrastructure.TemplateEngine;
import jakarta.enterprise.context.ApplicationScoped;

/** The template each new mail is rendered with: the built-in one of its kind and language. */
@ApplicationScoped
public class Templates {
  /** The template for a mail of {@code kind} in {@code language} on {@code site}. */
  public TemplateEngine.Compiled compiled(String site, String language, MailKind kind) {
    return builtIn(kind, language);
  }

  /** The built-in template, in English where the language has none. */
  static TemplateEngine.Compiled builtIn(MailKind kind, String language) {
    return BuiltInTemplates.of(kind, language)
        .or(() -> BuiltInTemplates.of(kind, SiteSettings.DEFAULT_LANGUAGE))
        .orElseThrow(() -> new IllegalStateException("No built-in template for " + kind));
  }
}
