package dev.stockroom.user.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {
  @Test
  void trimsAndLowerCasesForComparisonButKeepsTheTypedForm() {
    EmailAddress address = EmailAddress.parse("  Alice.Smith+shop@Example.COM \t");

    assertThat(address.value()).isEqualTo("Alice.Smith+shop@Example.COM");
    assertThat(address.normalized()).isEqualTo("alice.smith+shop@example.com");
  }

  @Test
  void normalizesWithoutLocaleSurprises() {
    // In a Turkish locale "I".toLowerCase() is a dotless i; normalization must not depend on it.
    assertThat(EmailAddress.normalize("INFO@EXAMPLE.COM")).isEqualTo("info@example.com");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void requiresAnAddress(String raw) {
    assertThatThrownBy(() -> EmailAddress.parse(raw))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("is required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plainaddress",
        "@example.com",
        "alice@",
        "alice@localhost",
        "alice@@example.com",
        "alice smith@example.com",
        "alice@exa mple.com",
        ".alice@example.com",
        "alice.@example.com",
        "alice..smith@example.com",
        "alice@-example.com",
        "alice@example.com.",
        "alice@example.c0m1-",
        "\"alice\"@example.com",
        "alice@[127.0.0.1]",
        "x'; DROP TABLE users; --@example.com",
        "<script>alert(1)</script>@example.com",
        "alice@example.com\nBcc: victim@example.com",
        "alïce@example.com"
      })
  void rejectsWhatIsNotAPlainAddress(String raw) {
    assertThatThrownBy(() -> EmailAddress.parse(raw))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("must be a valid e-mail address");
  }

  @Test
  void rejectsAddressesLongerThanSmtpAllows() {
    String longDomain = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + ".com";
    String tooLong = "x".repeat(64) + "@" + longDomain + "." + "d".repeat(10);
    assertThat(tooLong).hasSizeGreaterThan(EmailAddress.MAX_LENGTH);

    assertThatThrownBy(() -> EmailAddress.parse(tooLong))
        .hasMessage("must be at most 254 characters");
  }

  @Test
  void rejectsALocalPartLongerThan64Characters() {
    assertThatThrownBy(() -> EmailAddress.parse("a".repeat(65) + "@example.com"))
        .hasMessage("must be a valid e-mail address");
    assertThat(EmailAddress.parse("a".repeat(64) + "@example.com").normalized()).startsWith("aaaa");
  }
}
