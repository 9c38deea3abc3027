package io.opencommerce.questions.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a search query asks for, as the database's full-text index sees it. InnoDB indexes words of
 * at least {@value #MIN_TOKEN} characters ({@code innodb_ft_min_token_size}, the default of MySQL
 * and MariaDB alike) and leaves out its default stop words, so a query made only of short words and
 * stop words ("how is it", "EU") matches nothing through the index: such a query is searched with a
 * plain substring match instead ({@link #fullText} false). {@link #words} are the words to
 * highlight in the snippets.
 */
public record SearchTerms(String query, List<String> words, boolean fullText) {

  /** The shortest word InnoDB's full-text index keeps. */
  public static final int MIN_TOKEN = 3;

  /** InnoDB's default stop words ({@code INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD}). */
  static final Set<String> STOP_WORDS =
      Set.of(
          "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from",
          "how", "i", "in", "is", "it", "la", "of", "on", "or", "that", "the", "this", "to", "was",
          "what", "when", "where", "who", "will", "with", "und", "www");

  /** The terms of {@code query} (stripped; not blank). */
  public static SearchTerms of(String query) {
    String stripped = query.strip();
    Set<String> all = new LinkedHashSet<>();
    Set<String> indexed = new LinkedHashSet<>();
    for (String word : words(stripped)) {
      all.add(word);
      if (word.codePointCount(0, word.length()) >= MIN_TOKEN && !STOP_WORDS.contains(word)) {
        indexed.add(word);
      }
    }
    boolean fullText = !indexed.isEmpty();
    return new SearchTerms(stripped, List.copyOf(fullText ? indexed : all), fullText);
  }

  /** The words of {@code text}, lower case: runs of letters and digits, as InnoDB splits them. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
              } else if (!word.isEmpty()) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
              }
            });
    if (!word.isEmpty()) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }
}
