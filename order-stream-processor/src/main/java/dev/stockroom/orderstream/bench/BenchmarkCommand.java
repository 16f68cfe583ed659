package dev.stockroom.orderstream.bench;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code java -jar order-stream-processor.jar benchmark [--bootstrap-servers localhost:9092]
 * [--orders 20000] ...}: throughput of the topology under exactly_once_v2 and at_least_once, and
 * their ratio. See {@link Benchmark}.
 */
public class BenchmarkCommand extends Command {
  public BenchmarkCommand() {
    super("benchmark", "Measure orders/s and lines/s under exactly_once_v2 and at_least_once");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("--bootstrap-servers").setDefault("localhost:9092");
    subparser.addArgument("--orders").type(Integer.class).setDefault(20_000);
    subparser
        .addArgument("--warmup-orders")
        .type(Integer.class)
        .setDefault(10_000)
        .help("orders per guarantee in an unreported warm-up pass (0 to skip)");
    subparser
        .addArgument("--rounds")
        .type(Integer.class)
        .setDefault(3)
        .help("measured runs of each guarantee, alternating which goes first");
    subparser.addArgument("--products").type(Integer.class).setDefault(50);
    subparser.addArgument("--max-lines").type(Integer.class).setDefault(3);
    subparser.addArgument("--partitions").type(Integer.class).setDefault(3);
    subparser.addArgument("--replication-factor").type(Short.class).setDefault((short) 1);
    subparser.addArgument("--commit-interval-ms").type(Long.class).setDefault(100L);
    subparser
        .addArgument("--set")
        .action(Arguments.append())
        .setDefault(new ArrayList<String>())
        .metavar("KEY=VALUE")
        .help("any other StreamsConfig setting, for both guarantees (repeatable)");
    subparser.addArgument("--timeout-seconds").type(Long.class).setDefault(600L);
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    Benchmark benchmark =
        new Benchmark(
            new Benchmark.Settings(
                namespace.getString("bootstrap_servers"),
                namespace.getInt("orders"),
                namespace.getInt("warmup_orders"),
                namespace.getInt("rounds"),
                namespace.getInt("products"),
                namespace.getInt("max_lines"),
                namespace.getInt("partitions"),
                namespace.<Short>get("replication_factor"),
                Duration.ofMillis(namespace.getLong("commit_interval_ms")),
                streamsProperties(namespace.getList("set")),
                Duration.ofSeconds(namespace.getLong("timeout_seconds"))));
    System.out.print(Benchmark.report(benchmark.runAll()));
  }

  private static Map<String, String> streamsProperties(List<String> settings) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String setting : settings) {
      int eq = setting.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--set takes KEY=VALUE, not '" + setting + "'");
      }
      properties.put(setting.substring(0, eq), setting.substring(eq + 1));
    }
    return properties;
  }
}
