package dev.stockroom.devkit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command line entry point of {@code devkit.jar}: runs the devkit Kafka broker as its own process.
 *
 * <pre>
 * java -jar ops/devkit/target/devkit.jar kafka --data var/kafka --port 9092 [--controller-port 9093]
 * </pre>
 *
 * <p>Standard output gets exactly one line once the broker accepts clients ({@code Kafka broker
 * ready at 127.0.0.1:9092 ...}) and one when it has stopped; logs go to standard error. SIGTERM or
 * Ctrl-C shuts the broker down cleanly; the data directory keeps every topic for the next start.
 * Bad arguments print the usage to standard error and exit with status 2; a broker that cannot
 * start (port taken, directory locked by another broker) exits with status 1.
 */
public final class DevkitMain {
  private static final Logger LOG = LoggerFactory.getLogger(DevkitMain.class);

  static final String USAGE =
      """
      Usage: devkit kafka --data DIR --port PORT [--controller-port PORT]

        Runs a single-node Kafka broker (KRaft, broker and controller in one process)
        on 127.0.0.1 until SIGTERM or Ctrl-C.

        --data DIR              log directory; formatted on first use, reused afterwards
        --port PORT             client port (0 picks a free one, shown in the ready line)
        --controller-port PORT  KRaft controller port (default: a free port)
      """;

  private DevkitMain() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the command in {@code args}. For {@code kafka} this returns only after the broker has
   * stopped (in practice the JVM ends in the shutdown hook first).
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    KafkaCommand command;
    try {
      command = KafkaCommand.parse(Arrays.asList(args));
    } catch (UsageException e) {
      if (e.getMessage() == null) {
        out.print(USAGE);
        return 0;
      }
      err.println("devkit: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    return runKafka(command, out, err);
  }

  private static int runKafka(KafkaCommand command, PrintStream out, PrintStream err) {
    KafkaBroker broker;
    try {
      broker = KafkaBroker.start(command.data(), command.port(), command.controllerPort());
    } catch (RuntimeException e) {
      err.println("devkit: cannot start Kafka: " + rootMessage(e));
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    broker.close();
                    out.println("Kafka broker stopped");
                    out.flush();
                  } catch (RuntimeException e) {
                    LOG.error("Kafka did not stop cleanly: {}", rootMessage(e), e);
                  } finally {
                    stopped.countDown();
                  }
                },
                "devkit-shutdown"));
    out.println(
        "Kafka broker ready at "
            + broker.bootstrapServers()
            + " (controller 127.0.0.1:"
            + broker.controllerPort()
            + ", data "
            + broker.dataDir()
            + ")");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static String rootMessage(Throwable error) {
    StringBuilder message = new StringBuilder(String.valueOf(error.getMessage()));
    Throwable cause = error.getCause();
    while (cause != null) {
      message.append(": ").append(cause.getMessage());
      cause = cause.getCause();
    }
    return message.toString();
  }

  /** The parsed {@code kafka} command line. */
  record KafkaCommand(Path data, int port, int controllerPort) {

    static KafkaCommand parse(List<String> args) {
      if (args.isEmpty()) {
        throw new UsageException("missing command; the only command is 'kafka'");
      }
      if (args.contains("--help") || args.contains("-h")) {
        throw new UsageException(null);
      }
      if (!args.get(0).equals("kafka")) {
        throw new UsageException(
            "unknown command '" + args.get(0) + "'; the only command is 'kafka'");
      }
      Path data = null;
      Integer port = null;
      int controllerPort = 0;
      List<String> rest = new ArrayList<>(args.subList(1, args.size()));
      while (!rest.isEmpty()) {
        String option = rest.remove(0);
        String value;
        int equals = option.indexOf('=');
        if (option.startsWith("--") && equals > 0) {
          value = option.substring(equals + 1);
          option = option.substring(0, equals);
        } else if (rest.isEmpty()) {
          throw new UsageException(
              option.startsWith("--")
                  ? "option " + option + " needs a value"
                  : "unexpected argument '" + option + "'");
        } else {
          value = rest.remove(0);
        }
        switch (option) {
          case "--data" -> data = dataDir(value);
          case "--port" -> port = port(option, value);
          case "--controller-port" -> controllerPort = port(option, value);
          default -> throw new UsageException("unknown option '" + option + "'");
        }
      }
      if (data == null) {
        throw new UsageException("--data is required");
      }
      if (port == null) {
        throw new UsageException("--port is required");
      }
      if (port != 0 && port == controllerPort) {
        throw new UsageException("--port and --controller-port must differ");
      }
      return new KafkaCommand(data, port, controllerPort);
    }

    private static Path dataDir(String value) {
      if (value.isBlank()) {
        throw new UsageException("--data needs a directory");
      }
      return Path.of(value);
    }

    private static int port(String option, String value) {
      int port;
      try {
        port = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new UsageException(option + " must be a number, not '" + value + "'");
      }
      if (port < 0 || port > 65535) {
        throw new UsageException(option + " must be between 0 and 65535, not " + port);
      }
      return port;
    }
  }

  /** A command line that cannot be run; a {@code null} message asks for the usage text. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
