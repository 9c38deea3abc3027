package io.opencommerce.websites.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A site (store) as an administrator writes it, whole: {@code POST /sites} creates it, {@code PUT
 * /sites/{code}} replaces it.
 *
 * <ul>
 *   <li>{@code code}: lower-case letters, digits and dashes ({@value #CODE}), fixed once created;
 *       required to create, and when given to replace it must be the site's.
 *   <li>{@code name}: at most {@value #MAX_NAME} characters.
 *   <li>{@code domains}: the host names the site answers on (at most {@value #MAX_DOMAINS}; lower
 *       case, no port; each belongs to one site only, else 409 {@code domain-taken}). None: the
 *       site is reached by {@code X-Site} only.
 *   <li>{@code languages}: two-letter ISO 639-1 codes ({@code en}, {@code fr}), 1 to {@value
 *       #MAX_LANGUAGES}; {@code defaultLanguage} one of them.
 *   <li>{@code currency}: the ISO 4217 code the site sells in ({@code EUR}).
 *   <li>{@code countries}: the ISO 3166-1 alpha-2 codes of the countries it sells to ({@code FR}),
 *       1 to {@value #MAX_COUNTRIES}.
 *   <li>{@code timeZone}: an IANA time-zone id ({@code Europe/Paris}).
 *   <li>{@code theme}: colours, logo and support address; none by default.
 *   <li>{@code active}: whether it serves requests; {@code true} for a new site, unchanged when
 *       left out of a replacement. The platform's default site cannot be deactivated.
 * </ul>
 */
public record SiteRequest(
    @Size(max = 40, message = "Code must be at most 40 characters.") String code,
    @Size(max = SiteRequest.MAX_NAME, message = "Name must be at most 100 characters.") String name,
    @Size(max = SiteRequest.MAX_DOMAINS, message = "At most 20 domains are allowed.")
        List<@NotNull(message = "A domain must not be null.") String> domains,
    String defaultLanguage,
    @Size(max = SiteRequest.MAX_LANGUAGES, message = "At most 10 languages are allowed.")
        List<@NotNull(message = "A language must not be null.") String> languages,
    String currency,
    @Size(max = SiteRequest.MAX_COUNTRIES, message = "At most 250 countries are allowed.")
        List<@NotNull(message = "A country must not be null.") String> countries,
    @Size(max = 64, message = "Time zone must be at most 64 characters.") String timeZone,
    @Valid Theme theme,
    Boolean active) {

  /** A site's code. */
  public static final String CODE = "[a-z0-9][a-z0-9-]{0,39}";

  public static final int MAX_NAME = 100;
  public static final int MAX_DOMAINS = 20;
  public static final int MAX_LANGUAGES = 10;
  public static final int MAX_COUNTRIES = 250;
}
