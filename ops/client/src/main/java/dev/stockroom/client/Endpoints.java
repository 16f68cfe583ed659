package dev.stockroom.client;

import java.net.URI;
import java.util.Objects;

/**
 * Where each public API listens: user-service, product-service, order-service and the stream
 * processor's views. Each URI is a base such as {@code http://127.0.0.1:8081}; the client appends
 * the {@code /api/v1/...} paths.
 */
public record Endpoints(URI users, URI products, URI orders, URI stream) {
  public Endpoints {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(products, "products");
    Objects.requireNonNull(orders, "orders");
    Objects.requireNonNull(stream, "stream");
  }

  /** The local stack's default ports (ops/bin/stack up): 8081 to 8084 on localhost. */
  public static Endpoints local() {
    return of("localhost", 8081, 8082, 8083, 8084);
  }

  public static Endpoints of(
      String host, int usersPort, int productsPort, int ordersPort, int streamPort) {
    return new Endpoints(
        base(host, usersPort),
        base(host, productsPort),
        base(host, ordersPort),
        base(host, streamPort));
  }

  private static URI base(String host, int port) {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    // An IPv6 literal needs brackets in a URI, or its colons read as a port separator.
    String authority = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    return URI.create("http://" + authority + ":" + port);
  }
}
