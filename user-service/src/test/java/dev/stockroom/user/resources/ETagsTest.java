package dev.stockroom.user.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.platform.errors.PreconditionFailedException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ETagsTest {
  @Test
  void noIfMatchOrAStarMeansUnconditional() {
    assertThat(ETags.expectedVersion(null)).isEqualTo(OptionalLong.empty());
    assertThat(ETags.expectedVersion("  ")).isEqualTo(OptionalLong.empty());
    assertThat(ETags.expectedVersion("*")).isEqualTo(OptionalLong.empty());
  }

  @Test
  void aStrongTagNamesTheVersion() {
    assertThat(ETags.expectedVersion("\"7\"")).isEqualTo(OptionalLong.of(7));
    assertThat(ETags.expectedVersion(" \"12\" ")).isEqualTo(OptionalLong.of(12));
  }

  @Test
  void weakUnquotedOrForeignTagsNeverMatch() {
    for (String tag :
        new String[] {
          "W/\"7\"", "7", "\"\"", "\"abc\"", "\"7\", \"8\"", "'; DROP TABLE users; --"
        }) {
      assertThatThrownBy(() -> ETags.expectedVersion(tag))
          .as(tag)
          .isInstanceOf(PreconditionFailedException.class);
    }
  }
}
