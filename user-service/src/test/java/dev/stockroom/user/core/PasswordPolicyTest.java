package dev.stockroom.user.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  @Test
  void acceptsTwelveToOneHundredTwentyEightCharacters() {
    assertThat(PasswordPolicy.check("a".repeat(12))).hasSize(12);
    assertThat(PasswordPolicy.check("a".repeat(128))).hasSize(128);
  }

  @Test
  void rejectsElevenAndOneHundredTwentyNineCharacters() {
    assertThatThrownBy(() -> PasswordPolicy.check("a".repeat(11)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("must be between 12 and 128 characters");
    assertThatThrownBy(() -> PasswordPolicy.check("a".repeat(129)))
        .hasMessage("must be between 12 and 128 characters");
  }

  @Test
  void hasNoCompositionRules() {
    assertThat(PasswordPolicy.check("correct horse battery staple")).isNotEmpty();
    assertThat(PasswordPolicy.check("aaaaaaaaaaaa")).isNotEmpty();
  }

  @Test
  void countsCharactersNotUtf16Units() {
    // 12 emoji are 24 UTF-16 units but 12 characters for the user.
    String twelveEmoji = "\uD83D\uDD11".repeat(12);
    assertThat(PasswordPolicy.check(twelveEmoji)).isEqualTo(twelveEmoji);
    assertThatThrownBy(() -> PasswordPolicy.check("\uD83D\uDD11".repeat(11)))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void requiresAPassword() {
    assertThatThrownBy(() -> PasswordPolicy.check(null)).hasMessage("is required");
    assertThatThrownBy(() -> PasswordPolicy.check("")).hasMessage("is required");
  }
}
