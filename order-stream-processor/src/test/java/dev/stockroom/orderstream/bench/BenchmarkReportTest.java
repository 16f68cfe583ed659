package dev.stockroom.orderstream.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {
  private static Benchmark.Result run(String guarantee, int round, long millisFor1000) {
    return new Benchmark.Result(guarantee, round, 1000, 2000, Duration.ofMillis(millisFor1000));
  }

  @Test
  void comparesGuaranteesWithinEachRoundAndTakesTheMedian() {
    List<Benchmark.Result> results =
        List.of(
            run("exactly_once_v2", 1, 1000), // 1000/s vs 2000/s: 0.50
            run("at_least_once", 1, 500),
            run("at_least_once", 2, 1000), // 900/s vs 1000/s: 0.90
            run("exactly_once_v2", 2, 1111),
            run("exactly_once_v2", 3, 1250), // 800/s vs 1000/s: 0.80
            run("at_least_once", 3, 1000));

    assertThat(Benchmark.medianRatio(results)).isCloseTo(0.80, offset(0.001));
    assertThat(Benchmark.report(results))
        .contains("exactly_once_v2 / at_least_once = 0.80")
        .contains("target >= 0.80: met");
  }

  @Test
  void reportsAMissedTarget() {
    List<Benchmark.Result> results =
        List.of(run("exactly_once_v2", 1, 2000), run("at_least_once", 1, 1000));

    assertThat(Benchmark.report(results)).contains("= 0.50").contains("NOT met");
  }

  @Test
  void hasNoRatioWithoutARoundOfBoth() {
    assertThat(Benchmark.medianRatio(List.of(run("at_least_once", 1, 1000)))).isNaN();
    assertThat(Benchmark.report(List.of(run("at_least_once", 1, 1000))))
        .doesNotContain("exactly_once_v2 / at_least_once");
  }
}
