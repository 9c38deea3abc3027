package io.opencommerce.questions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTermsTest {

  @Test
  void wordsTheIndexKeepsAreSearchedInFullText() {
    SearchTerms terms = SearchTerms.of("  How do I return a Parcel?  ");

    assertThat(terms.fullText()).isTrue();
    assertThat(terms.query()).isEqualTo("How do I return a Parcel?");
    assertThat(terms.words()).containsExactly("return", "parcel");
  }

  @Test
  void aQueryOfShortAndStopWordsOnlyFallsBackToASubstringMatch() {
    SearchTerms terms = SearchTerms.of("EU to");

    assertThat(terms.fullText()).isFalse();
    assertThat(terms.words()).containsExactly("eu", "to");
    assertThat(SearchTerms.of("what is the").fullText()).isFalse();
  }

  @Test
  void punctuationAloneHasNoWords() {
    assertThat(SearchTerms.of("?!* -").words()).isEmpty();
  }

  @Test
  void lettersOfAnyScriptAreWords() {
    assertThat(SearchTerms.of("Lieferzeit für Österreich").words())
        .containsExactly("lieferzeit", "für", "österreich");
  }
}
