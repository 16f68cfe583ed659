package dev.stockroom.loadgen;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints the short durations of the command line: {@code 500ms}, {@code 60s}, ... */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

  private Durations() {}

  /**
   * {@code 90} and {@code 90s} are seconds; {@code ms}, {@code m} and {@code h} are the other
   * units.
   *
   * @throws UsageException naming the option when the value is not such a duration
   */
  public static Duration parse(String option, String value) {
    Matcher m = FORM.matcher(value == null ? "" : value.trim());
    if (!m.matches()) {
      throw new UsageException(
          option + " must be a duration such as 500ms, 30s, 2m or 1h, not '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }

  /** The inverse of {@link #parse} for whole units: {@code 60s}, {@code 1500ms}. */
  public static String format(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + "ms";
    }
    return d.toSeconds() + "s";
  }
}
