package io.opencommerce.questions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VisitorTokensTest {
  private final VisitorTokens tokens = new VisitorTokens("a-test-secret-of-enough-bytes");

  @Test
  void aTokenItIssuedNamesItsVisitor() {
    String token = tokens.issue();

    assertThat(token)
        .hasSize(VisitorTokens.LENGTH)
        .matches("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
    assertThat(tokens.verify(token)).contains(token.substring(0, 22));
  }

  @Test
  void everyTokenIsANewVisitor() {
    assertThat(tokens.issue()).isNotEqualTo(tokens.issue());
  }

  @Test
  void aChangedIdOrSignatureIsRefused() {
    String token = tokens.issue();
    char first = token.charAt(0);
    String otherId = (first == 'A' ? 'B' : 'A') + token.substring(1);
    char last = token.charAt(token.length() - 1);
    String otherSignature = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThat(tokens.verify(otherId)).isEmpty();
    assertThat(tokens.verify(otherSignature)).isEmpty();
  }

  @Test
  void aTokenMadeForAnIdOfOnesChoiceWithoutTheSecretIsRefused() {
    String forged =
        new VisitorTokens("another-secret-of-enough-bytes").sign("AAAAAAAAAAAAAAAAAAAAAA");

    assertThat(tokens.verify(forged)).isEmpty();
    assertThat(tokens.verify(tokens.sign("AAAAAAAAAAAAAAAAAAAAAA")))
        .contains("AAAAAAAAAAAAAAAAAAAAAA");
  }

  @Test
  void anythingElseIsRefused() {
    assertThat(tokens.verify(null)).isEmpty();
    assertThat(tokens.verify("")).isEmpty();
    assertThat(tokens.verify("not-a-token")).isEmpty();
    assertThat(tokens.verify(tokens.issue() + "x")).isEmpty();
    assertThat(tokens.verify("A".repeat(22) + "!" + "B".repeat(43))).isEmpty();
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> new VisitorTokens("short"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
