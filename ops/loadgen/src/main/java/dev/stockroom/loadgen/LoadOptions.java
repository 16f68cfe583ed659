package dev.stockroom.loadgen;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything one load run needs, validated on construction. Exactly one of {@code rate} (open loop)
 * and {@code concurrency} (closed loop) is set. Build one with {@link #builder()} in code or {@link
 * #parse} from a command line; both throw {@link UsageException} for a bad value.
 */
public record LoadOptions(
    Scenario scenario,
    Integer rate,
    Integer concurrency,
    Duration duration,
    Duration warmup,
    Duration ramp,
    Path reportDir,
    String host,
    int usersPort,
    int productsPort,
    int ordersPort,
    int streamPort,
    int customers,
    int products,
    long stock,
    int maxLines,
    double cancelRatio,
    Duration terminalTimeout,
    Duration requestTimeout,
    int maxInFlight,
    String adminEmail,
    String adminPassword) {

  public static final String ADMIN_EMAIL_ENV = "STOCKROOM_ADMIN_EMAIL";
  public static final String ADMIN_PASSWORD_ENV = "STOCKROOM_ADMIN_PASSWORD";
  public static final String DEFAULT_ADMIN_EMAIL = "admin@example.com";
  public static final String DEFAULT_ADMIN_PASSWORD = "an admin password!";
  public static final int DEFAULT_RATE = 50;

  /** Order-service accepts 1 to 50 lines, and every line names a different product. */
  static final int MAX_LINES_LIMIT = 50;

  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");

  public static final String USAGE =
      """
      usage: loadgen [run] [options]        load the local stack and check it did not oversell
             loadgen demo [--base-host H]   walk through the main flow step by step

      run options (defaults in brackets):
        --scenario browse|order|mixed  what each operation does [mixed]
        --rate N                 open loop: N operations started per second on a fixed schedule,
                                 latency measured from the intended start [50 when neither is given]
        --concurrency N          closed loop: N workers, each starting its next operation when
                                 the previous one ends (exclusive with --rate)
        --duration D             measured time, whole seconds: 30s, 2m [60s]
        --warmup D               run this long first without measuring [0s]
        --ramp D                 open loop: raise the rate evenly from 0 over the warm-up's first
                                 D; the measured time is always at the full rate [0s]
        --report DIR             report directory [var/loadgen/<timestamp>]
        --host H                 127.0.0.0/8 or localhost only [127.0.0.1]
        --users-port P --products-port P --orders-port P --stream-port P  [8081..8084]
        --customers N            customers registered and logged in once each [20]
        --products N             products created for the run [20]
        --stock N                on hand set for each product [100000]
        --max-lines N            lines per order, 1..N distinct products, quantity 1..3 [3]
        --cancel-ratio R         share of confirmed orders cancelled instead of paid [0.1]
        --terminal-timeout D     how long an order may take to reach a terminal status [30s]
        --request-timeout D      per HTTP request, on top of a long-poll's wait [10s]
        --max-in-flight N        open loop: operations in flight before the schedule waits [1000]
        --admin-email E --admin-password P  [env STOCKROOM_ADMIN_EMAIL / _PASSWORD]

      exit codes: 0 ok, 1 the oversell/terminal check failed or the run could not be done,
      2 usage error
      """;

  public LoadOptions {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(reportDir, "reportDir");
    if (rate != null && concurrency != null) {
      throw new UsageException(
          "--rate (open loop) and --concurrency (closed loop) exclude each other");
    }
    if (rate == null && concurrency == null) {
      rate = DEFAULT_RATE;
    }
    if (rate != null && rate < 1) {
      throw new UsageException("--rate must be at least 1, not " + rate);
    }
    if (concurrency != null && concurrency < 1) {
      throw new UsageException("--concurrency must be at least 1, not " + concurrency);
    }
    requireWholeSeconds("--duration", duration, 1);
    requireWholeSeconds("--warmup", warmup, 0);
    requireWholeSeconds("--ramp", ramp, 0);
    if (!ramp.isZero() && rate == null) {
      throw new UsageException("--ramp raises an open loop's --rate; a closed loop has none");
    }
    if (ramp.compareTo(warmup) > 0) {
      // The measured window always runs at the full rate.
      throw new UsageException("--ramp must fit in --warmup");
    }
    checkLoopback(host);
    for (int port : new int[] {usersPort, productsPort, ordersPort, streamPort}) {
      if (port < 1 || port > 65535) {
        throw new UsageException("ports must be 1..65535, not " + port);
      }
    }
    atLeast("--customers", customers, 1);
    atLeast("--products", products, 1);
    if (stock < 0 || stock > 1_000_000_000L) {
      throw new UsageException("--stock must be 0..1000000000, not " + stock);
    }
    if (maxLines < 1 || maxLines > MAX_LINES_LIMIT) {
      throw new UsageException("--max-lines must be 1..50, not " + maxLines);
    }
    if (maxLines > products) {
      throw new UsageException(
          "--max-lines ("
              + maxLines
              + ") cannot exceed --products ("
              + products
              + "): an order names each product once");
    }
    if (!(cancelRatio >= 0 && cancelRatio <= 1)) {
      throw new UsageException("--cancel-ratio must be between 0 and 1, not " + cancelRatio);
    }
    if (terminalTimeout == null || terminalTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new UsageException("--terminal-timeout must be at least 1s");
    }
    if (requestTimeout == null || requestTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new UsageException("--request-timeout must be at least 1s");
    }
    atLeast("--max-in-flight", maxInFlight, 1);
    if (adminEmail == null || adminEmail.isBlank()) {
      throw new UsageException("--admin-email must not be empty");
    }
    if (adminPassword == null || adminPassword.isEmpty()) {
      throw new UsageException("--admin-password must not be empty");
    }
  }

  /** {@code open} for a fixed rate, {@code closed} for a fixed number of workers. */
  public String mode() {
    return rate != null ? "open" : "closed";
  }

  public boolean openLoop() {
    return rate != null;
  }

  /** The password never appears in logs or reports. */
  @Override
  public String toString() {
    return "LoadOptions[scenario="
        + scenario.label()
        + ", mode="
        + mode()
        + (openLoop() ? ", rate=" + rate : ", concurrency=" + concurrency)
        + ", duration="
        + Durations.format(duration)
        + ", warmup="
        + Durations.format(warmup)
        + (ramp.isZero() ? "" : ", ramp=" + Durations.format(ramp))
        + ", host="
        + host
        + ", customers="
        + customers
        + ", products="
        + products
        + ", stock="
        + stock
        + ", reportDir="
        + reportDir
        + "]";
  }

  public static Builder builder() {
    return new Builder(System.getenv());
  }

  /** A builder whose admin credentials default from {@code env} instead of the process's. */
  public static Builder builder(Map<String, String> env) {
    return new Builder(env);
  }

  /**
   * Parses the options of {@code run} ({@code --name value} or {@code --name=value}).
   *
   * @throws UsageException for an unknown option, a missing or bad value, or a combination the
   *     record refuses
   */
  public static LoadOptions parse(List<String> args, Map<String, String> env) {
    Builder b = new Builder(env);
    List<String> rest = new ArrayList<>(args);
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "'");
      }
      String name;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else {
        name = arg;
        if (i + 1 >= rest.size()) {
          throw new UsageException(name + " needs a value");
        }
        value = rest.get(++i);
      }
      switch (name) {
        case "--scenario" -> b.scenario(Scenario.parse(value));
        case "--rate" -> b.rate(integer(name, value));
        case "--concurrency" -> b.concurrency(integer(name, value));
        case "--duration" -> b.duration(Durations.parse(name, value));
        case "--warmup" -> b.warmup(Durations.parse(name, value));
        case "--ramp" -> b.ramp(Durations.parse(name, value));
        case "--report" -> b.reportDir(Path.of(value));
        case "--host" -> b.host(value);
        case "--users-port" -> b.usersPort(integer(name, value));
        case "--products-port" -> b.productsPort(integer(name, value));
        case "--orders-port" -> b.ordersPort(integer(name, value));
        case "--stream-port" -> b.streamPort(integer(name, value));
        case "--customers" -> b.customers(integer(name, value));
        case "--products" -> b.products(integer(name, value));
        case "--stock" -> b.stock(longValue(name, value));
        case "--max-lines" -> b.maxLines(integer(name, value));
        case "--cancel-ratio" -> b.cancelRatio(decimal(name, value));
        case "--terminal-timeout" -> b.terminalTimeout(Durations.parse(name, value));
        case "--request-timeout" -> b.requestTimeout(Durations.parse(name, value));
        case "--max-in-flight" -> b.maxInFlight(integer(name, value));
        case "--admin-email" -> b.adminEmail(value);
        case "--admin-password" -> b.adminPassword(value);
        default -> throw new UsageException("unknown option " + name);
      }
    }
    return b.build();
  }

  /** Only the loopback range is a target: a load run must never leave this machine. */
  static void checkLoopback(String host) {
    if (host == null
        || !(host.equalsIgnoreCase("localhost") || IPV4_LOOPBACK.matcher(host).matches())) {
      throw new UsageException(
          "--host must be localhost or an address in 127.0.0.0/8, not '" + host + "'");
    }
  }

  private static void requireWholeSeconds(String option, Duration d, long min) {
    if (d == null || d.isNegative() || d.toMillis() % 1000 != 0 || d.toSeconds() < min) {
      throw new UsageException(
          option + " must be whole seconds, at least " + min + "s, not " + format(d));
    }
  }

  private static String format(Duration d) {
    return d == null ? "nothing" : d.isNegative() ? d.toString() : Durations.format(d);
  }

  private static void atLeast(String option, long value, long min) {
    if (value < min) {
      throw new UsageException(option + " must be at least " + min + ", not " + value);
    }
  }

  private static int integer(String option, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a whole number, not '" + value + "'");
    }
  }

  private static long longValue(String option, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a whole number, not '" + value + "'");
    }
  }

  private static double decimal(String option, String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a number, not '" + value + "'");
    }
  }

  /** Defaults as in {@link #USAGE}; {@link #build()} validates. */
  public static final class Builder {
    private Scenario scenario = Scenario.MIXED;
    private Integer rate;
    private Integer concurrency;
    private Duration duration = Duration.ofSeconds(60);
    private Duration warmup = Duration.ZERO;
    private Duration ramp = Duration.ZERO;
    private Path reportDir;
    private String host = "127.0.0.1";
    private int usersPort = 8081;
    private int productsPort = 8082;
    private int ordersPort = 8083;
    private int streamPort = 8084;
    private int customers = 20;
    private int products = 20;
    private long stock = 100_000;
    private int maxLines = 3;
    private double cancelRatio = 0.1;
    private Duration terminalTimeout = Duration.ofSeconds(30);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int maxInFlight = 1000;
    private String adminEmail;
    private String adminPassword;

    private Builder(Map<String, String> env) {
      adminEmail = env.getOrDefault(ADMIN_EMAIL_ENV, DEFAULT_ADMIN_EMAIL);
      adminPassword = env.getOrDefault(ADMIN_PASSWORD_ENV, DEFAULT_ADMIN_PASSWORD);
    }

    public Builder scenario(Scenario v) {
      scenario = v;
      return this;
    }

    /** Open loop; clears nothing, so setting both rate and concurrency fails in build(). */
    public Builder rate(int v) {
      rate = v;
      return this;
    }

    public Builder concurrency(int v) {
      concurrency = v;
      return this;
    }

    public Builder duration(Duration v) {
      duration = v;
      return this;
    }

    public Builder warmup(Duration v) {
      warmup = v;
      return this;
    }

    public Builder ramp(Duration v) {
      ramp = v;
      return this;
    }

    public Builder reportDir(Path v) {
      reportDir = v;
      return this;
    }

    public Builder host(String v) {
      host = v;
      return this;
    }

    public Builder usersPort(int v) {
      usersPort = v;
      return this;
    }

    public Builder productsPort(int v) {
      productsPort = v;
      return this;
    }

    public Builder ordersPort(int v) {
      ordersPort = v;
      return this;
    }

    public Builder streamPort(int v) {
      streamPort = v;
      return this;
    }

    /** The four API ports at once, in the order users, products, orders, stream. */
    public Builder ports(int users, int productsApi, int orders, int stream) {
      usersPort = users;
      productsPort = productsApi;
      ordersPort = orders;
      streamPort = stream;
      return this;
    }

    public Builder customers(int v) {
      customers = v;
      return this;
    }

    public Builder products(int v) {
      products = v;
      return this;
    }

    public Builder stock(long v) {
      stock = v;
      return this;
    }

    public Builder maxLines(int v) {
      maxLines = v;
      return this;
    }

    public Builder cancelRatio(double v) {
      cancelRatio = v;
      return this;
    }

    public Builder terminalTimeout(Duration v) {
      terminalTimeout = v;
      return this;
    }

    public Builder requestTimeout(Duration v) {
      requestTimeout = v;
      return this;
    }

    public Builder maxInFlight(int v) {
      maxInFlight = v;
      return this;
    }

    public Builder adminEmail(String v) {
      adminEmail = v;
      return this;
    }

    public Builder adminPassword(String v) {
      adminPassword = v;
      return this;
    }

    public LoadOptions build() {
      Path dir =
          reportDir != null
              ? reportDir
              : Path.of(
                  "var",
                  "loadgen",
                  LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
      return new LoadOptions(
          scenario,
          rate,
          concurrency,
          duration,
          warmup,
          ramp,
          dir,
          host,
          usersPort,
          productsPort,
          ordersPort,
          streamPort,
          customers,
          products,
          stock,
          maxLines,
          cancelRatio,
          terminalTimeout,
          requestTimeout,
          maxInFlight,
          adminEmail,
          adminPassword);
    }
  }
}
