package dev.stockroom.orderstream.resources;

import dev.stockroom.orderstream.topology.OrderStatus;
import dev.stockroom.orderstream.views.Forwarder;
import dev.stockroom.orderstream.views.OrderStatusViews;
import dev.stockroom.platform.auth.AuthenticatedUser;
import dev.stockroom.platform.auth.Roles;
import dev.stockroom.platform.errors.BadRequestException;
import dev.stockroom.platform.errors.NotFoundException;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.UUID;

/**
 * {@code GET /api/v1/order-status/{orderId}[?wait=seconds[&seen=STATUS]]}: the order's status for
 * its owner or an admin. With {@code wait}, the answer comes as soon as the status differs from
 * {@code seen} (default PENDING), or after {@code wait} seconds (capped) with the current one.
 */
@Path("/api/v1/order-status")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
public class OrderStatusResource {
  private final OrderStatusViews views;
  private final Duration maxWait;

  public OrderStatusResource(OrderStatusViews views, Duration maxWait) {
    this.views = views;
    this.maxWait = maxWait;
  }

  @GET
  @Path("{orderId}")
  public void get(
      @Auth AuthenticatedUser caller,
      @PathParam("orderId") String orderId,
      @QueryParam("wait") String wait,
      @QueryParam("seen") String seen,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(Forwarder.FORWARDED_HEADER) String forwarded,
      @Suspended AsyncResponse response) {
    UUID id;
    try {
      id = UUID.fromString(orderId);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no such order");
    }
    views.get(id, caller, authorization, forwarded != null, waitOf(wait), seenOf(seen), response);
  }

  private Duration waitOf(String wait) {
    if (wait == null || wait.isBlank()) {
      return Duration.ZERO;
    }
    long seconds;
    try {
      seconds = Long.parseLong(wait.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException("wait is a whole number of seconds");
    }
    if (seconds < 0) {
      throw new BadRequestException("wait must not be negative");
    }
    Duration asked = Duration.ofSeconds(seconds);
    return asked.compareTo(maxWait) > 0 ? maxWait : asked;
  }

  private static OrderStatus seenOf(String seen) {
    if (seen == null || seen.isBlank()) {
      return OrderStatus.PENDING;
    }
    try {
      return OrderStatus.valueOf(seen.trim());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "seen is one of PENDING, CONFIRMED, PAID, REJECTED, CANCELLED, EXPIRED");
    }
  }
}
