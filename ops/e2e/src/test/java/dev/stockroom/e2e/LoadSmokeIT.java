package dev.stockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.client.Endpoints;
import dev.stockroom.loadgen.LoadGenerator;
import dev.stockroom.loadgen.LoadOptions;
import dev.stockroom.loadgen.LoadReport;
import dev.stockroom.loadgen.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The short version of a load run: the load generator, in-process, places orders for 10 s at a
 * modest fixed rate against the started system, follows each to its end (pay or cancel), and checks
 * that nothing was oversold and the stock view agrees with what the orders hold. The stock is kept
 * scarce so some orders are rejected while others hold stock.
 */
@org.junit.jupiter.api.Order(4)
@ExtendWith(StockroomSystem.class)
class LoadSmokeIT {

  @Test
  void tenSecondsOfOrdersOversellNothingAndAnswerNo5xx(RunningSystem system) {
    Endpoints endpoints = system.endpoints();
    LoadOptions options =
        LoadOptions.builder()
            .scenario(Scenario.ORDER)
            .rate(20)
            .duration(Duration.ofSeconds(10))
            .host("127.0.0.1")
            .ports(
                endpoints.users().getPort(),
                endpoints.products().getPort(),
                endpoints.orders().getPort(),
                endpoints.stream().getPort())
            .customers(5)
            .products(5)
            .stock(100)
            .reportDir(Path.of("target", "loadgen-smoke"))
            .adminEmail(system.adminEmail())
            .adminPassword(system.adminPassword())
            .build();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    LoadReport report;
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      report = LoadGenerator.run(options, out);
    }
    String output = printed.toString(StandardCharsets.UTF_8);

    assertThat(report.failures()).as("why the run is not ok; it printed:%n%s", output).isEmpty();
    assertThat(report.ok()).isTrue();
    assertThat(report.errors().keySet())
        .as("errors by kind; it printed:%n%s", output)
        .noneMatch(kind -> kind.startsWith("http_5"));
    assertThat(report.ordersAccepted()).as("orders accepted").isPositive();
    assertThat(report.ordersNotTerminal()).isZero();
    assertThat(report.oversell().ok()).as("oversell check; it printed:%n%s", output).isTrue();
    assertThat(report.oversell().products()).hasSize(5);
  }
}
