package io.opencommerce.questions.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An FAQ entry: the question, the answer as written ({@code answerMarkdown}) and as safe HTML to
 * show ({@code answerHtml}), where it stands in its category, and what visitors made of it: votes
 * ({@code helpful}, {@code notHelpful}) and reads ({@code views}, counted within seconds).
 */
public record EntryView(
    UUID id,
    String language,
    String category,
    String question,
    String answerMarkdown,
    String answerHtml,
    List<String> tags,
    UUID productId,
    boolean published,
    int position,
    long helpful,
    long notHelpful,
    long views,
    Instant createdAt,
    Instant updatedAt,
    Instant publishedAt,
    long version) {}
