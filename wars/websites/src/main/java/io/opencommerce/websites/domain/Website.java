package io.opencommerce.websites.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A site (store) of the platform: its code, which never changes, its {@link SiteSettings} and
 * whether it is active. Each domain belongs to one site only (the primary key of {@code
 * site_domains}). {@code version} starts at 1 and grows by one with every change (optimistic
 * locking: of two concurrent changes the second fails); a change that changes nothing leaves it,
 * and {@code changedAt}, as they were. Times are kept to the second, as every database the platform
 * runs on stores them.
 */
@Entity
// Never in EclipseLink's shared cache: a site changed through another replica is read as it is.
@Table(name = "sites")
public class Website {
  @Id
  @Column(length = 40)
  private String code;

  @Column(nullable = false, length = 100)
  private String name;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "site_domains", joinColumns = @JoinColumn(name = "site_code"))
  @Column(name = "host_name", nullable = false, length = 253)
  private Set<String> domains = new HashSet<>();

  @Column(name = "default_language", nullable = false, length = 2)
  private String defaultLanguage;

  @Convert(converter = CodeListConverter.class)
  @Column(nullable = false, length = 40)
  private List<String> languages = List.of();

  @Column(nullable = false, length = 3)
  private String currency;

  @Convert(converter = CodeListConverter.class)
  @Column(nullable = false, length = 1000)
  private List<String> countries = List.of();

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Convert(converter = ColoursConverter.class)
  @Column(name = "theme_colours", length = 1000)
  private Map<String, String> colours = new TreeMap<>();

  @Column(name = "theme_logo_key", length = 200)
  private String logoKey;

  @Column(name = "theme_support_email", length = 254)
  private String supportEmail;

  @Column(nullable = false)
  private boolean active;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected Website() {}

  /** A new site; {@code settings} must have no {@linkplain SiteSettings#violations violation}. */
  public Website(String code, SiteSettings settings, boolean active, Instant now) {
    this.code = Objects.requireNonNull(code, "code is required");
    Instant at = now.truncatedTo(ChronoUnit.SECONDS);
    this.createdAt = at;
    this.changedAt = at;
    this.active = active;
    describe(settings.sorted());
  }

  /**
   * Makes the site what {@code settings} and {@code active} say; returns false, changing nothing,
   * when it is that already.
   */
  public boolean change(SiteSettings settings, boolean active, Instant now) {
    SiteSettings wanted = settings.sorted();
    if (wanted.equals(settings()) && active == this.active) {
      return false;
    }
    describe(wanted);
    this.active = active;
    this.changedAt = now.truncatedTo(ChronoUnit.SECONDS);
    return true;
  }

  private void describe(SiteSettings s) {
    this.name = s.name();
    // The managed collection is changed in place: only the domains added or removed are written.
    this.domains.retainAll(s.domains());
    this.domains.addAll(s.domains());
    this.defaultLanguage = s.defaultLanguage();
    this.languages = List.copyOf(s.languages());
    this.currency = s.currency();
    this.countries = List.copyOf(s.countries());
    this.timeZone = s.timeZone();
    this.colours = new TreeMap<>(s.colours());
    this.logoKey = s.logoKey();
    this.supportEmail = s.supportEmail();
  }

  /** What the site is set to, its domains sorted. */
  public SiteSettings settings() {
    return new SiteSettings(
        name,
        domains(),
        defaultLanguage,
        languages,
        currency,
        countries,
        timeZone,
        colours,
        logoKey,
        supportEmail);
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  /** The host names the site answers on, sorted. */
  public List<String> domains() {
    List<String> sorted = new ArrayList<>(domains);
    Collections.sort(sorted);
    return List.copyOf(sorted);
  }

  public String defaultLanguage() {
    return defaultLanguage;
  }

  public List<String> languages() {
    return List.copyOf(languages);
  }

  public String currency() {
    return currency;
  }

  public List<String> countries() {
    return List.copyOf(countries);
  }

  public String timeZone() {
    return timeZone;
  }

  public Map<String, String> colours() {
    return colours == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(colours));
  }

  public String logoKey() {
    return logoKey;
  }

  public String supportEmail() {
    return supportEmail;
  }

  public boolean active() {
    return active;
  }

  public long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant changedAt() {
    return changedAt;
  }
}
