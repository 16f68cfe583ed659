package dev.stockroom.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void recordsOnlyWhatIsMeasuredAndCountsErrorsByOperationAndKind() {
    Metrics m = new Metrics(1_000);

    assertThat(m.measured(999)).isFalse();
    assertThat(m.measured(1_000)).isTrue();
    m.record(Operations.ORDER_POST, false, 50_000, "http_503");
    m.record(Operations.ORDER_POST, true, 3_000, null);
    m.record(Operations.ORDER_POST, true, 10_000_000, "timeout");
    m.record(Operations.PRODUCT_GET, true, 1_000, "http_503");
    m.error(Operations.ORDER_TERMINAL, true, "not_terminal");
    m.runError("not_sent", 3);

    Map<String, Histogram> h = m.collect();
    assertThat(h.keySet()).containsExactly(Operations.PRODUCT_GET, Operations.ORDER_POST);
    assertThat(h.get(Operations.ORDER_POST).getTotalCount()).isEqualTo(2);
    assertThat(h.get(Operations.ORDER_POST).getMaxValue()).isBetween(9_990_000L, 10_010_000L);
    assertThat(m.errorsByOperation())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Operations.ORDER_POST, 1L,
                Operations.PRODUCT_GET, 1L,
                Operations.ORDER_TERMINAL, 1L));
    assertThat(m.errorsByKind())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("timeout", 1L, "http_503", 1L, "not_terminal", 1L, "not_sent", 3L));
    assertThat(m.totalErrors()).isEqualTo(6);
  }

  @Test
  void collectAccumulatesAcrossIntervals() {
    Metrics m = new Metrics(0);
    m.record("op", true, 10, null);
    assertThat(m.collect().get("op").getTotalCount()).isEqualTo(1);
    m.record("op", true, 20, null);
    m.record("op", true, 30, null);
    assertThat(m.collect().get("op").getTotalCount()).isEqualTo(3);
    assertThat(m.collect().get("op").getTotalCount()).isEqualTo(3);
  }
}
