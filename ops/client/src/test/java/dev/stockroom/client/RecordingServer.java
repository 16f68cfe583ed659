package dev.stockroom.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An in-JVM HTTP server on 127.0.0.1 that answers with recorded JSON bodies (shaped like the real
 * services' answers, under {@code fixtures/}) and records every request it gets.
 */
final class RecordingServer implements AutoCloseable {
  /** A request as it arrived. */
  record Recorded(String method, String path, String query, Headers headers, String body) {
    String header(String name) {
      return headers.getFirst(name);
    }
  }

  /** One canned answer; {@code delay} holds it back (to provoke client timeouts). */
  record Reply(int status, Map<String, String> headers, String body, Duration delay) {
    static Reply json(int status, String fixture) {
      return new Reply(status, Map.of("Content-Type", "application/json"), fixture(fixture), null);
    }

    static Reply problem(int status, String fixture) {
      return new Reply(
          status, Map.of("Content-Type", "application/problem+json"), fixture(fixture), null);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> more = new HashMap<>(headers);
      more.put(name, value);
      return new Reply(status, Map.copyOf(more), body, delay);
    }

    Reply delayed(Duration by) {
      return new Reply(status, headers, body, by);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Map<String, Deque<Reply>> routes = new ConcurrentHashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();

  private RecordingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static RecordingServer start() {
    try {
      return new RecordingServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fixture(String name) {
    try (InputStream in = RecordingServer.class.getResourceAsStream("/fixtures/" + name)) {
      Objects.requireNonNull(in, "no fixture " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers {@code method path} with the replies in turn; the last one repeats. */
  RecordingServer on(String method, String path, Reply... replies) {
    routes.put(method + " " + path, new ArrayDeque<>(List.of(replies)));
    return this;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every API on this one server: the paths never overlap. */
  Endpoints endpoints() {
    return new Endpoints(uri(), uri(), uri(), uri());
  }

  List<Recorded> requests() {
    return new ArrayList<>(requests);
  }

  Recorded last() {
    return requests.get(requests.size() - 1);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      URI uri = exchange.getRequestURI();
      requests.add(
          new Recorded(
              exchange.getRequestMethod(),
              uri.getRawPath(),
              uri.getRawQuery(),
              exchange.getRequestHeaders(),
              body));
      Reply reply = next(exchange.getRequestMethod() + " " + uri.getRawPath());
      if (reply == null) {
        send(exchange, 404, Map.of("Content-Type", "text/plain"), "no route in this test");
        return;
      }
      if (reply.delay() != null) {
        try {
          closing.await(reply.delay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      send(exchange, reply.status(), reply.headers(), reply.body());
    }
  }

  private Reply next(String route) {
    Deque<Reply> replies = routes.get(route);
    if (replies == null) {
      return null;
    }
    synchronized (replies) {
      return replies.size() > 1 ? replies.poll() : replies.peek();
    }
  }

  private static void send(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
