package dev.stockroom.user;

import dev.stockroom.platform.auth.JwtAuthFactory;
import dev.stockroom.platform.db.DatabaseFactory;
import dev.stockroom.platform.kafka.KafkaFactory;
import dev.stockroom.platform.outbox.Outbox;
import dev.stockroom.platform.ratelimit.RateLimiter;
import dev.stockroom.user.auth.TokensFactory;
import dev.stockroom.user.cli.CreateAdminCommand;
import dev.stockroom.user.cli.RotateSigningKeyCommand;
import dev.stockroom.user.core.AuthService;
import dev.stockroom.user.core.KeyRing;
import dev.stockroom.user.core.PasswordHasher;
import dev.stockroom.user.core.RefreshTokenStore;
import dev.stockroom.user.core.UserService;
import dev.stockroom.user.core.UserStore;
import dev.stockroom.user.db.ExpiredRefreshTokenSweeper;
import dev.stockroom.user.db.JdbiRefreshTokenStore;
import dev.stockroom.user.db.JdbiUserStore;
import dev.stockroom.user.resources.JwksResource;
import dev.stockroom.user.resources.TokensResource;
import dev.stockroom.user.resources.UsersResource;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.migrations.MigrationsBundle;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * user-service: accounts, credentials, tokens (JWT issuer and JWKS), roles, profiles, and the
 * welcome-e-mail worker. The one place where the service's objects are created and wired.
 */
public class UserServiceApplication extends Application<UserServiceConfiguration> {
  public static void main(String[] args) throws Exception {
    new UserServiceApplication().run(args);
  }

  @Override
  public String getName() {
    return "user-service";
  }

  @Override
  public void initialize(Bootstrap<UserServiceConfiguration> bootstrap) {
    // ${VAR} and ${VAR:-default} in the YAML; an unset variable without default fails startup.
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
    bootstrap.addBundle(
        new MigrationsBundle<>() {
          @Override
          public DatabaseFactory getDataSourceFactory(UserServiceConfiguration configuration) {
            return configuration.getDatabase();
          }
        });
    bootstrap.addCommand(new CreateAdminCommand());
    bootstrap.addCommand(new RotateSigningKeyCommand());
  }

  @Override
  public void run(UserServiceConfiguration configuration, Environment environment) {
    Clock clock = Clock.systemUTC();
    configuration.getApi().build(environment, configuration.getServerFactory());

    Jdbi jdbi = configuration.getDatabase().build(environment, "database");
    KafkaFactory kafka = configuration.getKafka();
    kafka.build(environment);
    Outbox outbox = configuration.getOutbox().build(environment, jdbi, kafka);

    TokensFactory tokens = configuration.getTokens();
    KeyRing keys = tokens.getKeys().build();
    PasswordHasher hasher = configuration.getPasswords().build();
    RateLimiter perAccount = configuration.getLoginThrottle().getPerAccount().build();
    RateLimiter perClient = configuration.getLoginThrottle().getPerClient().build();

    UserStore users = new JdbiUserStore(jdbi, outbox);
    RefreshTokenStore refreshTokens = new JdbiRefreshTokenStore(jdbi);
    UserService userService = new UserService(users, hasher, perAccount::consume, clock);
    AuthService authService =
        new AuthService(
            users,
            refreshTokens,
            hasher,
            tokens.buildIssuer(keys, clock),
            perAccount::consume,
            perClient::consume,
            tokens.getRefreshTokenTtl().toJavaDuration(),
            clock);

    // The issuer verifies its own tokens with its own key ring: no HTTP call to itself.
    JwtAuthFactory auth = new JwtAuthFactory();
    auth.setIssuer(tokens.getIssuer());
    auth.setAudience(tokens.getAudience());
    auth.build(environment, keys::find);

    environment.jersey().register(new UsersResource(userService));
    environment.jersey().register(new TokensResource(authService));
    environment.jersey().register(new JwksResource(keys));

    configuration.getWelcomeMail().build(environment, jdbi, kafka);

    ScheduledExecutorService sweeper =
        environment
            .lifecycle()
            .scheduledExecutorService("refresh-token-sweeper")
            .threads(1)
            .build();
    sweeper.scheduleWithFixedDelay(
        new ExpiredRefreshTokenSweeper(jdbi, Duration.ofDays(1), clock), 1, 60, TimeUnit.MINUTES);
  }
}
