package io.opencommerce.questions.api;

import io.opencommerce.questions.application.FaqSearch.Hit;
import io.opencommerce.questions.application.Votes.Tally;
import io.opencommerce.questions.client.EntryView;
import io.opencommerce.questions.client.SearchHit;
import io.opencommerce.questions.client.VoteView;
import io.opencommerce.questions.domain.Entry;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Maps entries, search hits and votes to the records of the public API, and to cached JSON. */
final class Views {
  /** Writes the cached reads: the same JSON-B the runtime answers with. */
  private static final Jsonb JSON = JsonbBuilder.create();

  private Views() {}

  static EntryView entry(Entry e) {
    return new EntryView(
        e.id(),
        e.language(),
        e.category(),
        e.question(),
        e.answerMarkdown(),
        e.answerHtml(),
        e.tags(),
        e.productId(),
        e.isPublished(),
        e.position(),
        e.helpful(),
        e.notHelpful(),
        e.views(),
        e.createdAt(),
        e.updatedAt(),
        e.publishedAt(),
        e.version());
  }

  static SearchHit hit(Hit h) {
    Entry e = h.entry();
    return new SearchHit(
        e.id(),
        e.language(),
        e.category(),
        e.question(),
        h.snippet(),
        e.tags(),
        e.productId(),
        h.score());
  }

  static VoteView vote(Tally t) {
    return new VoteView(t.entryId(), t.helpful(), t.helpfulCount(), t.notHelpfulCount());
  }

  /** {@code value} as the JSON the API answers. */
  static byte[] json(Object value) {
    return JSON.toJson(value).getBytes(StandardCharsets.UTF_8);
  }

  /** An entity tag that changes with the JSON it is for. */
  static String etag(byte[] json) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
