package dev.stockroom.loadgen.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.client.Exchange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NarratorTest {
  private static final UUID MUG = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void printsNumberedStepsAndCallLinesWithShortNames() {
    Narrator narrator = new Narrator(out, false);
    narrator.name(MUG, "mug");

    narrator.step("Stock them");
    narrator.accept(exchange("PUT", "/api/v1/products/" + MUG + "/stock", 200, 12));
    narrator.step("Views");

    assertThat(output())
        .isEqualTo(
            "\n1. Stock them\n   PUT /api/v1/products/{mug}/stock  -> 200  (12 ms)\n\n2. Views\n");
    assertThat(narrator.steps()).isEqualTo(2);
  }

  @Test
  void summarisesAPollAsItsLastCall() {
    Narrator narrator = new Narrator(out, false);

    narrator.mute();
    narrator.accept(exchange("GET", "/api/v1/stock/x", 404, 3));
    narrator.accept(exchange("GET", "/api/v1/stock/x", 404, 3));
    narrator.accept(exchange("GET", "/api/v1/stock/x", 200, 3));
    narrator.unmute(Duration.ofMillis(640));

    assertThat(output()).isEqualTo("   GET /api/v1/stock/x  -> 200  (3 reads in 0.6 s)\n");
  }

  @Test
  void coloursOnlyWhenAsked() {
    new Narrator(out, false).failure("no");
    assertThat(output()).doesNotContain("\u001b[");

    new Narrator(out, true).failure("no");
    assertThat(output()).contains("\u001b[31mFAILED: no\u001b[0m");
  }

  @Test
  void showsMoneyInTheCurrencysDecimals() {
    assertThat(Narrator.money(8749, "EUR")).isEqualTo("87.49 EUR");
    assertThat(Narrator.money(5, "EUR")).isEqualTo("0.05 EUR");
    assertThat(Narrator.money(1200, "JPY")).isEqualTo("1200 JPY");
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Exchange exchange(String method, String path, int status, long millis) {
    return new Exchange(
        method, URI.create("http://127.0.0.1:8082" + path), status, Duration.ofMillis(millis));
  }
}
