package io.opencommerce.contracts.websites;

import java.util.Map;

/**
 * How a site's shop front looks and whom its customers write to.
 *
 * @param colours named colours ({@code primary}, {@code accent}, …) as {@code #rrggbb}; at most 16
 * @param logoKey the object key of the site's logo in object storage, or null
 * @param supportEmail the address the site's mails are signed with and customers write to
 */
public record SiteTheme(Map<String, String> colours, String logoKey, String supportEmail) {}
