package dev.stockroom.order.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.platform.errors.BadRequestException;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {
  @Test
  void noHeaderMeansNoKey() {
    assertThat(IdempotencyKey.from(null, "s", "body")).isEmpty();
  }

  @Test
  void fingerprintsTheRequest() {
    IdempotencyKey key = IdempotencyKey.from("abc-123", "s", "body").orElseThrow();
    assertThat(key.requestHash()).hasSize(64);
    assertThat(IdempotencyKey.from("abc-123", "s", "body").orElseThrow()).isEqualTo(key);
    assertThat(IdempotencyKey.from("abc-123", "s", "other").orElseThrow().requestHash())
        .isNotEqualTo(key.requestHash());
  }

  @Test
  void refusesBlankLongOrNonAsciiKeys() {
    for (String bad : new String[] {"", " ", "a b", "x".repeat(256), "ключ", "a\nb"}) {
      assertThatThrownBy(() -> IdempotencyKey.from(bad, "s", "body"))
          .as(bad)
          .isInstanceOf(BadRequestException.class);
    }
  }
}
