package dev.stockroom.user;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Runs the service's command line in-process, as {@code java -jar user-service.jar ...} would. */
public final class Commands {
  private Commands() {}

  /** What a command printed and whether it failed. */
  public record Result(boolean success, String stdout, String stderr) {}

  public static synchronized Result run(String stdin, String... args) {
    InputStream originalIn = System.in;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      UserServiceApplication application = new UserServiceApplication();
      Bootstrap<UserServiceConfiguration> bootstrap = new Bootstrap<>(application);
      application.initialize(bootstrap);
      Cli cli =
          new Cli(
              new JarLocation(UserServiceApplication.class),
              bootstrap,
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      Optional<Throwable> failure = cli.run(args);
      return new Result(
          failure.isEmpty(),
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      System.setIn(originalIn);
      System.setOut(originalOut);
    }
  }
}
