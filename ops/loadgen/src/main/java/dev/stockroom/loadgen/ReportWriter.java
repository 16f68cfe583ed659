package dev.stockroom.loadgen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Writes a run's report directory: {@code summary.json} (for machines, the shape the benchmark
 * parses), {@code summary.md} (a table for people), {@code latency.html} (self-contained: the
 * percentile plot as inline SVG and the same tables) and one {@code <operation>.hgrm} per operation
 * (HdrHistogram's percentile distribution in milliseconds, for its plotter or a diff).
 */
public final class ReportWriter {
  public static final String SUMMARY_JSON = "summary.json";
  public static final String SUMMARY_MD = "summary.md";
  public static final String LATENCY_HTML = "latency.html";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  /** Writes every file; {@code histograms} are microseconds per operation. */
  public static void write(Path dir, LoadReport report, Map<String, Histogram> histograms) {
    try {
      Files.createDirectories(dir);
      JSON.writeValue(dir.resolve(SUMMARY_JSON).toFile(), report);
      Files.writeString(dir.resolve(SUMMARY_MD), markdown(report), StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve(LATENCY_HTML), html(report, histograms), StandardCharsets.UTF_8);
      for (Map.Entry<String, Histogram> e : histograms.entrySet()) {
        if (e.getValue().getTotalCount() == 0) {
          continue;
        }
        try (PrintStream out =
            new PrintStream(
                Files.newOutputStream(dir.resolve(e.getKey() + ".hgrm")),
                false,
                StandardCharsets.UTF_8)) {
          // Microseconds in, milliseconds out: the unit the other reports use.
          e.getValue().outputPercentileDistribution(out, 5, 1000.0);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + dir, e);
    }
  }

  /** Reads a {@code summary.json} back, as the benchmark and the tests do. */
  public static LoadReport readSummary(Path file) {
    try {
      return JSON.readValue(file.toFile(), LoadReport.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static String title(LoadReport r) {
    String how =
        "open".equals(r.mode())
            ? "open loop at " + r.targetRate() + " operations/s"
            : "closed loop with " + r.concurrency() + " workers";
    return "Load run: " + r.scenario() + ", " + how + " for " + r.durationSeconds() + " s";
  }

  static String markdown(LoadReport r) {
    StringBuilder s = new StringBuilder();
    s.append("# ").append(title(r)).append("\n\n");
    s.append(
        "| operation | count | ops/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    r.operations()
        .forEach(
            (name, o) ->
                s.append(
                    String.format(
                        Locale.ROOT,
                        "| %s | %d | %.1f | %s | %s | %s | %s | %s | %d |%n",
                        name,
                        o.count(),
                        o.ratePerSecond(),
                        ms(o.p50Ms()),
                        ms(o.p90Ms()),
                        ms(o.p99Ms()),
                        ms(o.p999Ms()),
                        ms(o.maxMs()),
                        o.errors())));
    s.append('\n').append(latencyNote(r)).append("\n\n");
    if (r.ordersAccepted() > 0 || !r.oversell().products().isEmpty()) {
      s.append("## Orders\n\n");
      s.append("| accepted | PAID | CANCELLED | REJECTED | EXPIRED | not terminal |\n");
      s.append("|---:|---:|---:|---:|---:|---:|\n");
      Map<String, Long> t = r.ordersTerminal();
      s.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %d | %d | %d | %d |%n%n",
              r.ordersAccepted(),
              t.getOrDefault("PAID", 0L),
              t.getOrDefault("CANCELLED", 0L),
              t.getOrDefault("REJECTED", 0L),
              t.getOrDefault("EXPIRED", 0L),
              r.ordersNotTerminal()));
    }
    s.append("## Errors\n\n");
    if (r.errors().isEmpty()) {
      s.append("None.\n\n");
    } else {
      s.append("| kind | count |\n|---|---:|\n");
      r.errors().forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v).append(" |\n"));
      s.append('\n');
    }
    if (!r.oversell().products().isEmpty()) {
      s.append("## Stock check\n\n");
      s.append("| product | stocked | held (CONFIRMED + PAID) | reserved in view | ok |\n");
      s.append("|---|---:|---:|---:|---|\n");
      for (OversellReport.ProductCheck p : r.oversell().products()) {
        s.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %d | %s | %s |%n",
                p.productId(),
                p.stocked(),
                p.confirmedQuantity(),
                p.reservedInView() == null ? "-" : p.reservedInView().toString(),
                p.ok() ? "yes" : "**no**"));
      }
      s.append('\n');
    }
    s.append(r.ok() ? "**Result: OK**\n" : "**Result: FAILED**\n");
    for (String f : r.failures()) {
      s.append("\n- ").append(f);
    }
    if (!r.failures().isEmpty()) {
      s.append('\n');
    }
    return s.toString();
  }

  static String latencyNote(LoadReport r) {
    return "open".equals(r.mode())
        ? "Open loop: product.*, order.post and order.terminal count from each operation's"
            + " intended start on the fixed schedule (coordinated-omission corrected);"
            + " order.get (a long poll), order.pay and order.cancel from when they were sent."
        : "Closed loop: latencies count from when each request was sent; the offered load is"
            + " whatever the workers' round trips allow.";
  }

  static String html(LoadReport r, Map<String, Histogram> histograms) {
    StringBuilder s = new StringBuilder();
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.append("<title>").append(Html.escape(title(r))).append("</title>\n");
    s.append(
        """
        <style>
        body { font-family: sans-serif; margin: 24px; color: #222; }
        table { border-collapse: collapse; margin: 12px 0 20px; }
        th, td { border: 1px solid #ccc; padding: 4px 10px; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .ok { color: #1a7f37; font-weight: bold; }
        .failed { color: #cf222e; font-weight: bold; }
        p.note { color: #555; max-width: 960px; }
        </style>
        </head>
        <body>
        """);
    s.append("<h1>").append(Html.escape(title(r))).append("</h1>\n");
    s.append(
        r.ok()
            ? "<p class=\"ok\">Result: OK</p>\n"
            : "<p class=\"failed\">Result: FAILED</p>\n<ul>\n");
    if (!r.ok()) {
      r.failures().forEach(f -> s.append("<li>").append(Html.escape(f)).append("</li>\n"));
      s.append("</ul>\n");
    }
    s.append(LatencyChart.svg(histograms));
    s.append("<p class=\"note\">").append(Html.escape(latencyNote(r))).append("</p>\n");
    s.append(
        "<table>\n<tr><th>operation</th><th>count</th><th>ops/s</th><th>p50 ms</th>"
            + "<th>p90 ms</th><th>p99 ms</th><th>p99.9 ms</th><th>max ms</th><th>errors</th></tr>\n");
    r.operations()
        .forEach(
            (name, o) ->
                s.append(
                    String.format(
                        Locale.ROOT,
                        "<tr><td>%s</td><td class=\"n\">%d</td><td class=\"n\">%.1f</td>"
                            + "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
                            + "<td class=\"n\">%s</td><td class=\"n\">%s</td>"
                            + "<td class=\"n\">%d</td></tr>%n",
                        Html.escape(name),
                        o.count(),
                        o.ratePerSecond(),
                        ms(o.p50Ms()),
                        ms(o.p90Ms()),
                        ms(o.p99Ms()),
                        ms(o.p999Ms()),
                        ms(o.maxMs()),
                        o.errors())));
    s.append("</table>\n");
    if (r.ordersAccepted() > 0) {
      Map<String, Long> t = r.ordersTerminal();
      s.append("<h2>Orders</h2>\n<table>\n<tr><th>accepted</th>");
      OversellCheck.TERMINAL_STATUSES.forEach(st -> s.append("<th>").append(st).append("</th>"));
      s.append("<th>not terminal</th></tr>\n<tr><td class=\"n\">")
          .append(r.ordersAccepted())
          .append("</td>");
      OversellCheck.TERMINAL_STATUSES.forEach(
          st -> s.append("<td class=\"n\">").append(t.getOrDefault(st, 0L)).append("</td>"));
      s.append("<td class=\"n\">").append(r.ordersNotTerminal()).append("</td></tr>\n</table>\n");
    }
    s.append("<h2>Errors</h2>\n");
    if (r.errors().isEmpty()) {
      s.append("<p>None.</p>\n");
    } else {
      s.append("<table>\n<tr><th>kind</th><th>count</th></tr>\n");
      r.errors()
          .forEach(
              (k, v) ->
                  s.append("<tr><td>")
                      .append(Html.escape(k))
                      .append("</td><td class=\"n\">")
                      .append(v)
                      .append("</td></tr>\n"));
      s.append("</table>\n");
    }
    if (!r.oversell().products().isEmpty()) {
      s.append(
          "<h2>Stock check</h2>\n<table>\n<tr><th>product</th><th>stocked</th>"
              + "<th>held (CONFIRMED + PAID)</th><th>reserved in view</th><th>ok</th></tr>\n");
      for (OversellReport.ProductCheck p : r.oversell().products()) {
        s.append(
            String.format(
                Locale.ROOT,
                "<tr><td>%s</td><td class=\"n\">%d</td><td class=\"n\">%d</td>"
                    + "<td class=\"n\">%s</td><td class=\"%s\">%s</td></tr>%n",
                p.productId(),
                p.stocked(),
                p.confirmedQuantity(),
                p.reservedInView() == null ? "-" : p.reservedInView().toString(),
                p.ok() ? "ok" : "failed",
                p.ok() ? "yes" : "no"));
      }
      s.append("</table>\n");
    }
    s.append("</body>\n</html>\n");
    return s.toString();
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
