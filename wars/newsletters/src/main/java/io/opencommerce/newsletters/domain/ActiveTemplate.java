package io.opencommerce.newsletters.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Which version of a site's template, in one language, of one kind, renders new mails. */
@Entity
@Table(name = "active_templates")
@IdClass(ActiveTemplate.Key.class)
public class ActiveTemplate {
  @Id private String site;
  @Id private String language;

  @Id
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private MailKind kind;

  @Column(name = "version_id", nullable = false, length = 36)
  private String versionId;

  @Column(name = "activated_by", length = 36)
  private String activatedBy;

  @Column(name = "activated_at", nullable = false)
  private Instant activatedAt;

  protected ActiveTemplate() {}

  public ActiveTemplate(TemplateVersion version, UUID by, Instant now) {
    this.site = version.site();
    this.language = version.language();
    this.kind = version.kind();
    activate(version, by, now);
  }

  public void activate(TemplateVersion version, UUID by, Instant now) {
    this.versionId = version.id().toString();
    this.activatedBy = by == null ? null : by.toString();
    this.activatedAt = now;
  }

  public UUID versionId() {
    return UUID.fromString(versionId);
  }

  public Instant activatedAt() {
    return activatedAt;
  }

  /** The composite key: site, language, kind. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String site;
    private String language;
    private MailKind kind;

    public Key() {}

    public Key(String site, String language, MailKind kind) {
      this.site = site;
      this.language = language;
      this.kind = kind;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k
          && Objects.equals(site, k.site)
          && Objects.equals(language, k.language)
          && kind == k.kind;
    }

    @Override
    public int hashCode() {
      return Objects.hash(site, language, kind);
    }
  }
}
