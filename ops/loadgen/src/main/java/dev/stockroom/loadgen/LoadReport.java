package dev.stockroom.loadgen;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The result of a run, written as {@code summary.json} (the shape the benchmark parses). {@code
 * targetRate} is set for the open loop and {@code concurrency} for the closed loop, the other is
 * null. {@code ok} is the verdict behind the exit code: no oversell, every accepted order terminal,
 * the stock view agreeing with the paid quantities, and at least one operation answered.
 */
@JsonPropertyOrder({
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
  "ok"
})
public record LoadReport(
    String scenario,
    String mode,
    Integer targetRate,
    Integer concurrency,
    long durationSeconds,
    Map<String, OperationSummary> operations,
    long ordersAccepted,
    Map<String, Long> ordersTerminal,
    long ordersNotTerminal,
    Map<String, Long> errors,
    OversellReport oversell,
    boolean ok) {

  /**
   * Why the run is not ok, one sentence each; empty when it is. {@code ok} is built from this, and
   * the Markdown and HTML reports print it.
   */
  public List<String> failures() {
    List<String> out = new ArrayList<>();
    if (ordersNotTerminal > 0) {
      out.add(ordersNotTerminal + " accepted orders did not reach a terminal status in time");
    }
    for (OversellReport.ProductCheck p : oversell.products()) {
      if (p.confirmedQuantity() > p.stocked()) {
        out.add(
            "product "
                + p.productId()
                + " oversold: "
                + p.confirmedQuantity()
                + " held, "
                + p.stocked()
                + " stocked");
      }
      if (p.reservedInView() == null) {
        out.add("product " + p.productId() + ": no stock view to compare with");
      } else if (p.reservedInView() != p.confirmedQuantity()) {
        out.add(
            "product "
                + p.productId()
                + ": stock view reserved "
                + p.reservedInView()
                + " but orders hold "
                + p.confirmedQuantity());
      }
    }
    long answered = operations.values().stream().mapToLong(o -> o.count() - o.errors()).sum();
    if (answered <= 0) {
      out.add("no operation succeeded");
    }
    return out;
  }

  /** The process exit code for this report: 0 when ok, 1 when a check failed. */
  public int exitCode() {
    return ok ? 0 : 1;
  }
}
