package dev.stockroom.bench;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The framework floor: the smallest Dropwizard application, one {@code GET /hello} resource, run
 * with {@code server ops/bench/config/dropwizard-hello.yml}. Compared with {@link JettyHello} it
 * shows what Dropwizard's Jersey, Jackson and metrics layers cost before any of our code runs.
 */
public final class DropwizardHello extends Application<Configuration> {
  @Override
  public String getName() {
    return "dropwizard-hello";
  }

  @Override
  public void run(Configuration configuration, Environment environment) {
    environment.jersey().register(new HelloResource());
    // Without any check Dropwizard warns at every start; this one says the process is up.
    environment
        .healthChecks()
        .register(
            "alive",
            new HealthCheck() {
              @Override
              protected Result check() {
                return Result.healthy();
              }
            });
  }

  /** The one resource: a constant text answer, so only the framework's own work is measured. */
  @Path("/hello")
  public static final class HelloResource {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
      return JettyHello.BODY;
    }
  }
}
