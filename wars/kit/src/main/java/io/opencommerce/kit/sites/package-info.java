/**
 * The platform's sites (stores) as every service knows them: a {@link
 * io.opencommerce.kit.sites.SiteRegistry} per replica, loaded from the websites service's registry
 * feed at start, kept fresh by {@code SiteChanged} events and reloaded every {@code
 * platform.sites.refresh}; and the resolution of each request's site against it ({@link
 * io.opencommerce.kit.sites.SiteResolver}), which {@code RequestContextFilter} applies before any
 * work. Code reads the request's site from {@code CurrentRequest.currentSite()}.
 *
 * <p>Configuration: {@code platform.sites.default} (default), {@code platform.sites.refresh}
 * (PT1M), {@code platform.sites.retry-interval} (PT2S), {@code services.websites.url} ({@code
 * http://websites:9080/websites/api}) with {@code services.websites.connect-timeout-ms} (1000) and
 * {@code .read-timeout-ms} (3000), and {@code platform.trusted-proxies} (whose {@code X-Site} and
 * {@code X-Forwarded-Host} are believed).
 */
package io.opencommerce.kit.sites;
