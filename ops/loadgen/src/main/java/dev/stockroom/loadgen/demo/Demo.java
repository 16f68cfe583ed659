package dev.stockroom.loadgen.demo;

import dev.stockroom.client.Endpoints;
import dev.stockroom.client.StockroomClient;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code loadgen demo}: walks through Stockroom's main flow against a running stack, one numbered
 * step at a time, printing each HTTP call and the answer's key fields: log in as the admin, create
 * and stock two products, register a customer, place an order and watch it be CONFIRMED, see the
 * reservation in the stock view, pay it, have an order REJECTED for stock, cancel one and see its
 * stock released, and read the final stock views.
 *
 * <p>Exit codes: 0 when every step behaved as described, 1 when one did not (it says which and
 * why), 2 for a usage error.
 */
public final class Demo {
  public static final int OK = 0;
  public static final int MISBEHAVED = 1;
  public static final int USAGE = 2;

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private Demo() {}

  /** The command line: {@code args} are what follows {@code demo}. */
  public static int run(String[] args, PrintStream out) {
    DemoOptions options;
    try {
      options = DemoOptions.parse(List.of(args), System.getenv());
    } catch (DemoUsageException e) {
      out.println("loadgen demo: " + e.getMessage());
      out.println();
      out.print(DemoOptions.USAGE);
      return USAGE;
    }
    if (options.help()) {
      out.print(DemoOptions.USAGE);
      return OK;
    }
    return run(options.endpoints(), options.adminEmail(), options.adminPassword(), out);
  }

  /** The walk-through against {@code endpoints}, which must all be on this machine. */
  public static int run(
      Endpoints endpoints, String adminEmail, String adminPassword, PrintStream out) {
    List<URI> targets =
        List.of(endpoints.users(), endpoints.products(), endpoints.orders(), endpoints.stream());
    for (URI target : targets) {
      if (!LoopbackHost.isLoopback(target.getHost())) {
        out.println("loadgen demo: only localhost or 127.0.0.0/8 is a target, not " + target);
        return USAGE;
      }
    }
    String runId = UUID.randomUUID().toString().substring(0, 6);
    Narrator narrator = new Narrator(out, colours());
    narrator.heading("Stockroom demo, run " + runId + ", against " + describe(targets));
    try (StockroomClient client = new StockroomClient(endpoints, REQUEST_TIMEOUT, narrator)) {
      boolean ok = new DemoScript(client, narrator, adminEmail, adminPassword, runId).run();
      out.flush();
      return ok ? OK : MISBEHAVED;
    }
  }

  /** Colours only for a person at a terminal; NO_COLOR (no-color.org) turns them off there too. */
  private static boolean colours() {
    return System.console() != null && System.getenv("NO_COLOR") == null;
  }

  /** {@code 127.0.0.1: users 8081, products 8082, orders 8083, stream 8084} when hosts agree. */
  static String describe(List<URI> targets) {
    List<String> names = List.of("users", "products", "orders", "stream");
    boolean oneHost = targets.stream().map(URI::getHost).distinct().count() == 1;
    String services =
        IntStream.range(0, targets.size())
            .mapToObj(
                i -> names.get(i) + " " + (oneHost ? targets.get(i).getPort() : targets.get(i)))
            .collect(Collectors.joining(", "));
    return oneHost ? targets.get(0).getHost() + ": " + services : services;
  }
}
