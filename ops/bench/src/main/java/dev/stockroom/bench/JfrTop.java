package dev.stockroom.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's CPU samples ({@code jdk.ExecutionSample}) so a missed benchmark
 * target can be explained: the hottest self frames (where the CPU actually is, often inside the JDK
 * or a driver), and for each sample the topmost frame in a package we chose ({@link
 * #DEFAULT_PACKAGES}), which says which of our code or which library asked for that work.
 */
public final class JfrTop {
  static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

  /** Our code and the libraries on the request and streaming paths. */
  public static final List<String> DEFAULT_PACKAGES =
      List.of(
          "dev.stockroom",
          "org.eclipse.jetty",
          "org.jdbi",
          "com.fasterxml",
          "io.jsonwebtoken",
          "org.apache.kafka",
          "org.h2",
          "org.postgresql");

  private JfrTop() {}

  /** One frame (class and method) and how many samples it got. */
  public record FrameCount(String frame, long samples) {}

  /**
   * The summary of one recording.
   *
   * @param samples every execution sample with a stack trace
   * @param self the hottest topmost frames, most samples first
   * @param focus the hottest topmost frames within {@code packages}, most samples first
   * @param outsideFocus samples with no frame in {@code packages} (JDK-only or truncated stacks)
   * @param packages the package prefixes {@code focus} looked for
   */
  public record Profile(
      long samples,
      List<FrameCount> self,
      List<FrameCount> focus,
      long outsideFocus,
      List<String> packages) {}

  /** Reads {@code file} and keeps the {@code top} hottest frames of each kind. */
  public static Profile aggregate(Path file, int top, List<String> packages) throws IOException {
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> focus = new HashMap<>();
    long samples = 0;
    long outside = 0;
    try (RecordingFile recording = new RecordingFile(file)) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        if (!EXECUTION_SAMPLE.equals(event.getEventType().getName())) {
          continue;
        }
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
          continue;
        }
        samples++;
        List<RecordedFrame> frames = stack.getFrames();
        self.merge(name(frames.get(0)), 1L, Long::sum);
        String focused = firstIn(frames, packages);
        if (focused == null) {
          outside++;
        } else {
          focus.merge(focused, 1L, Long::sum);
        }
      }
    }
    return new Profile(samples, top(self, top), top(focus, top), outside, List.copyOf(packages));
  }

  /** The profile as Markdown: two tables with each frame's count and share of all samples. */
  public static String toMarkdown(Profile profile, String title) {
    StringBuilder out = new StringBuilder();
    out.append("### ").append(title).append("\n\n");
    out.append(profile.samples()).append(" CPU samples (jdk.ExecutionSample).\n\n");
    if (profile.samples() == 0) {
      return out.append("No samples: the recording is empty or had execution sampling off.\n")
          .toString();
    }
    out.append("Top self frames (where the CPU was):\n\n");
    table(out, profile.self(), profile.samples());
    out.append("\nTopmost frame in ")
        .append(String.join(", ", profile.packages()))
        .append(" (who asked for the work; ")
        .append(profile.outsideFocus())
        .append(" samples had none):\n\n");
    table(out, profile.focus(), profile.samples());
    return out.toString();
  }

  private static void table(StringBuilder out, List<FrameCount> frames, long samples) {
    out.append("| samples | share | frame |\n|---:|---:|---|\n");
    for (FrameCount frame : frames) {
      out.append("| ")
          .append(frame.samples())
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.1f%%", 100.0 * frame.samples() / samples))
          .append(" | `")
          .append(frame.frame())
          .append("` |\n");
    }
  }

  private static String firstIn(List<RecordedFrame> frames, List<String> packages) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      for (String prefix : packages) {
        if (type.startsWith(prefix + ".")) {
          return name(frame);
        }
      }
    }
    return null;
  }

  private static String name(RecordedFrame frame) {
    RecordedMethod method = frame.getMethod();
    return method.getType().getName() + "." + method.getName();
  }

  private static List<FrameCount> top(Map<String, Long> counts, int limit) {
    return counts.entrySet().stream()
        .map(e -> new FrameCount(e.getKey(), e.getValue()))
        .sorted(
            Comparator.comparingLong(FrameCount::samples)
                .reversed()
                .thenComparing(FrameCount::frame))
        .limit(limit)
        .toList();
  }
}
