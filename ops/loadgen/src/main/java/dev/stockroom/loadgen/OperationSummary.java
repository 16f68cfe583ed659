package dev.stockroom.loadgen;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.HdrHistogram.Histogram;

/**
 * One operation's numbers in {@code summary.json}: how many were measured, their rate over the
 * measured duration, latency percentiles in milliseconds (from microsecond histograms, 3
 * significant digits), and how many of them failed.
 */
@JsonPropertyOrder({
  "count",
  "ratePerSecond",
  "p50Ms",
  "p90Ms",
  "p99Ms",
  "p999Ms",
  "maxMs",
  "errors"
})
public record OperationSummary(
    long count,
    double ratePerSecond,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double p999Ms,
    double maxMs,
    long errors) {

  /** Summarizes a histogram of microseconds measured over {@code seconds}. */
  public static OperationSummary of(Histogram micros, long errors, double seconds) {
    long count = micros.getTotalCount();
    return new OperationSummary(
        count,
        round(seconds > 0 ? count / seconds : 0, 100),
        ms(micros, 50),
        ms(micros, 90),
        ms(micros, 99),
        ms(micros, 99.9),
        count == 0 ? 0 : round(micros.getMaxValue() / 1000.0, 1000),
        errors);
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? 0 : round(h.getValueAtPercentile(percentile) / 1000.0, 1000);
  }

  private static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }
}
