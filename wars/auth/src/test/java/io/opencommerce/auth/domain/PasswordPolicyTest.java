package io.opencommerce.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
  private final PasswordPolicy policy = new PasswordPolicy(10);

  @Test
  void acceptsALongMixedPassword() {
    assertThat(policy.violation("Correct-Horse-42", "jane@example.com")).isEmpty();
  }

  @Test
  void refusesShortPasswords() {
    assertThat(policy.violation("Ab1-short", "jane@example.com"))
        .contains("Password must be at least 10 characters.");
  }

  @Test
  void refusesPasswordsOverTheHashingLimit() {
    assertThat(policy.violation("a1".repeat(65), "jane@example.com"))
        .contains("Password must be at most 128 characters.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"onlyletterslong", "1234567890123"})
  void refusesSingleClassPasswords(String password) {
    assertThat(policy.violation(password, "jane@example.com"))
        .contains("Password must mix letters with digits or symbols.");
  }

  @Test
  void refusesCommonPasswordsWhateverTheirCase() {
    assertThat(policy.violation("Password123", "jane@example.com"))
        .contains("Password is too common.");
  }

  @Test
  void refusesPasswordsHoldingTheEmailName() {
    assertThat(policy.violation("xx-JaneDoe-2026", "janedoe@example.com"))
        .contains("Password must not contain the e-mail name.");
  }

  @Test
  void shortEmailNamesAreNotChecked() {
    assertThat(policy.violation("Correct-Jo-Horse-42", "jo@example.com")).isEmpty();
  }

  @Test
  void refusesAnUnreasonableMinimum() {
    assertThatThrownBy(() -> new PasswordPolicy(4)).isInstanceOf(IllegalArgumentException.class);
  }
}
