package dev.stockroom.user.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayNameTest {
  @Test
  void trimsTheName() {
    assertThat(DisplayName.parse("  Ada Lovelace  ")).isEqualTo("Ada Lovelace");
  }

  @Test
  void acceptsOneHundredCharactersIncludingNonLatinScripts() {
    assertThat(DisplayName.parse("é".repeat(100))).hasSize(100);
    assertThat(DisplayName.parse("山田太郎")).isEqualTo("山田太郎");
  }

  @Test
  void rejectsMoreThanOneHundredCharacters() {
    assertThatThrownBy(() -> DisplayName.parse("x".repeat(101)))
        .hasMessage("must be at most 100 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t\n"})
  void rejectsBlankNames(String raw) {
    assertThatThrownBy(() -> DisplayName.parse(raw)).hasMessage("is required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "Bob\nSubject: spam",
        "Nul\u0000byte",
        "Bell\u0007",
        "Line\u2028break"
      })
  void rejectsMarkupAndControlCharacters(String raw) {
    assertThatThrownBy(() -> DisplayName.parse(raw))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("must not contain control characters, '<' or '>'");
  }
}
