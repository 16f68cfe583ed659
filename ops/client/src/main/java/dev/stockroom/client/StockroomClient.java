package dev.stockroom.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A typed client of Stockroom's public HTTP APIs, for the load generator, the demo, end-to-end
 * tests and benchmarks. It speaks only HTTP/1.1 and JSON, exactly as any outside caller would.
 *
 * <p>Synchronous methods return the answer or throw {@link ApiException} (an HTTP error with its
 * RFC 9457 problem, or a transport failure with status 0). The {@code *Async} methods never throw
 * for either: their future completes with a {@link Timed} holding the value or the error, so a load
 * generator can count errors by {@link ApiException#kind()} without a thread per request.
 *
 * <p>Thread-safe; one instance can serve any number of concurrent callers.
 */
public final class StockroomClient implements AutoCloseable {
  /** The longest {@code ?wait=} order-service and the stream processor accept. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(30);

  /** How often {@link #awaitStatus} re-reads an order once long-polling cannot help. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  /** The stream processor answers at most this many products per batch request. */
  static final int MAX_IDS_PER_REQUEST = 100;

  private static final String JSON = "application/json";

  private final Endpoints endpoints;
  private final Duration requestTimeout;
  private final boolean ownsHttp;
  private final ObjectMapper json;
  private final HttpTransport transport;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * A client with its own HTTP/1.1 {@link HttpClient}.
   *
   * @param requestTimeout how long one request may take (also the connect timeout); long polls get
   *     their wait on top
   */
  public StockroomClient(Endpoints endpoints, Duration requestTimeout) {
    this(endpoints, requestTimeout, exchange -> {});
  }

  /** A client with its own {@link HttpClient} that reports every finished exchange. */
  public StockroomClient(
      Endpoints endpoints, Duration requestTimeout, Consumer<Exchange> exchangeListener) {
    this(endpoints, requestTimeout, defaultHttpClient(requestTimeout), true, exchangeListener);
  }

  /**
   * A client on a caller's {@link HttpClient} (say, one with a larger executor for load); {@link
   * #close()} leaves it open.
   */
  public StockroomClient(Endpoints endpoints, Duration requestTimeout, HttpClient http) {
    this(endpoints, requestTimeout, http, exchange -> {});
  }

  public StockroomClient(
      Endpoints endpoints,
      Duration requestTimeout,
      HttpClient http,
      Consumer<Exchange> exchangeListener) {
    this(endpoints, requestTimeout, http, false, exchangeListener);
  }

  private StockroomClient(
      Endpoints endpoints,
      Duration requestTimeout,
      HttpClient http,
      boolean ownsHttp,
      Consumer<Exchange> exchangeListener) {
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.requestTimeout = positive(requestTimeout, "requestTimeout");
    this.ownsHttp = ownsHttp;
    this.json = Json.mapper();
    this.transport =
        new HttpTransport(
            Objects.requireNonNull(http, "http"),
            json,
            Objects.requireNonNull(exchangeListener, "exchangeListener"));
  }

  /** HTTP/1.1 (what the services and their load balancers speak), no redirects followed. */
  public static HttpClient defaultHttpClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(positive(connectTimeout, "connectTimeout"))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  // ---------------------------------------------------------------- users

  /** {@code POST /api/v1/users} (public): a new customer account. */
  public Account register(String email, String password, String displayName) {
    return transport.send(
        call(
            post(
                endpoints.users(),
                "/api/v1/users",
                null,
                new Wire.CreateUserRequest(email, password, displayName)),
            Account.class));
  }

  /**
   * {@code POST /api/v1/auth/token} (public). Log-ins are throttled (per client address and per
   * account), so log each user in once and keep the session.
   */
  public Session login(String email, String password) {
    Wire.TokenResponse tokens =
        transport.send(
            call(
                post(
                    endpoints.users(),
                    "/api/v1/auth/token",
                    null,
                    new Wire.TokenRequest(email, password)),
                Wire.TokenResponse.class));
    if (tokens.accessToken() == null) {
      throw ApiException.invalidResponse(
          "POST /api/v1/auth/token", 200, null, new IllegalStateException("no accessToken"));
    }
    return new Session(
        tokens.accessToken(), tokens.refreshToken(), Jwt.subject(tokens.accessToken(), json));
  }

  /** {@code GET /api/v1/users/me}: the session's own account. */
  public Account me(Session session) {
    return transport.send(call(get(endpoints.users(), "/api/v1/users/me", session), Account.class));
  }

  // ---------------------------------------------------------------- products

  /** {@code POST /api/v1/products} (admin): an active product. */
  public Product createProduct(
      Session admin, String sku, String name, long priceMinor, String currency) {
    return transport.send(
        call(
            post(
                endpoints.products(),
                "/api/v1/products",
                admin,
                new Wire.CreateProductRequest(sku, name, priceMinor, currency)),
            Product.class));
  }

  /** {@code GET /api/v1/products/{id}} (public). */
  public Product getProduct(UUID id) {
    return transport.send(getProductCall(id));
  }

  public CompletableFuture<Timed<Product>> getProductAsync(UUID id) {
    return transport.sendAsync(getProductCall(id));
  }

  /** {@code GET /api/v1/products?limit=&cursor=} (public), in SKU order. */
  public Page<Product> listProducts(int limit, String cursor) {
    return transport.send(listProductsCall(limit, cursor));
  }

  public CompletableFuture<Timed<Page<Product>>> listProductsAsync(int limit, String cursor) {
    return transport.sendAsync(listProductsCall(limit, cursor));
  }

  /** {@code GET /api/v1/products/{id}/stock} (admin): the on-hand level and its version. */
  public Stock stock(Session admin, UUID productId) {
    return transport.send(call(stockRequest(admin, productId), Stock.class));
  }

  /**
   * Sets the on-hand level: reads the stock's {@code ETag}, then {@code PUT
   * /api/v1/products/{id}/stock} with it as {@code If-Match}. A change by someone else between the
   * two requests answers 412 (thrown): overwriting it blindly is what the precondition prevents.
   */
  public Stock setStock(Session admin, UUID productId, long onHand) {
    String ifMatch =
        transport.send(
            new Call<>(
                stockRequest(admin, productId),
                (status, headers, body) -> {
                  Optional<String> etag = headers.firstValue("ETag");
                  // Without an ETag, the body's version is what the tag would carry.
                  return etag.isPresent() ? etag.get() : quoted(readStock(body).version());
                }));
    HttpRequest put =
        request(endpoints.products(), stockPath(productId), admin, requestTimeout)
            .header("Content-Type", JSON)
            .header("If-Match", ifMatch)
            .PUT(body(new Wire.SetStockRequest(onHand)))
            .build();
    return transport.send(call(put, Stock.class));
  }

  // ---------------------------------------------------------------- orders

  /**
   * {@code POST /api/v1/orders}: the order, PENDING until the stream processor decides. The same
   * {@code idempotencyKey} with the same lines replays the first answer; null sends none.
   */
  public Order placeOrder(Session session, String idempotencyKey, List<Line> lines) {
    return transport.send(placeOrderCall(session, idempotencyKey, lines));
  }

  public CompletableFuture<Timed<Order>> placeOrderAsync(
      Session session, String idempotencyKey, List<Line> lines) {
    return transport.sendAsync(placeOrderCall(session, idempotencyKey, lines));
  }

  /**
   * {@code GET /api/v1/orders/{id}[?wait=s]}: with a positive {@code wait} (whole seconds, at most
   * {@link #MAX_WAIT}) order-service holds the request until the order leaves PENDING.
   */
  public Order getOrder(Session session, UUID id, Duration wait) {
    return transport.send(getOrderCall(session, id, wait));
  }

  public CompletableFuture<Timed<Order>> getOrderAsync(Session session, UUID id, Duration wait) {
    return transport.sendAsync(getOrderCall(session, id, wait));
  }

  /**
   * Follows an order until its status is one of {@code statuses}, it reaches a terminal status
   * (which it never leaves), or {@code timeout} passes, and returns it as last seen: check its
   * status. While PENDING it long-polls; after that (CONFIRMED, waiting for payment, cancel or
   * expiry) order-service answers at once, so it re-reads every {@link #POLL_INTERVAL}.
   */
  public Order awaitStatus(Session session, UUID id, Duration timeout, Set<String> statuses) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Order order = getOrder(session, id, Duration.ZERO);
    while (!statuses.contains(order.status()) && !order.isTerminal()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return order;
      }
      if ("PENDING".equals(order.status())) {
        order = getOrder(session, id, Duration.ofSeconds(Math.max(1, left / 1_000_000_000L)));
      } else {
        sleep(Math.min(POLL_INTERVAL.toNanos(), left), "GET /api/v1/orders/" + id);
        order = getOrder(session, id, Duration.ZERO);
      }
    }
    return order;
  }

  /** {@code POST /api/v1/orders/{id}/cancel}: CANCELLED (again 200 if it already was). */
  public Order cancel(Session session, UUID id) {
    return transport.send(cancelCall(session, id));
  }

  public CompletableFuture<Timed<Order>> cancelAsync(Session session, UUID id) {
    return transport.sendAsync(cancelCall(session, id));
  }

  /**
   * {@code POST /api/v1/orders/{id}/payments} with a sandbox card token ({@code tok_visa} is
   * approved, {@code tok_declined} answers 402). The key is required by the service.
   */
  public Payment pay(Session session, UUID orderId, String idempotencyKey, String cardToken) {
    return transport.send(payCall(session, orderId, idempotencyKey, cardToken));
  }

  public CompletableFuture<Timed<Payment>> payAsync(
      Session session, UUID orderId, String idempotencyKey, String cardToken) {
    return transport.sendAsync(payCall(session, orderId, idempotencyKey, cardToken));
  }

  /** The session's newest orders (first page), optionally only those with {@code status}. */
  public List<Order> listOrders(Session session, String status, int limit) {
    return ordersPage(session, status, limit, null).items();
  }

  /** {@code GET /api/v1/orders?status=&limit=&cursor=}: one page of the session's orders. */
  public Page<Order> ordersPage(Session session, String status, int limit, String cursor) {
    String query = query("status", status, "limit", limitParam(limit), "cursor", cursor);
    return transport.send(
        call(get(endpoints.orders(), "/api/v1/orders" + query, session), pageOf(Order.class)));
  }

  // ---------------------------------------------------------------- stream processor views

  /** {@code GET /api/v1/stock/{productId}}: 404 until the product's stock was ever set. */
  public StockView stockView(Session session, UUID productId) {
    return transport.send(
        call(get(endpoints.stream(), "/api/v1/stock/" + productId, session), StockView.class));
  }

  /**
   * {@code GET /api/v1/stock?productId=..}: views in request order, products never stocked left
   * out. More than {@value #MAX_IDS_PER_REQUEST} ids are fetched in several requests.
   */
  public List<StockView> stockViews(Session session, Collection<UUID> productIds) {
    List<UUID> ids = List.copyOf(productIds);
    List<StockView> views = new ArrayList<>(ids.size());
    JavaType items =
        json.getTypeFactory().constructParametricType(Wire.Items.class, StockView.class);
    for (int from = 0; from < ids.size(); from += MAX_IDS_PER_REQUEST) {
      StringJoiner query = new StringJoiner("&", "?", "");
      for (UUID id : ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_REQUEST))) {
        query.add("productId=" + id);
      }
      Wire.Items<StockView> page =
          transport.send(
              new Call<>(
                  get(endpoints.stream(), "/api/v1/stock" + query, session),
                  (status, headers, body) -> json.readValue(body, items)));
      views.addAll(page.items());
    }
    return views;
  }

  /**
   * {@code GET /api/v1/order-status/{orderId}[?wait=s]}: the stream processor's view of the order;
   * with {@code wait} it answers as soon as the order is no longer PENDING.
   */
  public OrderStatusView orderStatus(Session session, UUID orderId, Duration wait) {
    long seconds = waitSeconds(wait);
    String query = seconds == 0 ? "" : "?wait=" + seconds;
    return transport.send(
        call(
            request(
                    endpoints.stream(),
                    "/api/v1/order-status/" + orderId + query,
                    session,
                    requestTimeout.plusSeconds(seconds))
                .GET()
                .build(),
            OrderStatusView.class));
  }

  /**
   * Marks the client closed: later calls fail with {@link IllegalStateException}. A client built
   * here also closes its {@link HttpClient} where the JDK supports that (21+); on 17 its threads
   * are daemons and idle out on their own.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)
        && ownsHttp
        && transport.http() instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing only waits for requests in flight; there is nothing left to release on failure.
      }
    }
  }

  // ---------------------------------------------------------------- calls

  private Call<Product> getProductCall(UUID id) {
    return call(get(endpoints.products(), "/api/v1/products/" + id, null), Product.class);
  }

  private Call<Page<Product>> listProductsCall(int limit, String cursor) {
    String query = query("limit", limitParam(limit), "cursor", cursor);
    return call(get(endpoints.products(), "/api/v1/products" + query, null), pageOf(Product.class));
  }

  private Call<Order> placeOrderCall(Session session, String idempotencyKey, List<Line> lines) {
    HttpRequest.Builder builder =
        request(endpoints.orders(), "/api/v1/orders", session, requestTimeout)
            .header("Content-Type", JSON)
            .POST(body(new Wire.CreateOrderRequest(List.copyOf(lines))));
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    return call(builder.build(), Order.class);
  }

  private Call<Order> getOrderCall(Session session, UUID id, Duration wait) {
    long seconds = waitSeconds(wait);
    String query = seconds == 0 ? "" : "?wait=" + seconds;
    // The server may hold a long poll for the whole wait; the timeout must not fire before it.
    HttpRequest request =
        request(
                endpoints.orders(),
                "/api/v1/orders/" + id + query,
                session,
                requestTimeout.plusSeconds(seconds))
            .GET()
            .build();
    return call(request, Order.class);
  }

  private Call<Order> cancelCall(Session session, UUID id) {
    HttpRequest request =
        request(endpoints.orders(), "/api/v1/orders/" + id + "/cancel", session, requestTimeout)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return call(request, Order.class);
  }

  private Call<Payment> payCall(
      Session session, UUID orderId, String idempotencyKey, String cardToken) {
    HttpRequest.Builder builder =
        request(
                endpoints.orders(),
                "/api/v1/orders/" + orderId + "/payments",
                session,
                requestTimeout)
            .header("Content-Type", JSON)
            .POST(body(new Wire.PaymentRequest(cardToken)));
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    return call(builder.build(), Payment.class);
  }

  private HttpRequest stockRequest(Session admin, UUID productId) {
    return get(endpoints.products(), stockPath(productId), admin);
  }

  // ---------------------------------------------------------------- helpers

  private <T> Call<T> call(HttpRequest request, Class<T> type) {
    return new Call<>(request, (status, headers, body) -> json.readValue(body, type));
  }

  private <T> Call<T> call(HttpRequest request, JavaType type) {
    return new Call<>(request, (status, headers, body) -> json.readValue(body, type));
  }

  private JavaType pageOf(Class<?> itemType) {
    return json.getTypeFactory().constructParametricType(Page.class, itemType);
  }

  private HttpRequest get(URI base, String pathAndQuery, Session session) {
    return request(base, pathAndQuery, session, requestTimeout).GET().build();
  }

  private HttpRequest post(URI base, String path, Session session, Object payload) {
    return request(base, path, session, requestTimeout)
        .header("Content-Type", JSON)
        .POST(body(payload))
        .build();
  }

  private HttpRequest.Builder request(
      URI base, String pathAndQuery, Session session, Duration timeout) {
    if (closed.get()) {
      throw new IllegalStateException("this StockroomClient is closed");
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(pathAndQuery))
            .timeout(timeout)
            .header("Accept", JSON + ", application/problem+json");
    if (session != null) {
      builder.header("Authorization", session.authorization());
    }
    return builder;
  }

  private HttpRequest.BodyPublisher body(Object payload) {
    try {
      return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload));
    } catch (JsonProcessingException e) {
      // Our request records hold strings, numbers and lists only; this cannot happen.
      throw new IllegalStateException("cannot write request body", e);
    }
  }

  private Stock readStock(byte[] body) throws IOException {
    return json.readValue(body, Stock.class);
  }

  private static String stockPath(UUID productId) {
    return "/api/v1/products/" + productId + "/stock";
  }

  private static String quoted(long version) {
    return "\"" + version + "\"";
  }

  private static String limitParam(int limit) {
    return limit > 0 ? Integer.toString(limit) : null;
  }

  /** {@code ?a=1&b=2} of the pairs whose value is not null; empty when none is. */
  private static String query(String... namesAndValues) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        query.add(
            namesAndValues[i]
                + "="
                + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
      }
    }
    return query.toString();
  }

  private static long waitSeconds(Duration wait) {
    if (wait == null || wait.isZero() || wait.isNegative()) {
      return 0;
    }
    // Whole seconds on the wire; round up so a sub-second wait still waits.
    long seconds = (wait.toMillis() + 999) / 1000;
    return Math.min(seconds, MAX_WAIT.toSeconds());
  }

  private static Duration positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
    return duration;
  }

  private static void sleep(long nanos, String request) {
    try {
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.transport(request, ApiException.INTERRUPTED, e);
    }
  }
}
