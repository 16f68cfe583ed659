package dev.stockroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.loadgen.demo.Demo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code loadgen demo} (what {@code ops/bin/stack demo} runs) against the started system: every
 * step of the walk-through (confirm, reject for stock, cancel and release, pay) must behave as it
 * says.
 */
@org.junit.jupiter.api.Order(3)
@ExtendWith(StockroomSystem.class)
class DemoIT {

  @Test
  void theDemoWalksThroughTheMainFlowWithoutASurprise(RunningSystem system) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int status;
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      status = Demo.run(system.endpoints(), system.adminEmail(), system.adminPassword(), out);
    }
    String output = printed.toString(StandardCharsets.UTF_8);

    assertThat(status).as("demo exit status; it printed:%n%s", output).isEqualTo(Demo.OK);
    assertThat(output).contains("CONFIRMED", "REJECTED", "CANCELLED", "PAID");
    assertThat(output)
        .as("the payment deadline is shown")
        .containsPattern("unpaid by \\d{4}-\\d{2}-\\d{2}T");
  }
}
