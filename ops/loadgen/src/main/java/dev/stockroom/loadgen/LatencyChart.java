package dev.stockroom.loadgen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * An inline SVG percentile plot in the style of HdrHistogram's plotter: the x axis is the
 * percentile on a log scale of {@code 1 / (1 - p)} (so 90%, 99%, 99.9% are evenly spaced and the
 * tail gets room), the y axis latency in milliseconds, one line per operation.
 */
final class LatencyChart {
  static final int WIDTH = 960;
  static final int HEIGHT = 500;
  private static final int LEFT = 80;
  private static final int RIGHT = 180;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;

  /** The finest x the plot shows: 99.9999%. */
  private static final int MAX_DECADES = 6;

  private static final String[] COLORS = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"
  };

  private LatencyChart() {}

  /** A point of a percentile curve: x in decades of {@code 1 / (1 - p)}, y in ms. */
  record Point(double decades, double millis) {}

  /** The curve of one histogram of microseconds; the 100% point is left out (x is infinite). */
  static List<Point> curve(Histogram micros) {
    List<Point> points = new ArrayList<>();
    if (micros.getTotalCount() == 0) {
      return points;
    }
    for (HistogramIterationValue v : micros.percentiles(5)) {
      double level = v.getPercentileLevelIteratedTo() / 100.0;
      if (level >= 1.0) {
        break;
      }
      double decades = Math.log10(1.0 / (1.0 - level));
      if (decades > MAX_DECADES) {
        break;
      }
      points.add(
          new Point(decades, micros.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0));
    }
    return points;
  }

  /** The SVG element; {@code histograms} in legend order, empty ones skipped. */
  static String svg(Map<String, Histogram> histograms) {
    List<String> names = new ArrayList<>();
    List<List<Point>> curves = new ArrayList<>();
    double maxDecades = 2;
    double maxMillis = 0;
    for (Map.Entry<String, Histogram> e : histograms.entrySet()) {
      List<Point> c = curve(e.getValue());
      if (c.isEmpty()) {
        continue;
      }
      names.add(e.getKey());
      curves.add(c);
      for (Point p : c) {
        maxDecades = Math.max(maxDecades, p.decades());
        maxMillis = Math.max(maxMillis, p.millis());
      }
    }
    int decades = (int) Math.min(MAX_DECADES, Math.ceil(maxDecades - 1e-9));
    double yMax = niceCeiling(maxMillis);
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;

    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d"
                + " %d\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\""
                + " aria-label=\"Latency by percentile\">%n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"#fff\""
                + " stroke=\"#999\"/>%n",
            LEFT,
            TOP,
            plotW,
            plotH));
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.0f\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">Latency by"
                + " percentile</text>%n",
            LEFT + plotW / 2));
    for (int d = 0; d <= decades; d++) {
      double x = LEFT + plotW * d / decades;
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#ddd\"/>%n",
              x,
              TOP,
              x,
              TOP + plotH));
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%s</text>%n",
              x,
              TOP + plotH + 18,
              percentileLabel(d)));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
            LEFT + plotW / 2,
            HEIGHT - 15));
    int yTicks = 5;
    for (int i = 0; i <= yTicks; i++) {
      double v = yMax * i / yTicks;
      double y = TOP + plotH - plotH * i / yTicks;
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
              LEFT,
              y,
              LEFT + plotW,
              y));
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
              LEFT - 6,
              y + 4,
              number(v)));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<text transform=\"translate(20 %.0f) rotate(-90)\" text-anchor=\"middle\">latency"
                + " (ms)</text>%n",
            TOP + plotH / 2));

    for (int i = 0; i < curves.size(); i++) {
      String color = COLORS[i % COLORS.length];
      StringBuilder d = new StringBuilder();
      for (Point p : curves.get(i)) {
        double x = LEFT + plotW * Math.min(p.decades(), decades) / decades;
        double y = TOP + plotH - plotH * (yMax == 0 ? 0 : p.millis() / yMax);
        d.append(d.length() == 0 ? "M" : " L")
            .append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<path class=\"line\" data-operation=\"%s\" d=\"%s\" fill=\"none\" stroke=\"%s\""
                  + " stroke-width=\"2\"/>%n",
              Html.escape(names.get(i)),
              d,
              color));
      double ly = TOP + 10 + i * 20;
      double lx = LEFT + plotW + 16;
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"%s\""
                  + " stroke-width=\"3\"/>%n",
              lx,
              ly,
              lx + 24,
              ly,
              color));
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.0f\" y=\"%.0f\">%s</text>%n",
              lx + 30,
              ly + 4,
              Html.escape(names.get(i))));
    }
    s.append("</svg>\n");
    return s.toString();
  }

  /** 0 decades is 0%, 1 is 90%, 2 is 99%, 3 is 99.9%, ... */
  static String percentileLabel(int decades) {
    BigDecimal hundred = BigDecimal.valueOf(100);
    return hundred.subtract(hundred.movePointLeft(decades)).stripTrailingZeros().toPlainString()
        + "%";
  }

  /** The smallest 1, 2 or 5 times a power of ten at or above {@code v}, so ticks are round. */
  static double niceCeiling(double v) {
    if (v <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * magnitude >= v) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String number(double v) {
    if (v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
  }
}
