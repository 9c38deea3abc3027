package io.opencommerce.newsletters.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.newsletters.infrastructure.LinkSignatures.Purpose;
import io.opencommerce.newsletters.infrastructure.LinkSignatures.Signed;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkSignaturesTest {
  private static final LinkSignatures SIGNATURES =
      new LinkSignatures("a-test-secret-of-enough-bytes");
  private static final UUID SUBSCRIBER = UUID.fromString("3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b");

  @Test
  void aTokenVerifiesForItsPurposeAndNamesItsSubscriberAndRound() {
    String token = SIGNATURES.token(Purpose.CONFIRM, SUBSCRIBER, 3);
    assertThat(token).matches(LinkSignatures.TOKEN).startsWith(SUBSCRIBER + ".3.");
    assertThat(SIGNATURES.verify(Purpose.CONFIRM, token)).contains(new Signed(SUBSCRIBER, 3));
    assertThat(SIGNATURES.token(Purpose.CONFIRM, SUBSCRIBER, 3)).as("stable").isEqualTo(token);
  }

  @Test
  void aLinkOfOnePurposeIsWorthNothingAsTheOther() {
    String confirm = SIGNATURES.token(Purpose.CONFIRM, SUBSCRIBER, 0);
    String unsubscribe = SIGNATURES.token(Purpose.UNSUBSCRIBE, SUBSCRIBER, 0);
    assertThat(confirm).isNotEqualTo(unsubscribe);
    assertThat(SIGNATURES.verify(Purpose.UNSUBSCRIBE, confirm)).isEmpty();
    assertThat(SIGNATURES.verify(Purpose.CONFIRM, unsubscribe)).isEmpty();
    assertThat(SIGNATURES.verify(Purpose.UNSUBSCRIBE, unsubscribe)).isPresent();
  }

  @Test
  void anyChangeToATokenIsRefused() {
    String token = SIGNATURES.token(Purpose.UNSUBSCRIBE, SUBSCRIBER, 1);
    String other = UUID.randomUUID().toString();
    // Another subscriber's id with this signature.
    assertThat(SIGNATURES.verify(Purpose.UNSUBSCRIBE, other + token.substring(36))).isEmpty();
    // Another round.
    assertThat(SIGNATURES.verify(Purpose.UNSUBSCRIBE, token.replace(".1.", ".2."))).isEmpty();
    // Every single character of the signature changed, one at a time.
    int signature = token.lastIndexOf('.') + 1;
    for (int i = signature; i < token.length(); i++) {
      char changed = token.charAt(i) == 'A' ? 'B' : 'A';
      String tampered = token.substring(0, i) + changed + token.substring(i + 1);
      assertThat(SIGNATURES.verify(Purpose.UNSUBSCRIBE, tampered)).as("position %d", i).isEmpty();
    }
    // Cut, padded, another spelling of the same round or id.
    assertThat(SIGNATURES.verify(Purpose.UNSUBSCRIBE, token.substring(0, token.length() - 1)))
        .isEmpty();
    assertThat(SIGNATURES.verify(Purpose.UNSUBSCRIBE, token + "=")).isEmpty();
    assertThat(SIGNATURES.verify(Purpose.UNSUBSCRIBE, token.replace(".1.", ".01."))).isEmpty();
    assertThat(SIGNATURES.verify(Purpose.UNSUBSCRIBE, token.toUpperCase())).isEmpty();
  }

  @Test
  void anotherSecretsTokensAreRefused() {
    String foreign =
        new LinkSignatures("another-secret-of-enough-bytes").token(Purpose.CONFIRM, SUBSCRIBER, 1);
    assertThat(SIGNATURES.verify(Purpose.CONFIRM, foreign)).isEmpty();
  }

  @Test
  void garbageIsRefusedWithoutFailing() {
    for (String garbage :
        new String[] {
          null,
          "",
          ".",
          "..",
          "not-a-token",
          SUBSCRIBER + "..",
          SUBSCRIBER + ".1.",
          "x.1.y",
          SUBSCRIBER + ".99999999999." + "A".repeat(43),
          SUBSCRIBER + ".-1." + "A".repeat(43)
        }) {
      assertThat(SIGNATURES.verify(Purpose.CONFIRM, garbage)).as("%s", garbage).isEmpty();
    }
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> new LinkSignatures("too-short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 bytes");
    assertThatThrownBy(() -> SIGNATURES.token(Purpose.CONFIRM, SUBSCRIBER, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
