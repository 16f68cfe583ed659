package dev.stockroom.product.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.platform.errors.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogRulesTest {
  @Test
  void skusAreTrimmedAndUpperCased() {
    assertThat(CatalogRules.sku(" kb-87.blk_2 ")).isEqualTo("KB-87.BLK_2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "-kb", "kb 87", "kb'87", "ü", "kb;drop"})
  void malformedSkusAreRejected(String sku) {
    assertThatThrownBy(() -> CatalogRules.sku(sku)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void currenciesMustBeIso4217() {
    assertThat(CatalogRules.currency("eur")).isEqualTo("EUR");
    assertThat(CatalogRules.currency("JPY")).isEqualTo("JPY");
    for (String bad : new String[] {"XYZ", "EURO", "", "€", "US"}) {
      assertThatThrownBy(() -> CatalogRules.currency(bad))
          .as(bad)
          .isInstanceOf(InvalidValueException.class);
    }
  }

  @Test
  void pricesAreWholeMinorUnitsFromZeroToTheCap() {
    assertThat(CatalogRules.priceMinor(0L)).isZero();
    assertThat(CatalogRules.priceMinor(CatalogRules.MAX_PRICE_MINOR))
        .isEqualTo(CatalogRules.MAX_PRICE_MINOR);
    assertThatThrownBy(() -> CatalogRules.priceMinor(-1L))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> CatalogRules.priceMinor(CatalogRules.MAX_PRICE_MINOR + 1))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> CatalogRules.priceMinor(null))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void namesAreBoundedInCodePoints() {
    String emoji = "\uD83D\uDCE6";
    assertThat(CatalogRules.name(emoji.repeat(200))).hasSize(400);
    assertThatThrownBy(() -> CatalogRules.name("n".repeat(201)))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> CatalogRules.name("a\u0000b"))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void descriptionsKeepLineBreaksAndBlankMeansNone() {
    assertThat(CatalogRules.description(" line one\nline two ")).isEqualTo("line one\nline two");
    assertThat(CatalogRules.description("   ")).isNull();
    assertThatThrownBy(() -> CatalogRules.description("d".repeat(2001)))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void stockQuantitiesAndDeltasAreBounded() {
    assertThat(CatalogRules.onHand(0L)).isZero();
    assertThatThrownBy(() -> CatalogRules.onHand(-1L)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> CatalogRules.delta(0L)).isInstanceOf(InvalidValueException.class);
    assertThat(CatalogRules.delta(-CatalogRules.MAX_QUANTITY))
        .isEqualTo(-CatalogRules.MAX_QUANTITY);
    assertThatThrownBy(() -> CatalogRules.reason(" ")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void aDraftReportsEveryInvalidFieldAtOnce() {
    assertThatThrownBy(() -> ProductDraft.parse("bad sku", "", null, -5L, "ZZZ", null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(f -> f.field())
                    .containsExactly("sku", "name", "priceMinor", "currency"));
  }
}
