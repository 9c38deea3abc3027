package io.opencommerce.questions.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The order of one category's entries in one language: {@code ids} first to last (each an entry of
 * that category, once). Entries of the category left out keep their order after those named.
 */
public record ReorderRequest(
    @NotBlank(message = "Language is required.")
        @Pattern(regexp = EntryRequest.LANGUAGE, message = EntryRequest.LANGUAGE_MESSAGE)
        String language,
    @NotBlank(message = "Category is required.")
        @Pattern(regexp = EntryRequest.SLUG, message = "Category " + EntryRequest.SLUG_MESSAGE)
        String category,
    @NotNull(message = "Ids are required.")
        @Size(
            min = 1,
            max = ReorderRequest.MAX_IDS,
            message = "Ids must name 1 to " + ReorderRequest.MAX_IDS + " entries.")
        List<@NotNull(message = "An id must not be null.") UUID> ids) {

  public static final int MAX_IDS = 500;
}
