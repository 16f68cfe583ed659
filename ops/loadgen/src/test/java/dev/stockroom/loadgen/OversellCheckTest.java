package dev.stockroom.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.client.Line;
import dev.stockroom.client.Order;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OversellCheckTest {
  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  private static OversellCheck.OrderOutcome order(String status, Line... lines) {
    return new OversellCheck.OrderOutcome(status, List.of(lines));
  }

  @Test
  void onlyConfirmedAndPaidOrdersHoldStock() {
    Map<UUID, Long> held =
        OversellCheck.heldQuantities(
            List.of(
                order("PAID", new Line(A, 3), new Line(B, 1)),
                order("CONFIRMED", new Line(A, 2)),
                order("CANCELLED", new Line(A, 100)),
                order("EXPIRED", new Line(B, 100)),
                order("REJECTED", new Line(A, 100), new Line(B, 100)),
                order("PENDING", new Line(B, 100))));

    assertThat(held).containsExactlyInAnyOrderEntriesOf(Map.of(A, 5L, B, 1L));
  }

  @Test
  void passesWhenHeldFitsAndTheViewAgrees() {
    OversellReport r =
        OversellCheck.evaluate(List.of(A, B), 10, Map.of(A, 10L), Map.of(A, 10L, B, 0L));

    assertThat(r.ok()).isTrue();
    assertThat(r.products())
        .containsExactly(
            new OversellReport.ProductCheck(A, 10, 10, 10L),
            new OversellReport.ProductCheck(B, 10, 0, 0L));
  }

  @Test
  void failsWhenMoreIsHeldThanWasStocked() {
    OversellReport r = OversellCheck.evaluate(List.of(A), 10, Map.of(A, 11L), Map.of(A, 11L));

    assertThat(r.ok()).isFalse();
    assertThat(r.products().get(0).ok()).isFalse();
  }

  @Test
  void failsWhenTheViewDisagreesOrIsMissing() {
    assertThat(OversellCheck.evaluate(List.of(A), 10, Map.of(A, 4L), Map.of(A, 6L)).ok()).isFalse();
    assertThat(OversellCheck.evaluate(List.of(A), 10, Map.of(A, 4L), Map.of()).ok()).isFalse();
  }

  @Test
  void countsEveryTerminalStatus() {
    assertThat(OversellCheck.terminalCounts(List.of("PAID", "PAID", "REJECTED")))
        .containsExactly(
            Map.entry("PAID", 2L),
            Map.entry("CANCELLED", 0L),
            Map.entry("REJECTED", 1L),
            Map.entry("EXPIRED", 0L));
  }

  @Test
  void theLedgerKeepsTheFirstTerminalStatusAndWhetherItCameInTime() {
    OrderLedger ledger = new OrderLedger();
    OrderLedger.Entry late = ledger.accepted(0, List.of(new Line(A, 1)), pending());
    OrderLedger.Entry onTime = ledger.accepted(1, List.of(new Line(B, 2)), pending());

    ledger.observe(late, "CONFIRMED", true);
    ledger.observe(late, "PAID", false);
    ledger.observe(onTime, "CONFIRMED", true);
    ledger.observe(onTime, "CANCELLED", true);
    ledger.observe(onTime, "EXPIRED", true);

    assertThat(late.status()).isEqualTo("PAID");
    assertThat(late.terminalInTime()).isFalse();
    assertThat(onTime.status()).isEqualTo("CANCELLED");
    assertThat(onTime.terminalInTime()).isTrue();
    assertThat(ledger.size()).isEqualTo(2);
  }

  @Test
  void aReplayedPlacementIsRecordedOnce() {
    OrderLedger ledger = new OrderLedger();
    Order first = pending();
    ledger.accepted(0, List.of(new Line(A, 1)), first);
    ledger.accepted(0, List.of(new Line(A, 1)), first);
    ledger.uncertain(0, "key-1", List.of(new Line(A, 1)));

    assertThat(ledger.size()).isEqualTo(1);
    assertThat(ledger.drainUncertain())
        .containsExactly(new OrderLedger.Uncertain(0, "key-1", List.of(new Line(A, 1))));
    assertThat(ledger.drainUncertain()).isEmpty();
  }

  private static Order pending() {
    return new Order(UUID.randomUUID(), "PENDING", null, null, List.of(), 100, "EUR");
  }
}
