package dev.stockroom.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path dir;

  private static Histogram histogram(long... micros) {
    Histogram h = new Histogram(3);
    h.setAutoResize(true);
    for (long v : micros) {
      h.recordValue(v);
    }
    return h;
  }

  private static Map<String, Histogram> histograms() {
    Map<String, Histogram> h = new LinkedHashMap<>();
    long[] gets = new long[2000];
    for (int i = 0; i < gets.length; i++) {
      gets[i] = 500 + i * 3L;
    }
    h.put(Operations.PRODUCT_GET, histogram(gets));
    h.put(Operations.ORDER_POST, histogram(3_100, 4_000, 9_000, 25_000));
    h.put(Operations.ORDER_TERMINAL, histogram(180_000, 250_000, 900_000));
    return h;
  }

  private static LoadReport report(Map<String, Histogram> h) {
    Map<String, OperationSummary> ops = new LinkedHashMap<>();
    h.forEach((op, hist) -> ops.put(op, OperationSummary.of(hist, 0, 60)));
    UUID product = UUID.fromString("5d0c7b1e-8c4e-4a57-9f63-2f4f1d0f6a11");
    return LoadGenerator.withVerdict(
        new LoadReport(
            "order",
            "open",
            500,
            null,
            60,
            ops,
            4,
            OversellCheck.terminalCounts(List.of("PAID", "PAID", "CANCELLED", "REJECTED")),
            0,
            Map.of("http_503", 2L),
            new OversellReport(
                true, List.of(new OversellReport.ProductCheck(product, 100_000, 123, 123L))),
            false));
  }

  @Test
  void summaryJsonReadsBackEqual() {
    Map<String, Histogram> h = histograms();
    LoadReport written = report(h);

    ReportWriter.write(dir, written, h);

    LoadReport read = ReportWriter.readSummary(dir.resolve(ReportWriter.SUMMARY_JSON));
    assertThat(read).isEqualTo(written);
    assertThat(read.ok()).isTrue();
    assertThat(read.exitCode()).isZero();
  }

  @Test
  void summaryJsonHasExactlyTheContractedShape() throws Exception {
    Map<String, Histogram> h = histograms();
    ReportWriter.write(dir, report(h), h);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(fieldNames(json))
        .containsExactly(
            "scenario",
            "mode",
            "targetRate",
            "concurrency",
            "durationSeconds",
            "operations",
            "ordersAccepted",
            "ordersTerminal",
            "ordersNotTerminal",
            "errors",
            "oversell",
            "ok");
    assertThat(json.get("targetRate").asInt()).isEqualTo(500);
    assertThat(json.get("concurrency").isNull()).isTrue();
    assertThat(json.get("durationSeconds").isIntegralNumber()).isTrue();
    JsonNode post = json.get("operations").get("order.post");
    assertThat(fieldNames(post))
        .containsExactly(
            "count", "ratePerSecond", "p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs", "errors");
    assertThat(post.get("count").asLong()).isEqualTo(4);
    assertThat(post.get("p50Ms").asDouble()).isBetween(3.09, 4.01);
    assertThat(post.get("maxMs").asDouble()).isBetween(24.9, 25.1);
    assertThat(fieldNames(json.get("ordersTerminal")))
        .containsExactly("PAID", "CANCELLED", "REJECTED", "EXPIRED");
    assertThat(fieldNames(json.get("oversell"))).containsExactly("ok", "products");
    assertThat(fieldNames(json.get("oversell").get("products").get(0)))
        .containsExactly("productId", "stocked", "confirmedQuantity", "reservedInView");
  }

  @Test
  void htmlIsSelfContainedWithOnePathPerOperation() throws Exception {
    Map<String, Histogram> h = histograms();
    h.put(Operations.ORDER_CANCEL, histogram());
    ReportWriter.write(dir, report(h), h);

    String html = Files.readString(dir.resolve(ReportWriter.LATENCY_HTML));
    assertThat(html).contains("<svg").contains("</svg>").doesNotContain("<script src");
    assertThat(html).doesNotContainPattern("(href|src)=\"http");
    Matcher m = Pattern.compile("<path class=\"line\" data-operation=\"([^\"]+)\"").matcher(html);
    List<String> paths = new ArrayList<>();
    while (m.find()) {
      paths.add(m.group(1));
    }
    assertThat(paths)
        .containsExactly(Operations.PRODUCT_GET, Operations.ORDER_POST, Operations.ORDER_TERMINAL);
    assertThat(html).contains("99.9%").contains("<table>").contains("Result: OK");
  }

  @Test
  void writesTheMarkdownTableAndAnHgrmPerOperation() throws Exception {
    Map<String, Histogram> h = histograms();
    ReportWriter.write(dir, report(h), h);

    String md = Files.readString(dir.resolve(ReportWriter.SUMMARY_MD));
    assertThat(md)
        .contains("| operation | count | ops/s | p50 ms |")
        .contains("| order.post | 4 |")
        .contains("| http_503 | 2 |")
        .contains("**Result: OK**");
    assertThat(dir.resolve("product.get.hgrm")).exists();
    assertThat(dir.resolve("order.terminal.hgrm")).exists();
    assertThat(Files.readString(dir.resolve("order.post.hgrm")))
        .contains("Value     Percentile TotalCount 1/(1-Percentile)")
        .contains("#[Max");
  }

  @Test
  void aFailedReportListsWhy() {
    UUID product = UUID.randomUUID();
    LoadReport r =
        LoadGenerator.withVerdict(
            new LoadReport(
                "order",
                "closed",
                null,
                4,
                10,
                Map.of("order.post", new OperationSummary(10, 1, 1, 1, 1, 1, 1, 0)),
                10,
                OversellCheck.terminalCounts(List.of()),
                2,
                Map.of(),
                new OversellReport(
                    false, List.of(new OversellReport.ProductCheck(product, 5, 6, 4L))),
                true));

    assertThat(r.ok()).isFalse();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.failures())
        .containsExactly(
            "2 accepted orders did not reach a terminal status in time",
            "product " + product + " oversold: 6 held, 5 stocked",
            "product " + product + ": stock view reserved 4 but orders hold 6");
    assertThat(ReportWriter.markdown(r)).contains("**Result: FAILED**").contains("oversold");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
