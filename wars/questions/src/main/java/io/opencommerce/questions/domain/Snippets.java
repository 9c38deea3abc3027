package io.opencommerce.questions.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The fragment of a text a search result shows: a window of about {@code width} characters around
 * the first word searched for, cut at word boundaries with an ellipsis where text was left out,
 * HTML-escaped, with every whole-word occurrence of the words wrapped in {@code <mark>}. Words are
 * compared as the database's collation compares them: without case and without accents ("Café"
 * matches "cafe").
 */
public final class Snippets {
  private static final String ELLIPSIS = "…";

  private Snippets() {}

  /** A match of a word in the text: [start, end). */
  record Match(int start, int end) {}

  /**
   * The highlighted fragment of {@code text} around the first of {@code words} it holds, or null
   * when it holds none of them.
   */
  public static String highlight(String text, Collection<String> words, int width) {
    List<Match> matches = matches(text, words);
    if (matches.isEmpty()) {
      return null;
    }
    int first = matches.get(0).start();
    int start = Math.max(0, first - width / 3);
    int end = Math.min(text.length(), start + width);
    start = Math.max(0, Math.min(start, end - width));
    start = wordStart(text, start);
    end = wordEnd(text, end);
    StringBuilder html = new StringBuilder(end - start + 32);
    if (start > 0) {
      html.append(ELLIPSIS);
    }
    int at = start;
    for (Match match : matches) {
      if (match.start() < at || match.end() > end) {
        continue;
      }
      escape(text, at, match.start(), html);
      html.append("<mark>");
      escape(text, match.start(), match.end(), html);
      html.append("</mark>");
      at = match.end();
    }
    escape(text, at, end, html);
    if (end < text.length()) {
      html.append(ELLIPSIS);
    }
    return html.toString().strip();
  }

  /** The first {@code width} characters of {@code text} (cut at a word), escaped, unhighlighted. */
  public static String lead(String text, int width) {
    int end = text.length() <= width ? text.length() : wordEnd(text, width);
    StringBuilder html = new StringBuilder(end + 8);
    escape(text, 0, end, html);
    if (end < text.length()) {
      html.append(ELLIPSIS);
    }
    return html.toString().strip();
  }

  /**
   * Every whole-word occurrence of any of {@code words} in {@code text}, in order, not overlapping.
   */
  static List<Match> matches(String text, Collection<String> words) {
    String folded = fold(text);
    List<Match> found = new ArrayList<>();
    for (String word : words) {
      String needle = fold(word);
      if (needle.isEmpty()) {
        continue;
      }
      int from = 0;
      int at;
      while ((at = folded.indexOf(needle, from)) >= 0) {
        int end = at + needle.length();
        if (boundary(folded, at - 1) && boundary(folded, end)) {
          found.add(new Match(at, end));
        }
        from = at + 1;
      }
    }
    found.sort((a, b) -> a.start() != b.start() ? a.start() - b.start() : b.end() - a.end());
    List<Match> disjoint = new ArrayList<>();
    int until = -1;
    for (Match match : found) {
      if (match.start() >= until) {
        disjoint.add(match);
        until = match.end();
      }
    }
    return disjoint;
  }

  /**
   * {@code text} in lower case without accents, one character for one, so that positions in it are
   * positions in the text.
   */
  static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80 || Character.isSurrogate(c)) {
        folded.append(Character.toLowerCase(c));
        continue;
      }
      String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
      folded.append(Character.toLowerCase(base.charAt(0)));
    }
    return folded.toString();
  }

  private static boolean boundary(String text, int index) {
    return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
  }

  /** {@code index}, moved back to the start of the word it falls in. */
  private static int wordStart(String text, int index) {
    while (index > 0 && !Character.isWhitespace(text.charAt(index - 1))) {
      index--;
    }
    return index;
  }

  /** {@code index}, moved on to the end of the word it falls in. */
  private static int wordEnd(String text, int index) {
    while (index < text.length() && !Character.isWhitespace(text.charAt(index))) {
      index++;
    }
    return index;
  }

  private static void escape(String text, int from, int to, StringBuilder html) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '&' -> html.append("&amp;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        default -> html.append(c);
      }
    }
  }
}
