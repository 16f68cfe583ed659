package dev.stockroom.platform.web;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Environment;

/** A minimal service wired the way Stockroom services wire the platform in {@code run()}. */
public class TestApplication extends Application<TestConfiguration> {
  public static final String KNOWN_COUNTER = "stockroom.test.calls";

  @Override
  public void run(TestConfiguration configuration, Environment environment) {
    if (configuration.isKeepDropwizardMappers()) {
      configuration.getApi().build(environment);
    } else {
      configuration.getApi().build(environment, configuration.getServerFactory());
    }
    configuration.getAuth().build(environment);
    environment
        .jersey()
        .register(
            new TestResource(
                configuration.getRateLimit().build(),
                environment.metrics().counter(KNOWN_COUNTER)));
  }
}
