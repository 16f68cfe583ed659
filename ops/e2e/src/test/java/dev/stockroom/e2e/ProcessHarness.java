package dev.stockroom.e2e;

import dev.stockroom.client.Endpoints;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole system the way {@code ops/bin/stack up} does, but on free ports with its data in a
 * temporary directory: the devkit Kafka broker and the four services as separate JVMs from their
 * packaged jars, each with {@code config/local/<service>.yml} plus Dropwizard {@code -Ddw.}
 * overrides. Then it makes the admin account with user-service's {@code create-admin} command.
 *
 * <p>{@link #close()} stops everything (SIGTERM, then SIGKILL after a grace period); a JVM shutdown
 * hook does the same if the test JVM ends without closing it, so no process outlives the run.
 */
final class ProcessHarness implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessHarness.class);

  static final String ADMIN_EMAIL = "admin@example.com";
  static final String ADMIN_PASSWORD = "an admin password!";

  /**
   * How long a confirmed order may wait for payment (the stream processor's {@code
   * streams.reservationTtl}, 15 minutes by default; order-service's sweep then expires it within
   * {@code orders.expiryScanInterval}, 1 s). Short, so the expiry test waits seconds; long enough
   * that no other test's order expires before it is paid, with a wide margin for a loaded machine:
   * the demo pays its first order only after three more steps (about 3 s here), and the load
   * generator pays right after confirmation.
   */
  static final Duration RESERVATION_TTL = Duration.ofSeconds(15);

  /** The same options for every child JVM: small heaps and a quick JIT start fast on 2 cores. */
  private static final List<String> JVM_OPTIONS =
      List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private static final Duration BROKER_START = Duration.ofSeconds(90);
  private static final Duration SERVICE_START = Duration.ofSeconds(150);
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);
  private static final Pattern BROKER_READY =
      Pattern.compile("Kafka broker ready at (127\\.0\\.0\\.1:\\d+)");
  private static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";

  private final E2eSettings settings;
  private final Path workDir;
  private final List<ChildProcess> processes = new ArrayList<>();
  private final Map<String, Ports> ports = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final Thread shutdownHook = new Thread(this::killAll, "e2e-process-reaper");
  private String bootstrapServers;
  private boolean closed;

  /** The API and admin port of one service. */
  record Ports(int api, int admin) {}

  private ProcessHarness(E2eSettings settings, Path workDir) {
    this.settings = settings;
    this.workDir = workDir;
  }

  /**
   * Starts everything and returns once every admin {@code /healthcheck} answers 200 and the admin
   * account exists. On any failure it stops what it started and throws, with the tail of the logs
   * in the message.
   */
  static ProcessHarness start(E2eSettings settings) {
    Path workDir;
    try {
      Files.createDirectories(settings.logDir());
      try (Stream<Path> old = Files.list(settings.logDir())) {
        for (Path log : old.filter(p -> p.toString().endsWith(".log")).toList()) {
          Files.delete(log);
        }
      }
      workDir = Files.createTempDirectory("stockroom-e2e-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProcessHarness harness = new ProcessHarness(settings, workDir);
    Runtime.getRuntime().addShutdownHook(harness.shutdownHook);
    try {
      harness.startAll();
      return harness;
    } catch (RuntimeException | Error e) {
      String tails = harness.logTails(60);
      harness.close();
      throw new IllegalStateException(
          "the system did not start: " + e.getMessage() + "\n" + tails, e);
    }
  }

  private void startAll() {
    long started = System.nanoTime();
    // Every port, the broker's too, from one batch held open together, so no two of them are the
    // same: a broker left to pick its own controller port once took a service's admin port.
    List<Integer> free = freePorts(10);
    ports.put(E2eSettings.USER_SERVICE, new Ports(free.get(0), free.get(1)));
    ports.put(E2eSettings.PRODUCT_SERVICE, new Ports(free.get(2), free.get(3)));
    ports.put(E2eSettings.ORDER_SERVICE, new Ports(free.get(4), free.get(5)));
    ports.put(E2eSettings.ORDER_STREAM_PROCESSOR, new Ports(free.get(6), free.get(7)));

    bootstrapServers = startBroker(free.get(8), free.get(9));
    progress("kafka ready at %s", bootstrapServers);

    // The services do not need each other to start (JWKS is fetched on the first token), so they
    // start side by side: on two cores that overlaps their I/O and class loading.
    Map<String, ChildProcess> services = new LinkedHashMap<>();
    for (String service : ports.keySet()) {
      services.put(service, startService(service));
    }
    awaitHealthy(services.get(E2eSettings.USER_SERVICE));
    createAdmin();
    for (ChildProcess service : services.values()) {
      if (!service.name().equals(E2eSettings.USER_SERVICE)) {
        awaitHealthy(service);
      }
    }
    progress(
        "all processes healthy after %d s (logs in %s)",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), settings.logDir());
  }

  private String startBroker(int port, int controllerPort) {
    ChildProcess broker =
        launch(
            "kafka",
            command(
                settings.jar(E2eSettings.DEVKIT),
                List.of(),
                List.of(
                    "kafka",
                    "--data",
                    workDir.resolve("kafka").toString(),
                    "--port",
                    String.valueOf(port),
                    "--controller-port",
                    String.valueOf(controllerPort))));
    long deadline = System.nanoTime() + BROKER_START.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher ready = BROKER_READY.matcher(broker.output());
      if (ready.find()) {
        return ready.group(1);
      }
      if (!broker.isAlive()) {
        throw new IllegalStateException(
            "the Kafka broker exited with status " + broker.process().exitValue());
      }
      pause(Duration.ofMillis(200));
    }
    throw new IllegalStateException("the Kafka broker was not ready within " + BROKER_START);
  }

  private ChildProcess startService(String service) {
    return launch(
        service,
        command(
            settings.jar(service),
            overrides(service),
            List.of("server", settings.localConfig(service).toString())));
  }

  /**
   * The {@code -Ddw.} overrides that move a service from the local config's fixed ports and {@code
   * var/} paths to this run's ports and temporary directory.
   */
  private List<String> overrides(String service) {
    Ports own = ports.get(service);
    Map<String, String> dw = new LinkedHashMap<>();
    dw.put("server.applicationConnectors[0].port", Integer.toString(own.api()));
    dw.put("server.applicationConnectors[0].bindHost", "127.0.0.1");
    dw.put("server.adminConnectors[0].port", Integer.toString(own.admin()));
    dw.put("server.adminConnectors[0].bindHost", "127.0.0.1");
    dw.put("kafka.bootstrapServers", bootstrapServers);
    String jwks =
        "http://127.0.0.1:" + ports.get(E2eSettings.USER_SERVICE).api() + "/.well-known/jwks.json";
    switch (service) {
      case E2eSettings.USER_SERVICE -> {
        dw.put("database.url", h2Url(service));
        dw.put("tokens.keys.directory", workDir.resolve("keys").toString());
        dw.put("welcomeMail.mail.directory", workDir.resolve("mail").toString());
      }
      case E2eSettings.PRODUCT_SERVICE, E2eSettings.ORDER_SERVICE -> {
        dw.put("database.url", h2Url(service));
        dw.put("auth.jwksUrl", jwks);
      }
      case E2eSettings.ORDER_STREAM_PROCESSOR -> {
        dw.put("auth.jwksUrl", jwks);
        dw.put("streams.stateDir", workDir.resolve("streams-state").toString());
        dw.put("streams.applicationServer", "127.0.0.1:" + own.api());
        dw.put("streams.reservationTtl", RESERVATION_TTL.toMillis() + "ms");
        // A clean stop at the end of the run should not hold the build for the default 30 s.
        dw.put("streams.closeTimeout", "5s");
      }
      default -> throw new IllegalArgumentException(service);
    }
    List<String> properties = new ArrayList<>();
    dw.forEach((key, value) -> properties.add("-Ddw." + key + "=" + value));
    return properties;
  }

  private String h2Url(String service) {
    return "jdbc:h2:" + workDir.resolve("data").resolve(service) + H2_OPTIONS;
  }

  /**
   * {@code user-service.jar create-admin} with the service's own overrides (so it opens the same
   * database, which H2's AUTO_SERVER shares with the running service); the password goes on
   * standard input, as the command requires.
   */
  private void createAdmin() {
    ChildProcess command =
        launch(
            "create-admin",
            command(
                settings.jar(E2eSettings.USER_SERVICE),
                overrides(E2eSettings.USER_SERVICE),
                List.of(
                    "create-admin",
                    "--email",
                    ADMIN_EMAIL,
                    settings.localConfig(E2eSettings.USER_SERVICE).toString())));
    try (OutputStream stdin = command.process().getOutputStream()) {
      stdin.write((ADMIN_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pass the admin password to create-admin", e);
    }
    int status = command.awaitExit(Duration.ofSeconds(90));
    if (status != 0) {
      throw new IllegalStateException(
          "create-admin exited with status " + status + ":\n" + command.output());
    }
    progress("%s", command.output().lines().reduce((a, b) -> b).orElse("admin created"));
  }

  private List<String> command(Path jar, List<String> systemProperties, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.addAll(systemProperties);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(arguments);
    return command;
  }

  private ChildProcess launch(String name, List<String> command) {
    // Relative paths a config might still hold land in the temporary directory, never in var/.
    ChildProcess process =
        ChildProcess.start(name, command, workDir, settings.logDir().resolve(name + ".log"));
    synchronized (processes) {
      processes.add(process);
    }
    return process;
  }

  private void awaitHealthy(ChildProcess service) {
    int admin = ports.get(service.name()).admin();
    URI health = URI.create("http://127.0.0.1:" + admin + "/healthcheck");
    long deadline = System.nanoTime() + SERVICE_START.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!service.isAlive()) {
        throw new IllegalStateException(
            service.name() + " exited with status " + service.process().exitValue());
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          progress("%s healthy", service.name());
          return;
        }
        last = response.statusCode() + " " + response.body();
      } catch (ConnectException | HttpTimeoutException e) {
        last = "not listening yet";
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + service.name(), e);
      }
      pause(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        service.name() + " was not healthy within " + SERVICE_START + "; last answer: " + last);
  }

  /** The public API addresses, for {@code StockroomClient}. */
  Endpoints endpoints() {
    return Endpoints.of(
        "127.0.0.1",
        ports.get(E2eSettings.USER_SERVICE).api(),
        ports.get(E2eSettings.PRODUCT_SERVICE).api(),
        ports.get(E2eSettings.ORDER_SERVICE).api(),
        ports.get(E2eSettings.ORDER_STREAM_PROCESSOR).api());
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  Path logDir() {
    return settings.logDir();
  }

  /** The last {@code lines} lines of every process's log, for a failure report. */
  String logTails(int lines) {
    List<ChildProcess> snapshot;
    synchronized (processes) {
      snapshot = List.copyOf(processes);
    }
    StringBuilder out = new StringBuilder();
    for (ChildProcess process : snapshot) {
      out.append("----- last ")
          .append(lines)
          .append(" lines of ")
          .append(process.log())
          .append(process.isAlive() ? "" : " (exited)")
          .append(" -----\n");
      process.tail(lines).forEach(line -> out.append(line).append('\n'));
    }
    return out.toString();
  }

  /**
   * Stops the services (SIGTERM, side by side, in reverse start order), then the broker, each
   * killed if it does not end within the grace period; deletes the temporary data. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<ChildProcess> services;
    ChildProcess broker = null;
    synchronized (processes) {
      services = new ArrayList<>(processes);
    }
    if (!services.isEmpty() && services.get(0).name().equals("kafka")) {
      broker = services.remove(0);
    }
    Collections.reverse(services);
    services.forEach(ChildProcess::terminate);
    for (ChildProcess service : services) {
      service.awaitExit(STOP_GRACE);
    }
    if (broker != null) {
      broker.terminate();
      broker.awaitExit(STOP_GRACE);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // Called from the hook's own JVM shutdown: nothing to remove.
    }
    deleteRecursively(workDir);
  }

  /** The shutdown hook: kills whatever is still running, without the courtesy of a SIGTERM. */
  private void killAll() {
    synchronized (processes) {
      processes.forEach(ChildProcess::kill);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // Leftovers in the temporary directory are harmless; the next run uses a fresh one.
      progress("could not delete %s: %s", dir, e);
    }
  }

  /**
   * {@code count} distinct free ports, all held open at once so none is handed out twice. Another
   * program could still take one before the service binds it; the service then fails to start and
   * the run fails with its log, which is rare enough on a test machine.
   */
  private static List<Integer> freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        socket.setReuseAddress(true);
        sockets.add(socket);
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    } finally {
      for (ServerSocket socket : sockets) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // Closing a listening socket we own does not fail in practice.
        }
      }
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static void progress(String format, Object... args) {
    LOG.info(String.format(format, args));
  }
}
