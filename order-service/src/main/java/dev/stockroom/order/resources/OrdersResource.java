package dev.stockroom.order.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockroom.order.api.CreateOrderRequest;
import dev.stockroom.order.api.OrderResponse;
import dev.stockroom.order.api.PaymentRequest;
import dev.stockroom.order.api.PaymentResponse;
import dev.stockroom.order.core.IdempotencyKey;
import dev.stockroom.order.core.Order;
import dev.stockroom.order.core.OrderCursor;
import dev.stockroom.order.core.OrderPage;
import dev.stockroom.order.core.OrderService;
import dev.stockroom.order.core.OrderStatus;
import dev.stockroom.order.core.OrderStatusNotifier;
import dev.stockroom.order.core.StoredResponse;
import dev.stockroom.platform.auth.AuthenticatedUser;
import dev.stockroom.platform.auth.Roles;
import dev.stockroom.platform.errors.BadRequestException;
import dev.stockroom.platform.errors.FieldError;
import dev.stockroom.platform.web.Cursor;
import dev.stockroom.platform.web.Page;
import dev.stockroom.platform.web.PageLinks;
import dev.stockroom.platform.web.PageRequest;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.CompletionCallback;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Orders: place, read (optionally waiting for a decision), list, cancel and pay. */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrdersResource {
  /** The longest {@code ?wait=} a reader may ask for, in seconds. */
  public static final int MAX_WAIT_SECONDS = 30;

  static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private final OrderService orders;
  private final OrderStatusNotifier notifier;
  private final ObjectMapper json;
  private final Executor resumer;

  /**
   * @param json the API's mapper, so stored responses replay byte for byte as first sent
   * @param resumer where long-polls are answered, so the status consumer never does HTTP work
   */
  public OrdersResource(
      OrderService orders, OrderStatusNotifier notifier, ObjectMapper json, Executor resumer) {
    this.orders = orders;
    this.notifier = notifier;
    this.json = json;
    this.resumer = resumer;
  }

  @POST
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  public Response place(
      @Auth AuthenticatedUser caller,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
      @NotNull CreateOrderRequest request,
      @Context UriInfo uri) {
    StoredResponse response =
        orders.place(caller, request.toLines(), idempotencyKey, o -> write(OrderResponse.from(o)));
    return stored(
        response, uri.getAbsolutePathBuilder().path(response.resourceId().toString()).build());
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  public void get(
      @Auth AuthenticatedUser caller,
      @PathParam("id") UUID id,
      @QueryParam("wait") Integer wait,
      @Suspended AsyncResponse async) {
    int seconds = waitSeconds(wait);
    if (seconds == 0) {
      async.resume(ok(orders.get(caller, id)));
      return;
    }
    AtomicReference<OrderStatusNotifier.Subscription> subscription = new AtomicReference<>();
    async.register(
        (CompletionCallback)
            failure -> {
              OrderStatusNotifier.Subscription s = subscription.get();
              if (s != null) {
                s.close();
              }
            });
    // The timeout handler must resume before it returns, or JAX-RS answers 503 on its own.
    async.setTimeoutHandler(r -> answer(r, caller, id));
    async.setTimeout(seconds, TimeUnit.SECONDS);
    // Subscribed before the one read: a change after the read wakes this request, and one before
    // it is in what it reads.
    subscription.set(notifier.onChange(id, () -> resumer.execute(() -> answer(async, caller, id))));
    Order order;
    try {
      order = orders.get(caller, id);
    } catch (RuntimeException e) {
      // Unsubscribed before the 404 is written, not after as the completion callback would.
      subscription.get().close();
      throw e;
    }
    if (order.status() != OrderStatus.PENDING) {
      async.resume(ok(order));
    }
  }

  @GET
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  public Response list(
      @Auth AuthenticatedUser caller,
      @QueryParam("userId") UUID userId,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    PageRequest request = PageRequest.of(limit, cursor);
    OrderPage page =
        orders.list(
            caller,
            Optional.ofNullable(userId),
            parseStatus(status),
            request.cursor().map(c -> new OrderCursor(c.instant(0), c.uuid(1))),
            request.limit());
    Page<OrderResponse> body =
        new Page<>(
            page.orders().stream().map(OrderResponse::from).toList(),
            page.next().map(c -> Cursor.of(c.createdAt(), c.id()).encode()).orElse(null));
    return PageLinks.ok(body, uri);
  }

  @POST
  @Path("/{id}/cancel")
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  public Response cancel(
      @Auth AuthenticatedUser caller,
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return ok(orders.cancel(caller, id, ETags.expectedVersion(ifMatch)));
  }

  @POST
  @Path("/{id}/payments")
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  public Response pay(
      @Auth AuthenticatedUser caller,
      @PathParam("id") UUID id,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
      @NotNull PaymentRequest request) {
    StoredResponse response =
        orders.pay(
            caller,
            id,
            request.cardToken(),
            idempotencyKey,
            (order, payment) -> write(PaymentResponse.from(order, payment)));
    return stored(response, null);
  }

  private void answer(AsyncResponse async, AuthenticatedUser caller, UUID id) {
    try {
      async.resume(ok(orders.get(caller, id)));
    } catch (RuntimeException e) {
      async.resume(e);
    }
  }

  private static Response ok(Order order) {
    return Response.ok(OrderResponse.from(order)).tag(ETags.of(order)).build();
  }

  private static Response stored(StoredResponse response, URI location) {
    Response.ResponseBuilder builder =
        Response.status(response.status()).type(MediaType.APPLICATION_JSON).entity(response.body());
    if (location != null && response.status() == 201) {
      builder.location(location);
    }
    if (response.replayed()) {
      builder.header(REPLAYED_HEADER, "true");
    }
    return builder.build();
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int waitSeconds(Integer wait) {
    if (wait == null) {
      return 0;
    }
    if (wait < 0 || wait > MAX_WAIT_SECONDS) {
      throw new BadRequestException(
          "Invalid wait.",
          List.of(
              new FieldError("wait", "must be between 0 and " + MAX_WAIT_SECONDS + " seconds")));
    }
    return wait;
  }

  private static Optional<OrderStatus> parseStatus(String status) {
    if (status == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OrderStatus.valueOf(status.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "Invalid status.",
          List.of(
              new FieldError("status", "must be one of " + Arrays.toString(OrderStatus.values()))));
    }
  }
}
