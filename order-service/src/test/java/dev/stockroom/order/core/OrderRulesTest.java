package dev.stockroom.order.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.platform.errors.FieldError;
import dev.stockroom.platform.errors.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderRulesTest {
  final UUID a = UUID.randomUUID();
  final UUID b = UUID.randomUUID();

  static List<FieldError> errors(Runnable call) {
    try {
      call.run();
    } catch (ProblemException e) {
      assertThat(e.status()).isEqualTo(422);
      return e.errors();
    }
    throw new AssertionError("expected a 422");
  }

  @Test
  void acceptsOneToFiftyLinesOfOneToAThousand() {
    assertThat(
            OrderRules.check(List.of(new RequestedLine(a, 1), new RequestedLine(b, 1000))).lines())
        .hasSize(2);
    List<RequestedLine> fifty = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fifty.add(new RequestedLine(UUID.randomUUID(), 1));
    }
    assertThat(OrderRules.check(fifty).lines()).hasSize(50);
  }

  @Test
  void refusesNoLinesAndTooManyLines() {
    assertThat(errors(() -> OrderRules.check(List.of())))
        .extracting(FieldError::field)
        .containsExactly("lines");
    assertThat(errors(() -> OrderRules.check(null)))
        .extracting(FieldError::field)
        .containsExactly("lines");
    List<RequestedLine> many = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      many.add(new RequestedLine(UUID.randomUUID(), 1));
    }
    assertThat(errors(() -> OrderRules.check(many)))
        .extracting(FieldError::field)
        .containsExactly("lines");
  }

  @Test
  void reportsEveryBadLineAtOnce() {
    List<FieldError> errors =
        errors(
            () ->
                OrderRules.check(
                    Arrays.asList(
                        new RequestedLine(a, 0),
                        new RequestedLine(a, 1001),
                        new RequestedLine(null, -1),
                        null)));

    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly(
            "lines[0].quantity",
            "lines[1].productId",
            "lines[1].quantity",
            "lines[2].productId",
            "lines[2].quantity",
            "lines[3]");
  }

  @Test
  void pricesFromTheReplicaAndTotalsInMinorUnits() {
    OrderRules.Priced priced =
        OrderRules.price(
            OrderRules.check(List.of(new RequestedLine(a, 3), new RequestedLine(b, 2))),
            Map.of(
                a, new Product(a, 1250L, "EUR", true, 1), b, new Product(b, 99L, "EUR", true, 4)));

    assertThat(priced.totalMinor()).isEqualTo(3 * 1250 + 2 * 99);
    assertThat(priced.currency()).isEqualTo("EUR");
    assertThat(priced.items()).extracting(OrderItem::unitPriceMinor).containsExactly(1250L, 99L);
  }

  @Test
  void namesUnknownAndDiscontinuedProducts() {
    ProblemException e =
        (ProblemException)
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    OrderRules.price(
                        OrderRules.check(List.of(new RequestedLine(a, 1), new RequestedLine(b, 1))),
                        Map.of(b, new Product(b, 10L, "EUR", false, 2))));

    assertThat(e.status()).isEqualTo(422);
    assertThat(e.detail()).contains(a.toString(), b.toString());
    assertThat(e.errors())
        .extracting(FieldError::field)
        .containsExactly("lines[0].productId", "lines[1].productId");
  }

  @Test
  void refusesMixedCurrenciesAndOverflowingTotals() {
    OrderRules.CheckedLines lines =
        OrderRules.check(List.of(new RequestedLine(a, 1000), new RequestedLine(b, 1000)));
    assertThatThrownBy(
            () ->
                OrderRules.price(
                    lines,
                    Map.of(
                        a,
                        new Product(a, 1L, "EUR", true, 1),
                        b,
                        new Product(b, 1L, "USD", true, 1))))
        .isInstanceOf(ProblemException.class);
    assertThat(
            errors(
                () ->
                    OrderRules.price(
                        lines,
                        Map.of(
                            a, new Product(a, Long.MAX_VALUE / 10, "EUR", true, 1),
                            b, new Product(b, 1L, "EUR", true, 1)))))
        .extracting(FieldError::message)
        .containsExactly("the order total is too large");
  }

  @Test
  void theCanonicalFormIdentifiesTheRequest() {
    String one = OrderRules.check(List.of(new RequestedLine(a, 1))).canonical();
    assertThat(OrderRules.check(List.of(new RequestedLine(a, 1))).canonical()).isEqualTo(one);
    assertThat(OrderRules.check(List.of(new RequestedLine(a, 2))).canonical()).isNotEqualTo(one);
  }
}
