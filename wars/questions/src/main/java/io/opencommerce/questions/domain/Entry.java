package io.opencommerce.questions.domain;

import io.opencommerce.kit.persistence.SiteScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One question and its answer in a site's FAQ, in one language and one category, where it has a
 * position. The answer is kept as written (Markdown), as the safe HTML it rendered to when it was
 * written, and as plain text for the full-text index ({@link RenderedAnswer}). A draft is seen by
 * administrators only; publishing makes it public. The vote and view counts are changed by
 * statements of their own (a vote, the view counter's flush), never through this object.
 */
@Entity
@Table(name = "entries")
public class Entry implements SiteScoped {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 40)
  private String site;

  @Column(nullable = false, length = 35)
  private String language;

  @Column(nullable = false, length = 40)
  private String category;

  @Column(nullable = false, length = 300)
  private String question;

  @Column(name = "answer_markdown", nullable = false)
  private String answerMarkdown;

  @Column(name = "answer_html", nullable = false)
  private String answerHtml;

  @Column(name = "answer_text", nullable = false)
  private String answerText;

  /** The tags, comma-separated (slugs hold no comma). */
  @Column(nullable = false, length = 420)
  private String tags;

  @Column(name = "product_id", length = 36)
  private String productId;

  @Column(nullable = false)
  private boolean published;

  /** Where the entry comes in its category ("position" is a reserved word of JPQL). */
  @Column(name = "position", nullable = false)
  private int categoryPosition;

  @Column(nullable = false, insertable = false, updatable = false)
  private long helpful;

  @Column(name = "not_helpful", nullable = false, insertable = false, updatable = false)
  private long notHelpful;

  @Column(nullable = false, insertable = false, updatable = false)
  private long views;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Version private long version;

  protected Entry() {}

  /** A new draft of {@code site}; {@link #write} gives it its content. */
  public Entry(String site, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.site = Objects.requireNonNull(site, "site is required");
    this.tags = "";
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Sets the entry's content; the answer comes rendered ({@link Markdown#render}). */
  public void write(
      String language,
      String category,
      String question,
      RenderedAnswer answer,
      List<String> tags,
      UUID productId,
      Instant now) {
    this.language = Objects.requireNonNull(language, "language is required");
    this.category = Objects.requireNonNull(category, "category is required");
    this.question = Objects.requireNonNull(question, "question is required").strip();
    this.answerMarkdown = answer.markdown();
    this.answerHtml = answer.html();
    this.answerText = answer.text();
    this.tags = joinTags(tags);
    this.productId = productId == null ? null : productId.toString();
    this.updatedAt = now;
  }

  /** Publishes the entry, or takes it back to a draft; the first publication is remembered. */
  public void publish(boolean published, Instant now) {
    if (published && !this.published) {
      this.publishedAt = now;
    }
    this.published = published;
    this.updatedAt = now;
  }

  /** Places the entry in its category. */
  public void place(int position) {
    this.categoryPosition = position;
  }

  /** Marks a change that {@link #write} or {@link #publish} did not (a new position). */
  public void touch(Instant now) {
    this.updatedAt = now;
  }

  /** The tags as stored: distinct, in the order given, comma-separated. */
  static String joinTags(List<String> tags) {
    if (tags == null || tags.isEmpty()) {
      return "";
    }
    for (String tag : tags) {
      if (tag == null || tag.isEmpty() || tag.contains(",")) {
        throw new IllegalArgumentException("a tag is a slug: " + tag);
      }
    }
    return String.join(",", tags.stream().distinct().toList());
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  @Override
  public String site() {
    return site;
  }

  public String language() {
    return language;
  }

  public String category() {
    return category;
  }

  public String question() {
    return question;
  }

  public String answerMarkdown() {
    return answerMarkdown;
  }

  public String answerHtml() {
    return answerHtml;
  }

  public String answerText() {
    return answerText;
  }

  public List<String> tags() {
    return tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
  }

  public UUID productId() {
    return productId == null ? null : UUID.fromString(productId);
  }

  public boolean isPublished() {
    return published;
  }

  public int position() {
    return categoryPosition;
  }

  public long helpful() {
    return helpful;
  }

  public long notHelpful() {
    return notHelpful;
  }

  public long views() {
    return views;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public long version() {
    return version;
  }
}
