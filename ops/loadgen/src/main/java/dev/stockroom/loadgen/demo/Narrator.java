package dev.stockroom.loadgen.demo;

import dev.stockroom.client.Exchange;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Prints the walk-through: numbered step titles, one line per HTTP call, and the answer's key
 * fields. It is the client's exchange listener, so every call line shows the status the server
 * really sent. Ids in call lines are replaced by short names ({@code {mug}}, {@code {order-1}})
 * given when the thing was created, so lines stay short enough to read; the full ids are printed
 * once, where they appear.
 */
final class Narrator implements Consumer<Exchange> {
  private static final String INDENT = "   ";
  private static final String BOLD = "\u001b[1m";
  private static final String GREEN = "\u001b[32m";
  private static final String RED = "\u001b[31m";
  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";

  private final PrintStream out;
  private final boolean ansi;
  private final Map<String, String> names = new LinkedHashMap<>();
  private int step;

  // While polling, calls are counted instead of printed; only the last one is shown afterwards.
  private boolean muted;
  private int mutedCalls;
  private Exchange lastMuted;

  /**
   * @param ansi whether to colour the output; only for a terminal, never for a pipe or a file
   */
  Narrator(PrintStream out, boolean ansi) {
    this.out = out;
    this.ansi = ansi;
  }

  void heading(String text) {
    out.println(style(BOLD, text));
  }

  void step(String title) {
    step++;
    out.println();
    out.println(style(BOLD, step + ". " + title));
  }

  int steps() {
    return step;
  }

  /** From now on, {@code id} shows as {@code {name}} in call lines. */
  void name(UUID id, String name) {
    names.put(id.toString(), "{" + name + "}");
  }

  @Override
  public void accept(Exchange exchange) {
    if (muted) {
      mutedCalls++;
      lastMuted = exchange;
      return;
    }
    out.println(INDENT + callLine(exchange, ""));
  }

  /** Starts counting calls instead of printing them (for polls that may take many reads). */
  void mute() {
    muted = true;
    mutedCalls = 0;
    lastMuted = null;
  }

  /** Prints the last counted call, with how many reads it took and how long. */
  void unmute(Duration took) {
    muted = false;
    if (lastMuted != null) {
      String note =
          mutedCalls == 1 ? "" : "  (" + mutedCalls + " reads in " + seconds(took) + " s)";
      out.println(INDENT + callLine(lastMuted, note));
    }
  }

  void detail(String text) {
    out.println(INDENT + INDENT + text);
  }

  void ok(String text) {
    out.println();
    out.println(style(GREEN, text));
  }

  void failure(String text) {
    out.println(INDENT + style(RED, "FAILED: " + text));
  }

  /** {@code 12.50 EUR}: minor units shown with the currency's own number of decimals. */
  static String money(long minor, String currency) {
    int digits;
    try {
      digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    } catch (IllegalArgumentException | NullPointerException e) {
      digits = 2;
    }
    return BigDecimal.valueOf(minor).movePointLeft(digits).toPlainString() + " " + currency;
  }

  String shorten(String text) {
    String shown = text;
    for (Map.Entry<String, String> name : names.entrySet()) {
      shown = shown.replace(name.getKey(), name.getValue());
    }
    return shown;
  }

  private String callLine(Exchange exchange, String note) {
    String status = exchange.status() == 0 ? "no answer" : Integer.toString(exchange.status());
    String line = shorten(exchange.requestLine()) + "  -> " + status;
    String timing = "  (" + exchange.elapsed().toMillis() + " ms)";
    return line + style(DIM, note.isEmpty() ? timing : note);
  }

  private static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis())
        .movePointLeft(3)
        .setScale(1, RoundingMode.HALF_UP)
        .toPlainString();
  }

  private String style(String code, String text) {
    return ansi ? code + text + RESET : text;
  }
}
