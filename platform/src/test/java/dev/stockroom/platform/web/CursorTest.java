package dev.stockroom.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.platform.errors.BadRequestException;
import dev.stockroom.platform.errors.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {
  @Test
  void roundTripsAnInstantAndAUuid() {
    Instant at = Instant.parse("2030-05-06T07:08:09.123456Z");
    UUID id = UUID.randomUUID();

    Cursor decoded = Cursor.decode(Cursor.of(at, id).encode());

    assertThat(decoded.instant(0)).isEqualTo(at);
    assertThat(decoded.uuid(1)).isEqualTo(id);
  }

  @Test
  void roundTripsAnyTextIncludingSeparatorsAndUnicode() {
    UUID id = UUID.randomUUID();
    String key = "a,b|c\"d\\é 🙂";

    Cursor decoded = Cursor.decode(Cursor.of(key, id).encode());

    assertThat(decoded.string(0)).isEqualTo(key);
    assertThat(decoded).isEqualTo(Cursor.of(key, id));
  }

  @Test
  void encodingIsUrlSafe() {
    String encoded = Cursor.of("???>>>~~~", UUID.randomUUID()).encode();

    assertThat(encoded).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void garbageIsABadRequestForTheCursorField() {
    for (String garbage : List.of("", "%%%", "bm90IGpzb24", "e30", "WzFd", "W10")) {
      assertThatThrownBy(() -> Cursor.decode(garbage))
          .isInstanceOfSatisfying(
              BadRequestException.class,
              e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor");
              });
    }
  }

  @Test
  void typedAccessorsRejectValuesOfTheWrongKind() {
    Cursor cursor = Cursor.decode(Cursor.of("not-a-time", "not-a-uuid").encode());

    assertThatThrownBy(() -> cursor.instant(0)).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> cursor.uuid(1)).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> cursor.longValue(0)).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> cursor.string(2)).isInstanceOf(BadRequestException.class);
  }
}
