package dev.stockroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Aggregation of CPU samples from a real recording of a busy loop in this package. */
class JfrTopTest {
  @TempDir static Path dir;

  private static Path recordingFile;

  // Written to from the loop so the JIT cannot remove it.
  private static volatile long sink;

  @BeforeAll
  static void recordBusyLoop() throws Exception {
    recordingFile = dir.resolve("busy.jfr");
    try (Recording recording = new Recording()) {
      recording.enable(JfrTop.EXECUTION_SAMPLE).withPeriod(Duration.ofMillis(10));
      recording.start();
      // Spin until enough samples surely exist, bounded by a deadline rather than a guess.
      long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (System.nanoTime() < deadline) {
        spin();
      }
      recording.stop();
      recording.dump(recordingFile);
    }
  }

  private static void spin() {
    long x = sink;
    for (int i = 0; i < 1_000_000; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    sink = x;
  }

  @Test
  void attributesSamplesToTheBusyMethod() throws Exception {
    JfrTop.Profile profile = JfrTop.aggregate(recordingFile, 10, List.of("dev.stockroom"));

    assertThat(profile.samples()).isGreaterThan(10);
    assertThat(profile.focus()).isNotEmpty();
    assertThat(profile.focus().get(0).frame()).isEqualTo(JfrTopTest.class.getName() + ".spin");
    assertThat(profile.self().get(0).frame()).isEqualTo(JfrTopTest.class.getName() + ".spin");
  }

  @Test
  void ordersFramesByCountAndKeepsOnlyTheTop() throws Exception {
    JfrTop.Profile profile = JfrTop.aggregate(recordingFile, 1, JfrTop.DEFAULT_PACKAGES);

    assertThat(profile.self()).hasSize(1);
    assertThat(profile.focus()).hasSize(1);
    long focused = profile.focus().get(0).samples();
    assertThat(focused).isLessThanOrEqualTo(profile.samples() - profile.outsideFocus());
  }

  @Test
  void countsSamplesOutsideTheChosenPackages() throws Exception {
    JfrTop.Profile profile = JfrTop.aggregate(recordingFile, 10, List.of("no.such.package"));

    assertThat(profile.focus()).isEmpty();
    assertThat(profile.outsideFocus()).isEqualTo(profile.samples());
  }

  @Test
  void rendersMarkdownTables() throws Exception {
    String markdown =
        JfrTop.toMarkdown(JfrTop.aggregate(recordingFile, 5, JfrTop.DEFAULT_PACKAGES), "busy");

    assertThat(markdown)
        .startsWith("### busy\n")
        .contains("| samples | share | frame |")
        .contains("`" + JfrTopTest.class.getName() + ".spin`");
  }

  @Test
  void reportsARecordingWithoutSamples() throws Exception {
    Path empty = dir.resolve("empty.jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.JVMInformation");
      recording.start();
      recording.stop();
      recording.dump(empty);
    }
    assertThat(Files.size(empty)).isPositive();

    JfrTop.Profile profile = JfrTop.aggregate(empty, 5, JfrTop.DEFAULT_PACKAGES);

    assertThat(profile.samples()).isZero();
    assertThat(JfrTop.toMarkdown(profile, "empty")).contains("No samples");
  }
}
