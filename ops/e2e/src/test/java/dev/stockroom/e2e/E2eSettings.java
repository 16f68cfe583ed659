package dev.stockroom.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the harness finds what it starts: the repository root (for {@code config/local}), the
 * packaged jars and the log directory. Failsafe passes them as system properties (see the pom); run
 * from an IDE, the defaults assume the working directory is {@code ops/e2e}.
 *
 * @param repoRoot the repository root
 * @param logDir where each process writes {@code <name>.log}
 * @param jars the runnable jar of each process, by process name
 */
record E2eSettings(Path repoRoot, Path logDir, Map<String, Path> jars) {
  static final String DEVKIT = "devkit";
  static final String USER_SERVICE = "user-service";
  static final String PRODUCT_SERVICE = "product-service";
  static final String ORDER_SERVICE = "order-service";
  static final String ORDER_STREAM_PROCESSOR = "order-stream-processor";

  /** Module directory of each process, relative to the repository root. */
  private static final Map<String, String> MODULES =
      Map.of(
          DEVKIT, "ops/devkit",
          USER_SERVICE, "user-service",
          PRODUCT_SERVICE, "product-service",
          ORDER_SERVICE, "order-service",
          ORDER_STREAM_PROCESSOR, "order-stream-processor");

  /**
   * Reads the settings and checks that every jar and config file exists. A missing jar fails the
   * run (it does not skip it): an end-to-end suite that silently tests nothing is worse than none.
   */
  static E2eSettings fromSystemProperties() {
    Path root = Path.of(System.getProperty("e2e.repoRoot", "../..")).toAbsolutePath().normalize();
    Path logDir =
        Path.of(System.getProperty("e2e.logDir", "target/e2e-logs")).toAbsolutePath().normalize();
    Map<String, Path> jars = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String name :
        List.of(DEVKIT, USER_SERVICE, PRODUCT_SERVICE, ORDER_SERVICE, ORDER_STREAM_PROCESSOR)) {
      String module = MODULES.get(name);
      Path jar =
          Path.of(
                  System.getProperty(
                      "e2e.jar." + name,
                      root.resolve(module).resolve("target").resolve(name + ".jar").toString()))
              .toAbsolutePath()
              .normalize();
      jars.put(name, jar);
      if (!Files.isRegularFile(jar)) {
        missing.add(jar + " (build it: ./mvnw -B -pl " + module + " -am package -DskipTests)");
      }
      if (!name.equals(DEVKIT)) {
        Path config = root.resolve("config/local").resolve(name + ".yml");
        if (!Files.isRegularFile(config)) {
          missing.add(config.toString());
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "the end-to-end tests need these files, which are missing:\n  "
              + String.join("\n  ", missing));
    }
    return new E2eSettings(root, logDir, Map.copyOf(jars));
  }

  Path jar(String name) {
    return jars.get(name);
  }

  Path localConfig(String service) {
    return repoRoot.resolve("config/local").resolve(service + ".yml");
  }
}
