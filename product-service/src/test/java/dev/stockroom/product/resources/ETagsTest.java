package dev.stockroom.product.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.platform.errors.PreconditionFailedException;
import dev.stockroom.platform.errors.PreconditionRequiredException;
import dev.stockroom.product.core.Availability;
import dev.stockroom.product.core.Product;
import dev.stockroom.product.core.ProductDraft;
import dev.stockroom.product.core.ProductView;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ETagsTest {
  private static final Product PRODUCT =
      Product.create(
          UUID.randomUUID(),
          new ProductDraft("KB", "Keyboard", null, 1299, "EUR", true),
          Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void aProductWithAvailabilityHasItInItsTag() {
    assertThat(ETags.of(new ProductView(PRODUCT, Optional.empty())).getValue()).isEqualTo("1");
    assertThat(
            ETags.of(new ProductView(PRODUCT, Optional.of(new Availability(10, 2, 8, 3))))
                .getValue())
        .isEqualTo("1-8");
  }

  @Test
  void ifMatchComparesOnlyTheVersion() {
    assertThat(ETags.expectedVersion("\"4\"")).isEqualTo(OptionalLong.of(4));
    assertThat(ETags.expectedVersion(" \"4-38\" ")).isEqualTo(OptionalLong.of(4));
    assertThat(ETags.expectedVersion(null)).isEmpty();
  }

  @Test
  void wildcardsWeakTagsAndGarbageAreRefused() {
    assertThatThrownBy(() -> ETags.expectedVersion("*"))
        .isInstanceOf(PreconditionRequiredException.class);
    for (String bad :
        new String[] {"W/\"4\"", "4", "\"\"", "\"-1\"", "\"+4\"", "\"a\"", "\"1\", \"2\""}) {
      assertThatThrownBy(() -> ETags.expectedVersion(bad))
          .as(bad)
          .isInstanceOf(PreconditionFailedException.class);
    }
  }
}
