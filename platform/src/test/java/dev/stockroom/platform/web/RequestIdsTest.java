package dev.stockroom.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
  @Test
  void keepsWellFormedIds() {
    assertThat(RequestIds.acceptOrGenerate("abc-123_X.y:z")).isEqualTo("abc-123_X.y:z");
    assertThat(RequestIds.acceptOrGenerate("a".repeat(128))).hasSize(128);
  }

  @Test
  void replacesMissingLongOrUnsafeIds() {
    for (String bad :
        new String[] {null, "", "a".repeat(129), "two words", "line\nbreak", "<x>", "ü", "a\"b"}) {
      String id = RequestIds.acceptOrGenerate(bad);
      assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }
  }
}
