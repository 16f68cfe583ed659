package dev.stockroom.devkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 (free port) serving {@code /.well-known/jwks.json} for one or
 * more {@link TestTokens}, as the user-service does, so a verifier's JWKS fetching, caching and
 * refresh can be tested over the wire.
 *
 * <p>{@link #serve} swaps the published keys (key rotation), {@link #failWith} makes every request
 * fail (to check that a verifier fails closed), and {@link #requestCount()} shows how often the
 * verifier actually fetched.
 */
public final class JwksServer implements AutoCloseable {

  /** Path of the JWKS document. */
  public static final String PATH = "/.well-known/jwks.json";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2, JwksServer::daemon);
  private final AtomicInteger requests = new AtomicInteger();
  private volatile String body;
  private volatile int failureStatus;

  /** Starts serving the keys of {@code tokens}. */
  public JwksServer(TestTokens... tokens) {
    serve(tokens);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("Cannot start the JWKS server", e);
    }
    server.createContext(PATH, this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Same as {@code new JwksServer(tokens)}. */
  public static JwksServer start(TestTokens... tokens) {
    return new JwksServer(tokens);
  }

  /** The full URL of the JWKS document, {@code http://127.0.0.1:<port>/.well-known/jwks.json}. */
  public String url() {
    InetSocketAddress address = server.getAddress();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + PATH;
  }

  /** How many requests reached {@link #PATH} so far, failed ones included. */
  public int requestCount() {
    return requests.get();
  }

  /** From now on, serves the keys of {@code tokens} (and stops failing). */
  public void serve(TestTokens... tokens) {
    this.body = TestTokens.jwksJson(List.of(tokens));
    this.failureStatus = 0;
  }

  /** From now on, answers every request with {@code status} and no keys, until {@link #serve}. */
  public void failWith(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("Not an error status: " + status);
    }
    this.failureStatus = status;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      int failure = failureStatus;
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "GET");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      if (failure != 0) {
        exchange.sendResponseHeaders(failure, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "jwks-server");
    thread.setDaemon(true);
    return thread;
  }
}
