package dev.stockroom.loadgen;

import dev.stockroom.client.ApiException;
import dev.stockroom.loadgen.demo.Demo;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The jar's entry point: {@code run [options]} (also when the first argument is an option) and
 * {@code demo [options]}. Exit codes: 0 ok, 1 the check failed or the run could not be done, 2 a
 * usage error.
 */
public final class LoadgenMain {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private LoadgenMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** The whole command line, with its streams and environment passed in (for tests). */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    List<String> all = Arrays.asList(args);
    boolean implicitRun = all.isEmpty() || all.get(0).startsWith("-");
    String command = implicitRun ? "run" : all.get(0);
    List<String> rest = implicitRun ? all : all.subList(1, all.size());
    switch (command) {
      case "run":
        return runLoad(rest, out, err, env);
      case "demo":
        return Demo.run(rest.toArray(new String[0]), out);
      case "help":
        out.print(LoadOptions.USAGE);
        return OK;
      default:
        err.println("loadgen: unknown command '" + command + "'");
        err.print(LoadOptions.USAGE);
        return USAGE;
    }
  }

  private static int runLoad(
      List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(LoadOptions.USAGE);
      return OK;
    }
    LoadOptions options;
    try {
      options = LoadOptions.parse(args, env);
    } catch (UsageException e) {
      err.println("loadgen: " + e.getMessage());
      err.print(LoadOptions.USAGE);
      return USAGE;
    }
    try {
      return LoadGenerator.run(options, out).exitCode();
    } catch (LoadgenException | ApiException e) {
      err.println("loadgen: " + e.getMessage());
      return FAILED;
    }
  }
}
