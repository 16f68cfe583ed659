package dev.stockroom.platform.web;

import com.codahale.metrics.Counter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.platform.auth.AuthenticatedUser;
import dev.stockroom.platform.auth.Roles;
import dev.stockroom.platform.errors.ConflictException;
import dev.stockroom.platform.errors.NotFoundException;
import dev.stockroom.platform.ratelimit.RateLimiter;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.slf4j.MDC;

/** Endpoints that exercise every error path, auth rule, pagination and the rate limiter. */
@Path("/test")
@Produces(MediaType.APPLICATION_JSON)
public class TestResource {
  /** 45 items sorted by (name, id): three pages of 20, 20 and 5 at the default limit. */
  static final List<Item> ITEMS =
      IntStream.range(0, 45)
          .mapToObj(i -> new Item(String.format("item-%02d", i % 30), UUID.randomUUID()))
          .sorted(Comparator.comparing(Item::name).thenComparing(Item::id))
          .toList();

  private final RateLimiter rateLimiter;
  private final Counter calls;

  TestResource(RateLimiter rateLimiter, Counter calls) {
    this.rateLimiter = rateLimiter;
    this.calls = calls;
  }

  public record Line(@NotNull UUID productId, @NotNull @Min(1) Integer quantity) {}

  public record CreateThing(
      @NotBlank @Email String email,
      @NotNull @Min(1) @Max(10) Integer quantity,
      @JsonProperty("displayName") @NotBlank @Size(max = 20) String name,
      @Valid List<@NotNull Line> lines,
      Boolean urgent) {}

  public record Item(String name, UUID id) {}

  @POST
  @Path("/things")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@NotNull @Valid CreateThing thing) {
    calls.inc();
    return Response.status(201).entity(Map.of("email", thing.email())).build();
  }

  /** Counts down as a held write starts. */
  static volatile CountDownLatch heldWriteStarted = new CountDownLatch(0);

  /** A held write finishes once this is open. */
  static volatile CountDownLatch heldWriteRelease = new CountDownLatch(0);

  /** How many held writes have run. */
  static final AtomicInteger HELD_WRITES = new AtomicInteger();

  /** A write that stays in progress until the test lets it finish. */
  @POST
  @Path("/held")
  @PermitAll
  public Response held() throws InterruptedException {
    HELD_WRITES.incrementAndGet();
    heldWriteStarted.countDown();
    if (!heldWriteRelease.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the test never released this write");
    }
    return Response.noContent().build();
  }

  @GET
  @Path("/things/{id}")
  @PermitAll
  public Map<String, Object> find(@PathParam("id") UUID id) {
    throw new NotFoundException("Thing " + id + " does not exist.");
  }

  @GET
  @Path("/conflict-with-level")
  @PermitAll
  public Map<String, Object> conflictWithLevel() {
    throw new ConflictException("Only 3 left.")
        .withExtension("onHand", 3)
        .withExtension("productIds", java.util.List.of("a", "b"));
  }

  @GET
  @Path("/conflict")
  @PermitAll
  public Map<String, Object> conflict() {
    throw new ConflictException("That name is taken.");
  }

  @GET
  @Path("/boom")
  @PermitAll
  public Map<String, Object> boom() {
    throw new IllegalArgumentException(
        "SQL select password_hash from users where id = 42 at dev.stockroom.Secret");
  }

  @GET
  @Path("/illegal-state")
  @PermitAll
  public Map<String, Object> illegalState() {
    throw new IllegalStateException("internal state dev.stockroom.Secret");
  }

  @GET
  @Path("/empty-error")
  @PermitAll
  public Response emptyError() {
    return Response.status(409).build();
  }

  @GET
  @Path("/query")
  @PermitAll
  public Map<String, Object> query(@QueryParam("count") @Min(1) @Max(100) Integer count) {
    return Map.of("count", count == null ? 0 : count);
  }

  @GET
  @Path("/mdc")
  @PermitAll
  public Map<String, Object> mdc() {
    return Map.of(
        "requestId",
        String.valueOf(MDC.get(RequestIds.MDC_KEY)),
        "traceId",
        String.valueOf(MDC.get("traceId")));
  }

  @GET
  @Path("/items")
  @PermitAll
  public Response items(
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uriInfo) {
    PageRequest request = PageRequest.of(limit, cursor);
    List<Item> rows = new ArrayList<>();
    for (Item item : ITEMS) {
      if (request.cursor().map(after -> isAfter(item, after)).orElse(true)) {
        rows.add(item);
      }
      if (rows.size() == request.fetchSize()) {
        break;
      }
    }
    return PageLinks.ok(
        Page.fromLookahead(rows, request, item -> Cursor.of(item.name(), item.id())), uriInfo);
  }

  private static boolean isAfter(Item item, Cursor after) {
    int byName = item.name().compareTo(after.string(0));
    return byName > 0 || (byName == 0 && item.id().compareTo(after.uuid(1)) > 0);
  }

  @POST
  @Path("/limited")
  @PermitAll
  public Map<String, Object> limited(@QueryParam("key") String key) {
    rateLimiter.consume(key == null ? "anonymous" : key);
    return Map.of("ok", true);
  }

  @GET
  @Path("/me")
  public Map<String, Object> me(@Auth AuthenticatedUser user) {
    return Map.of("id", user.id().toString(), "roles", user.roles(), "admin", user.isAdmin());
  }

  @GET
  @Path("/admin")
  @RolesAllowed(Roles.ADMIN)
  public Map<String, Object> admin(@Auth AuthenticatedUser user) {
    return Map.of("id", user.id().toString());
  }

  @GET
  @Path("/customers")
  @RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
  public Map<String, Object> customers() {
    return Map.of("ok", true);
  }

  @GET
  @Path("/unannotated")
  public Map<String, Object> unannotated() {
    return Map.of("ok", true);
  }
}
