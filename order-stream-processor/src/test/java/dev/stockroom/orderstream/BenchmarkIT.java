package dev.stockroom.orderstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.SharedKafka;
import dev.stockroom.orderstream.bench.Benchmark;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tiny run of the benchmark, so the command keeps working; the real measurement is the {@code
 * benchmark} command with its default sizes (see the README), not part of the suite.
 */
@ExtendWith(SharedKafka.class)
class BenchmarkIT {
  @Test
  void measuresBothGuaranteesAndReportsTheRatio() throws Exception {
    Benchmark benchmark =
        new Benchmark(
            new Benchmark.Settings(
                SharedKafka.bootstrapServers(),
                200,
                50,
                1,
                5,
                3,
                2,
                (short) 1,
                Duration.ofMillis(100),
                Map.of(),
                Duration.ofSeconds(120)));

    List<Benchmark.Result> results = benchmark.runAll();

    assertThat(results)
        .extracting(Benchmark.Result::guarantee)
        .containsExactly("exactly_once_v2", "at_least_once");
    assertThat(results).allSatisfy(r -> assertThat(r.ordersPerSecond()).isPositive());
    assertThat(results).allSatisfy(r -> assertThat(r.lines()).isBetween(200L, 600L));
    assertThat(Benchmark.report(results)).contains("orders/s", "exactly_once_v2 / at_least_once");
  }
}
