package io.opencommerce.questions.client;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * An FAQ entry as an administrator writes it, for the request's site. {@code answer} is Markdown
 * (CommonMark): the service keeps it and the HTML it renders to, with raw HTML escaped, unsafe
 * links removed and every link marked {@code rel="nofollow noopener"}. {@code category} and each of
 * the {@code tags} (at most {@value #MAX_TAGS}) are slugs; {@code productId} links the entry to a
 * product, whose page then shows it ({@code GET /entries?product=}). {@code published} (false by
 * default) makes it public; a draft is for administrators only. {@code position} places it in its
 * category (0-10000); without one a new entry, or one moved to another category, comes last.
 */
public record EntryRequest(
    @NotBlank(message = "Language is required.")
        @Pattern(regexp = EntryRequest.LANGUAGE, message = EntryRequest.LANGUAGE_MESSAGE)
        String language,
    @NotBlank(message = "Category is required.")
        @Pattern(regexp = EntryRequest.SLUG, message = "Category " + EntryRequest.SLUG_MESSAGE)
        String category,
    @NotBlank(message = "Question is required.")
        @Size(
            max = EntryRequest.MAX_QUESTION,
            message = "Question must be at most " + EntryRequest.MAX_QUESTION + " characters.")
        String question,
    @NotBlank(message = "Answer is required.")
        @Size(
            max = EntryRequest.MAX_ANSWER,
            message = "Answer must be at most " + EntryRequest.MAX_ANSWER + " characters.")
        String answer,
    @Size(
            max = EntryRequest.MAX_TAGS,
            message = "At most " + EntryRequest.MAX_TAGS + " tags are allowed.")
        List<
                @NotNull(message = "A tag must not be null.")
                @Pattern(regexp = EntryRequest.SLUG, message = "A tag " + EntryRequest.SLUG_MESSAGE)
                String>
            tags,
    UUID productId,
    Boolean published,
    @Min(value = 0, message = "Position must not be negative.")
        @Max(
            value = EntryRequest.MAX_POSITION,
            message = "Position must be at most " + EntryRequest.MAX_POSITION + ".")
        Integer position) {

  /** A language tag: a language, optionally a region or script (en, fr, fr-CA, zh-Hant). */
  public static final String LANGUAGE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}";

  public static final String LANGUAGE_MESSAGE =
      "Language must be a language tag such as en, fr or fr-CA.";

  /** A category or a tag: lower-case letters, digits and dashes, at most 40 characters. */
  public static final String SLUG = "[a-z0-9][a-z0-9-]{0,39}";

  public static final String SLUG_MESSAGE =
      "must be 1-40 lower-case letters, digits or dashes, such as shipping.";

  public static final int MAX_QUESTION = 300;
  public static final int MAX_ANSWER = 20_000;
  public static final int MAX_TAGS = 10;
  public static final int MAX_POSITION = 10_000;
}
