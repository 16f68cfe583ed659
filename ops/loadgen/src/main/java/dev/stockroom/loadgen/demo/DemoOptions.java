package dev.stockroom.loadgen.demo;

import dev.stockroom.client.Endpoints;
import java.util.List;
import java.util.Map;

/**
 * What {@code loadgen demo} was asked to do: where the stack listens and the admin to log in as.
 * The admin's credentials come from {@code STOCKROOM_ADMIN_EMAIL} / {@code
 * STOCKROOM_ADMIN_PASSWORD} (what {@code ops/bin/stack demo} sets) unless the command line names
 * them.
 */
record DemoOptions(
    String host,
    int usersPort,
    int productsPort,
    int ordersPort,
    int streamPort,
    String adminEmail,
    String adminPassword,
    boolean help) {
  static final String ADMIN_EMAIL_ENV = "STOCKROOM_ADMIN_EMAIL";
  static final String ADMIN_PASSWORD_ENV = "STOCKROOM_ADMIN_PASSWORD";
  static final String DEFAULT_ADMIN_EMAIL = "admin@example.com";
  static final String DEFAULT_ADMIN_PASSWORD = "an admin password!";

  static final String USAGE =
      """
      usage: loadgen demo [options]   walk through the main flow against a running stack

        --host H             localhost or 127.0.0.0/8 only [127.0.0.1] (also --base-host)
        --users-port P       user-service [8081]
        --products-port P    product-service [8082]
        --orders-port P      order-service [8083]
        --stream-port P      order-stream-processor [8084]
        --admin-email E      [$STOCKROOM_ADMIN_EMAIL, else admin@example.com]
        --admin-password W   [$STOCKROOM_ADMIN_PASSWORD, else the local default]
        --help               this text

      Exit code: 0 every step behaved as described, 1 a step did not, 2 usage error.
      """;

  Endpoints endpoints() {
    return Endpoints.of(host, usersPort, productsPort, ordersPort, streamPort);
  }

  /**
   * @param env the environment to take the admin's credentials from ({@link System#getenv()})
   * @throws DemoUsageException for an unknown option, a missing or bad value, or a host that is not
   *     this machine
   */
  static DemoOptions parse(List<String> args, Map<String, String> env) {
    String host = "127.0.0.1";
    int users = 8081;
    int products = 8082;
    int orders = 8083;
    int stream = 8084;
    String email = env.getOrDefault(ADMIN_EMAIL_ENV, DEFAULT_ADMIN_EMAIL);
    String password = env.getOrDefault(ADMIN_PASSWORD_ENV, DEFAULT_ADMIN_PASSWORD);
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i);
      if (name.equals("--help") || name.equals("-h")) {
        return new DemoOptions(host, users, products, orders, stream, email, password, true);
      }
      // Both "--name value" and "--name=value".
      String value;
      int equals = name.indexOf('=');
      if (name.startsWith("--") && equals > 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new DemoUsageException(
            name.startsWith("--") ? name + " needs a value" : "unexpected argument '" + name + "'");
      }
      switch (name) {
        case "--host", "--base-host" -> host = value;
        case "--users-port" -> users = port(name, value);
        case "--products-port" -> products = port(name, value);
        case "--orders-port" -> orders = port(name, value);
        case "--stream-port" -> stream = port(name, value);
        case "--admin-email" -> email = value;
        case "--admin-password" -> password = value;
        default -> throw new DemoUsageException("unknown option " + name);
      }
    }
    if (!LoopbackHost.isLoopback(host)) {
      throw new DemoUsageException(
          "--host must be localhost or an address in 127.0.0.0/8, not '" + host + "'");
    }
    if (email.isBlank() || password.isEmpty()) {
      throw new DemoUsageException("the admin's e-mail and password must not be empty");
    }
    return new DemoOptions(host, users, products, orders, stream, email, password, false);
  }

  private static int port(String option, String value) {
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below, with the option's name
    }
    throw new DemoUsageException(option + " must be a port (1-65535), not '" + value + "'");
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "DemoOptions[host=" + host + ", adminEmail=" + adminEmail + "]";
  }
}
