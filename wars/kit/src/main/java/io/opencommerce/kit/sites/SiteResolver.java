package io.opencommerce.kit.sites;

import io.opencommerce.kit.web.ClientAddresses;
import io.opencommerce.kit.web.IpAddresses;
import io.opencommerce.kit.web.TrustedProxies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which site a request is for, from the {@link SiteRegistry} held in memory: two map lookups at
 * most, no call to Redis or another service. {@code RequestContextFilter} asks it for every request
 * before any work.
 *
 * <ol>
 *   <li>{@code X-Site}, the site's code, honoured only when the direct peer is one of {@code
 *       platform.trusted-proxies} (the edge, and the services' own network: a service passes its
 *       request's site on to the services it calls). From any other peer it is ignored — a client
 *       cannot pick its site by a header — but a value that is no site code at all is still 400
 *       {@code invalid-site}.
 *   <li>Else the host the request was sent to: the first {@code X-Forwarded-Host} from a trusted
 *       peer, else {@code Host}; without its port, in lower case. The site whose domains hold it.
 *   <li>Else the default site, {@code platform.sites.default}.
 * </ol>
 *
 * A code or a host naming an unknown or inactive site is 404 {@code unknown-site} (the registry
 * keeps an inactive site's domains, so its host is refused, never served as the default site);
 * until the registry has loaded, every request is 503 {@code sites-unavailable} with {@code
 * Retry-After}.
 */
@ApplicationScoped
public class SiteResolver {
  /** A site code, as {@code X-Site} must carry it. */
  public static final Pattern CODE = SiteRegistry.CODE;

  private static final int MAX_HOST = 253;

  @Inject SiteRegistry registry;

  private TrustedProxies proxies = TrustedProxies.NONE;

  public SiteResolver() {}

  /** A resolver outside CDI (unit tests). */
  SiteResolver(SiteRegistry registry, TrustedProxies proxies) {
    this.registry = registry;
    this.proxies = proxies;
  }

  @PostConstruct
  void init() {
    // The same list ClientAddresses reads (and refuses at start when it cannot be read).
    String list =
        ConfigProvider.getConfig()
            .getOptionalValue(ClientAddresses.TRUSTED_PROXIES, String.class)
            .orElse("");
    try {
      proxies = TrustedProxies.parse(list);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(ClientAddresses.TRUSTED_PROXIES + ": " + e.getMessage(), e);
    }
  }

  /**
   * The request's site.
   *
   * @param peer the direct peer's address ({@code getRemoteAddr()}), null when unknown (trusted for
   *     nothing)
   * @param siteHeader {@code X-Site}, or null
   * @param forwardedHost {@code X-Forwarded-Host} (its first value is taken), or null
   * @param host {@code Host}, or null
   * @throws SiteRefused as the class comment says
   */
  public Site resolve(String peer, String siteHeader, String forwardedHost, String host) {
    if (siteHeader != null && !CODE.matcher(siteHeader).matches()) {
      throw SiteRefused.invalid();
    }
    if (!registry.isLoaded()) {
      throw SiteRefused.unavailable();
    }
    boolean trusted = trusts(peer);
    if (siteHeader != null && trusted) {
      return active(registry.byCode(siteHeader), "Site " + siteHeader);
    }
    String name = hostName(trusted && forwardedHost != null ? firstValue(forwardedHost) : host);
    if (name != null) {
      Optional<Site> site = registry.byDomain(name);
      if (site.isPresent()) {
        return active(site, "Host " + name);
      }
    }
    return active(registry.byCode(registry.defaultCode()), "The default site");
  }

  private static Site active(Optional<Site> site, String what) {
    return site.filter(Site::active).orElseThrow(() -> SiteRefused.unknown(what));
  }

  private boolean trusts(String peer) {
    if (peer == null || proxies.isEmpty()) {
      return false;
    }
    InetAddress address = IpAddresses.parse(peer);
    return address != null && proxies.trusts(address);
  }

  private static String firstValue(String header) {
    int comma = header.indexOf(',');
    return comma < 0 ? header : header.substring(0, comma);
  }

  /**
   * A host as the registry keys domains: trimmed, lower case, without its port and a final dot;
   * null for nothing, an IP literal's brackets kept (no site answers on one).
   */
  static String hostName(String value) {
    if (value == null) {
      return null;
    }
    String host = value.strip();
    if (host.isEmpty() || host.length() > MAX_HOST + 7) {
      return null;
    }
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? null : host.substring(0, end + 1).toLowerCase(Locale.ROOT);
    }
    int colon = host.lastIndexOf(':');
    if (colon >= 0) {
      host = host.substring(0, colon);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host.isEmpty() || host.length() > MAX_HOST ? null : host.toLowerCase(Locale.ROOT);
  }
}
