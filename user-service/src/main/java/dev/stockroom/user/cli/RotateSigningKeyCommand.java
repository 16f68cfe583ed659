package dev.stockroom.user.cli;

import dev.stockroom.user.UserServiceConfiguration;
import dev.stockroom.user.auth.KeyDirectory;
import dev.stockroom.user.core.KeyRing;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code rotate-signing-key config.yml}: for a key directory ({@code tokens.keys.directory}),
 * retires the active key (kept as the previous key, so its tokens still verify) and generates a new
 * one. Restart the service to start signing with it. With key files, rotation is done by mounting
 * new files, so this command refuses.
 */
public class RotateSigningKeyCommand extends ConfiguredCommand<UserServiceConfiguration> {
  public RotateSigningKeyCommand() {
    super(
        "rotate-signing-key",
        "Generate a new JWT signing key, keeping the old one for verification");
  }

  @Override
  protected void run(
      Bootstrap<UserServiceConfiguration> bootstrap,
      Namespace namespace,
      UserServiceConfiguration configuration)
      throws Exception {
    KeyDirectory directory = configuration.getTokens().getKeys().keyDirectory();
    if (directory == null) {
      throw new IllegalStateException(
          "tokens.keys uses key files: rotate by moving currentKeyFile to previousKeyFile and"
              + " providing a new currentKeyFile");
    }
    KeyRing ring = directory.rotate();
    System.out.printf(
        "New signing key %s; previous key %s still verifies. Restart the service to use it.%n",
        ring.current().kid(), ring.previous().isEmpty() ? "(none)" : ring.previous().get(0).kid());
  }
}
