package dev.stockroom.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.platform.errors.PreconditionFailedException;
import dev.stockroom.platform.errors.PreconditionRequiredException;
import dev.stockroom.platform.web.IfMatch.Suffix;
import dev.stockroom.platform.web.IfMatch.Wildcard;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {
  /** As orders and accounts: tags are the version, {@code *} is any version. */
  private static final IfMatch PLAIN = new IfMatch(Wildcard.ANY_VERSION, Suffix.NONE);

  /** As products and stock: tags may carry a suffix, {@code *} is refused. */
  private static final IfMatch SUFFIXED = new IfMatch(Wildcard.REFUSED, Suffix.IGNORED);

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void noHeaderIsAnUnconditionalWrite(String header) {
    assertThat(PLAIN.expectedVersion(header)).isEmpty();
    assertThat(SUFFIXED.expectedVersion(header)).isEmpty();
  }

  @Test
  void theVersionIsTheTag() {
    assertThat(PLAIN.expectedVersion("\"3\"")).isEqualTo(OptionalLong.of(3));
    assertThat(PLAIN.expectedVersion(" \"0\" ")).isEqualTo(OptionalLong.of(0));
    assertThat(SUFFIXED.expectedVersion("\"12\"")).isEqualTo(OptionalLong.of(12));
  }

  @Test
  void aSuffixIsLeftOutOnlyWhereTheResourceIssuesOne() {
    assertThat(SUFFIXED.expectedVersion("\"7-2-38\"")).isEqualTo(OptionalLong.of(7));
    assertThatThrownBy(() -> PLAIN.expectedVersion("\"7-2-38\""))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void aWildcardIsAnyVersionOrRefusedAsTheResourceChooses() {
    assertThat(PLAIN.expectedVersion("*")).isEmpty();
    assertThatThrownBy(() -> SUFFIXED.expectedVersion(" * "))
        .isInstanceOf(PreconditionRequiredException.class)
        .hasMessageContaining("not *");
  }

  @ParameterizedTest
  @ValueSource(strings = {"W/\"3\"", "\"1\", \"2\"", "3", "\"\"", "\"3"})
  void anythingButOneStrongTagFails(String header) {
    for (IfMatch ifMatch : new IfMatch[] {PLAIN, SUFFIXED}) {
      assertThatThrownBy(() -> ifMatch.expectedVersion(header))
          .isInstanceOf(PreconditionFailedException.class)
          .hasMessageContaining("one strong entity tag");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\"-1\"", "\"+3\"", "\"abc\"", "\"3.0\"", "\"99999999999999999999\"", "\"-\""})
  void aTagNoResourceCanHaveIssuedMatchesNothing(String header) {
    for (IfMatch ifMatch : new IfMatch[] {PLAIN, SUFFIXED}) {
      assertThatThrownBy(() -> ifMatch.expectedVersion(header))
          .isInstanceOf(PreconditionFailedException.class)
          .hasMessageContaining("does not match");
    }
  }
}
