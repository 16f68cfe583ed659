package dev.stockroom.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadgenMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return LoadgenMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of());
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void exitsWithTwoForABadDuration() {
    assertThat(run("run", "--duration", "soon")).isEqualTo(2);
    assertThat(err()).contains("--duration must be a duration").contains("usage: loadgen");
  }

  @Test
  void exitsWithTwoForRateAndConcurrencyTogether() {
    assertThat(run("--rate", "10", "--concurrency", "4")).isEqualTo(2);
    assertThat(err()).contains("exclude each other");
  }

  @Test
  void exitsWithTwoForAHostOffThisMachine() {
    assertThat(run("run", "--host", "10.1.2.3")).isEqualTo(2);
    assertThat(err()).contains("127.0.0.0/8");
  }

  @Test
  void exitsWithTwoForAnUnknownCommand() {
    assertThat(run("stampede")).isEqualTo(2);
    assertThat(err()).contains("unknown command 'stampede'");
  }

  @Test
  void printsUsageForHelp() {
    assertThat(run("--help")).isZero();
    assertThat(run("help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--scenario browse|order|mixed");
  }

  @Test
  void exitsWithOneWhenTheStackIsNotThere() {
    // Port 9 (discard) on loopback has no HTTP server: setup fails, which is not a usage error.
    assertThat(
            run(
                "--scenario",
                "browse",
                "--duration",
                "1s",
                "--users-port",
                "9",
                "--request-timeout",
                "2s"))
        .isEqualTo(1);
    assertThat(err()).contains("admin log-in");
  }
}
