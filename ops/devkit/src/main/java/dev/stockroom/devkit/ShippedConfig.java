package dev.stockroom.devkit;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.validation.BaseValidator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;

/**
 * Loads a service's YAML file under the repository's {@code config/} the way the application does
 * at startup: the same factory (unknown keys fail), the same validation, {@code ${VAR}} and {@code
 * ${VAR:-default}} substituted, and a variable without a default that is not given failing as it
 * does in production. A setting removed from the code but left in a file, or a typo in an
 * environment's file, otherwise shows up only when someone starts that environment.
 */
public final class ShippedConfig {
  /** The environments every service ships a file for. */
  public static final List<String> ENVIRONMENTS = List.of("local", "bench", "production");

  private ShippedConfig() {}

  /**
   * @param environment a directory under {@code config/}, one of {@link #ENVIRONMENTS}
   * @param service the file's name without {@code .yml}
   * @param variables the environment a deployment would set
   */
  public static <C> C load(
      Class<C> type, String environment, String service, Map<String, String> variables)
      throws IOException, ConfigurationException {
    StringSubstitutor substitutor = new StringSubstitutor(variables);
    substitutor.setValueDelimiter(":-");
    substitutor.setEnableUndefinedVariableException(true);
    return new DefaultConfigurationFactoryFactory<C>()
        .create(type, BaseValidator.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(
            new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor),
            // Tests run in their module's directory, one level below the repository root.
            "../config/" + environment + "/" + service + ".yml");
  }
}
