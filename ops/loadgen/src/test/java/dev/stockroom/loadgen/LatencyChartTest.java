package dev.stockroom.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyChartTest {
  @Test
  void labelsDecadesAsPercentiles() {
    assertThat(LatencyChart.percentileLabel(0)).isEqualTo("0%");
    assertThat(LatencyChart.percentileLabel(1)).isEqualTo("90%");
    assertThat(LatencyChart.percentileLabel(2)).isEqualTo("99%");
    assertThat(LatencyChart.percentileLabel(3)).isEqualTo("99.9%");
    assertThat(LatencyChart.percentileLabel(5)).isEqualTo("99.999%");
  }

  @Test
  void roundsTheAxisUpToOneTwoOrFive() {
    assertThat(LatencyChart.niceCeiling(0)).isEqualTo(1);
    assertThat(LatencyChart.niceCeiling(0.7)).isEqualTo(1);
    assertThat(LatencyChart.niceCeiling(1.2)).isEqualTo(2);
    assertThat(LatencyChart.niceCeiling(3)).isEqualTo(5);
    assertThat(LatencyChart.niceCeiling(420)).isEqualTo(500);
    assertThat(LatencyChart.niceCeiling(1000)).isEqualTo(1000);
  }

  @Test
  void aCurveRisesWithThePercentileOnALogScale() {
    Histogram h = new Histogram(3);
    for (int i = 1; i <= 10_000; i++) {
      h.recordValue(i);
    }

    List<LatencyChart.Point> curve = LatencyChart.curve(h);

    assertThat(curve).isNotEmpty();
    assertThat(curve.get(0).decades()).isZero();
    for (int i = 1; i < curve.size(); i++) {
      assertThat(curve.get(i).decades()).isGreaterThanOrEqualTo(curve.get(i - 1).decades());
      assertThat(curve.get(i).millis()).isGreaterThanOrEqualTo(curve.get(i - 1).millis());
    }
    // 10,000 values resolve to about 99.99%: four decades.
    assertThat(curve.get(curve.size() - 1).decades()).isBetween(3.0, 4.5);
    assertThat(LatencyChart.curve(new Histogram(3))).isEmpty();
  }
}
