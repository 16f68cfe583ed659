package dev.stockroom.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.server.Server;

/**
 * Command line entry point of {@code bench.jar}, the helper processes of {@code ops/bin/bench}.
 *
 * <pre>
 * java -jar ops/bench/target/bench.jar jetty-hello --port 18091
 * java -jar ops/bench/target/bench.jar dropwizard-hello server ops/bench/config/dropwizard-hello.yml
 * java -jar ops/bench/target/bench.jar jfr-top FILE [--top 25] [--title TEXT] [--packages a.b,c.d]
 * </pre>
 *
 * Bad arguments print the usage to standard error and exit with status 2.
 */
public final class BenchMain {
  static final String USAGE =
      """
      Usage: bench COMMAND ...

        jetty-hello --port PORT
            bare Jetty 12 answering GET /hello with "hello" on 127.0.0.1:PORT, until SIGTERM
        dropwizard-hello server CONFIG
            the smallest Dropwizard application (GET /hello) with Dropwizard's own commands
        jfr-top FILE [--top N] [--title TEXT] [--packages PREFIX,PREFIX...]
            the hottest frames of a JFR recording's CPU samples, as Markdown (default top 25)
      """;

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs {@code args}; the servers return only once they have stopped. */
  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Command command;
    try {
      command = parse(Arrays.asList(args));
    } catch (UsageException e) {
      err.println("bench: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    if (command instanceof Help) {
      out.print(USAGE);
    } else if (command instanceof JettyHelloCommand jetty) {
      Server server = JettyHello.start(jetty.port());
      server.setStopAtShutdown(true);
      out.println("jetty-hello listening on 127.0.0.1:" + JettyHello.port(server));
      out.flush();
      server.join();
    } else if (command instanceof DropwizardHelloCommand dropwizard) {
      new DropwizardHello().run(dropwizard.arguments().toArray(String[]::new));
    } else if (command instanceof JfrTopCommand jfr) {
      if (!Files.isReadable(jfr.file())) {
        err.println("bench: cannot read " + jfr.file());
        return 1;
      }
      out.print(
          JfrTop.toMarkdown(JfrTop.aggregate(jfr.file(), jfr.top(), jfr.packages()), jfr.title()));
    }
    return 0;
  }

  /** A parsed command line. */
  sealed interface Command permits Help, JettyHelloCommand, DropwizardHelloCommand, JfrTopCommand {}

  record Help() implements Command {}

  record JettyHelloCommand(int port) implements Command {}

  /** Dropwizard parses its own arguments ({@code server CONFIG}, {@code check CONFIG}...). */
  record DropwizardHelloCommand(List<String> arguments) implements Command {}

  record JfrTopCommand(Path file, int top, String title, List<String> packages)
      implements Command {}

  static Command parse(List<String> args) {
    if (args.isEmpty()) {
      throw new UsageException("missing command");
    }
    List<String> rest = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "-h", "--help", "help" -> new Help();
      case "jetty-hello" -> parseJetty(rest);
      case "dropwizard-hello" -> new DropwizardHelloCommand(List.copyOf(rest));
      case "jfr-top" -> parseJfrTop(rest);
      default -> throw new UsageException("unknown command '" + args.get(0) + "'");
    };
  }

  private static JettyHelloCommand parseJetty(List<String> args) {
    if (args.size() != 2 || !args.get(0).equals("--port")) {
      throw new UsageException("jetty-hello takes exactly --port PORT");
    }
    int port = number("--port", args.get(1));
    if (port > 65535) {
      throw new UsageException("--port must be at most 65535, not " + port);
    }
    return new JettyHelloCommand(port);
  }

  private static JfrTopCommand parseJfrTop(List<String> args) {
    Path file = null;
    int top = 25;
    String title = null;
    List<String> packages = JfrTop.DEFAULT_PACKAGES;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        if (file != null) {
          throw new UsageException("jfr-top takes one FILE, got '" + file + "' and '" + arg + "'");
        }
        file = Path.of(arg);
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new UsageException("option " + arg + " needs a value");
      }
      String value = args.get(++i);
      switch (arg) {
        case "--top" -> top = Math.max(1, number(arg, value));
        case "--title" -> title = value;
        case "--packages" ->
            packages =
                Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        default -> throw new UsageException("unknown option '" + arg + "'");
      }
    }
    if (file == null) {
      throw new UsageException("jfr-top needs a FILE");
    }
    if (packages.isEmpty()) {
      throw new UsageException("--packages needs at least one package prefix");
    }
    return new JfrTopCommand(
        file, top, title == null ? file.getFileName().toString() : title, packages);
  }

  private static int number(String option, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n < 0) {
        throw new UsageException(option + " must not be negative, not " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a number, not '" + value + "'");
    }
  }

  /** A command line that cannot be run. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
