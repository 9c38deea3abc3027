package io.opencommerce.contracts.websites;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.List;

/**
 * A site (one store of the platform) was created or changed: its whole state afterwards, so a
 * consumer keeps the latest and ignores an event whose {@code version} is not above the one it
 * holds. An inactive site is still described ({@code active} false): every service refuses it.
 *
 * <p>Consumers: the kit's site registry in every service (a read model: no call to websites per
 * request). The websites service also serves the latest state of every site in this same shape
 * ({@code GET /websites/api/sites/registry}), which a registry loads when it starts.
 *
 * @param code the site's code, lower case ({@code [a-z0-9][a-z0-9-]{0,39}}), never changed
 * @param domains the host names the site answers on, lower case, no port
 * @param defaultLanguage two-letter language code, one of {@code languages}
 * @param languages the languages the site offers, two-letter codes
 * @param currency ISO 4217 code of the one currency the site sells in
 * @param countries ISO 3166-1 alpha-2 codes of the countries the site sells to
 * @param timeZone IANA time-zone id
 * @param version starts at 1, one more on every change
 */
@EventType(name = "SiteChanged", version = 1)
public record SiteChanged(
    String code,
    String name,
    List<String> domains,
    String defaultLanguage,
    List<String> languages,
    String currency,
    List<String> countries,
    String timeZone,
    SiteTheme theme,
    boolean active,
    long version,
    Instant changedAt)
    implements IntegrationEvent {}
