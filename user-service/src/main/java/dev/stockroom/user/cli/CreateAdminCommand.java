package dev.stockroom.user.cli;

import dev.stockroom.platform.db.DatabaseFactory;
import dev.stockroom.platform.db.LiquibaseMigrator;
import dev.stockroom.platform.errors.FieldError;
import dev.stockroom.platform.errors.ProblemException;
import dev.stockroom.platform.outbox.Outbox;
import dev.stockroom.user.UserServiceConfiguration;
import dev.stockroom.user.core.AdminBootstrap;
import dev.stockroom.user.core.Throttle;
import dev.stockroom.user.core.UserService;
import dev.stockroom.user.db.JdbiUserStore;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Supplier;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * {@code create-admin --email E config.yml}: makes E an admin. An existing account is promoted (its
 * password is left alone); otherwise an account is created with the password read from the console
 * (asked twice) or, when not interactive, from the first line of standard input. The password never
 * appears on the command line, where {@code ps} and shell history would show it.
 *
 * <p>Works whether or not the service is running: it applies pending migrations, writes through the
 * same store (so {@code UserRegistered}/{@code UserUpdated} go into the outbox), and the service's
 * relay publishes them when it runs.
 */
public class CreateAdminCommand extends ConfiguredCommand<UserServiceConfiguration> {
  public CreateAdminCommand() {
    super("create-admin", "Create an admin account, or promote an existing account to admin");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser
        .addArgument("--email")
        .dest("email")
        .required(true)
        .help("e-mail address of the admin account");
    subparser
        .addArgument("--display-name")
        .dest("displayName")
        .setDefault("Administrator")
        .help("display name if the account is created (default: Administrator)");
  }

  @Override
  protected void run(
      Bootstrap<UserServiceConfiguration> bootstrap,
      Namespace namespace,
      UserServiceConfiguration configuration)
      throws Exception {
    String email = namespace.getString("email");
    DatabaseFactory database = configuration.getDatabase();
    ManagedDataSource dataSource = database.build(bootstrap.getMetricRegistry(), "create-admin");
    dataSource.start();
    try {
      LiquibaseMigrator.migrate(dataSource, database.getMigrationsFile());
      Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
      // No relay here: the rows wait in the outbox until the service's relay publishes them.
      Outbox outbox = new Outbox(Clock.systemUTC(), () -> {});
      UserService users =
          new UserService(
              new JdbiUserStore(jdbi, outbox),
              configuration.getPasswords().build(),
              Throttle.NONE,
              Clock.systemUTC());
      AdminBootstrap result =
          users.bootstrapAdmin(email, namespace.getString("displayName"), passwordReader(email));
      PrintStream out = System.out;
      switch (result.outcome()) {
        case CREATED -> out.printf("Created admin %s (%s)%n", email, result.user().id());
        case PROMOTED -> out.printf("Promoted %s (%s) to admin%n", email, result.user().id());
        case ALREADY_ADMIN ->
            out.printf("%s (%s) is already an admin%n", email, result.user().id());
      }
    } finally {
      dataSource.stop();
    }
  }

  /** Prints what was wrong with the input instead of a stack trace. */
  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    if (e instanceof ProblemException problem) {
      cli.getStdErr().println("create-admin: " + problem.detail());
      for (FieldError error : problem.errors()) {
        cli.getStdErr().println("  " + error.field() + " " + error.message());
      }
    } else {
      super.onError(cli, namespace, e);
    }
  }

  private Supplier<String> passwordReader(String email) {
    return () -> {
      Console console = System.console();
      if (console != null) {
        char[] first = console.readPassword("Password for %s: ", email);
        char[] second = console.readPassword("Repeat the password: ");
        try {
          if (first == null || !Arrays.equals(first, second)) {
            throw new IllegalArgumentException("The passwords do not match.");
          }
          return new String(first);
        } finally {
          Arrays.fill(first == null ? new char[0] : first, ' ');
          Arrays.fill(second == null ? new char[0] : second, ' ');
        }
      }
      try {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
          throw new IllegalArgumentException("No password on standard input.");
        }
        return line;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
