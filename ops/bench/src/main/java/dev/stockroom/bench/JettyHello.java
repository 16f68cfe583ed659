package dev.stockroom.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP floor: a bare Jetty 12 {@link Server} with one core handler answering {@code GET /hello}
 * with {@code hello}. No servlets, JAX-RS, metrics or logging, so its throughput is what this JVM
 * and machine can serve at all; every service is measured against it.
 */
public final class JettyHello {
  static final String BODY = "hello";

  private JettyHello() {}

  /**
   * Starts the server on 127.0.0.1 (only local targets are benchmarked).
   *
   * @param port the port, or 0 for a free one ({@link #port(Server)} tells which)
   */
  public static Server start(int port) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new HelloHandler());
    server.start();
    return server;
  }

  /** The port the server's connector is bound to. */
  public static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** Answers {@code GET /hello} without blocking; anything else is 404. */
  static final class HelloHandler extends Handler.Abstract.NonBlocking {
    // Read-only and shared: each response writes a slice, so no bytes are copied per request.
    private static final ByteBuffer HELLO =
        BufferUtil.toBuffer(BODY, StandardCharsets.UTF_8).asReadOnlyBuffer();

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      if (!"/hello".equals(Request.getPathInContext(request))) {
        Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        return true;
      }
      response.setStatus(HttpStatus.OK_200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
      response.write(true, HELLO.slice(), callback);
      return true;
    }
  }
}
