package io.opencommerce.questions.client;

import java.util.List;
import java.util.UUID;

/**
 * One entry a search found, best first: its {@code question}, and a {@code snippet} of the answer
 * (or of the question) around the words searched for, as HTML: the text escaped, the words wrapped
 * in {@code <mark>}. {@code score} is the relevance the ranking used (higher is better).
 */
public record SearchHit(
    UUID id,
    String language,
    String category,
    String question,
    String snippet,
    List<String> tags,
    UUID productId,
    double score) {}
