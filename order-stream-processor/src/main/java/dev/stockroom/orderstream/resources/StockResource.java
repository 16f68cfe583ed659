package dev.stockroom.orderstream.resources;

import dev.stockroom.orderstream.views.Forwarder;
import dev.stockroom.orderstream.views.StockViews;
import dev.stockroom.platform.auth.Roles;
import dev.stockroom.platform.errors.BadRequestException;
import dev.stockroom.platform.errors.NotFoundException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/v1/stock/{productId}} and {@code GET /api/v1/stock?productId=...} (≤ 100). */
@Path("/api/v1/stock")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CUSTOMER, Roles.ADMIN})
public class StockResource {
  static final int MAX_PRODUCTS = 100;

  private final StockViews views;

  public StockResource(StockViews views) {
    this.views = views;
  }

  @GET
  @Path("{productId}")
  public void one(
      @PathParam("productId") String productId,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(Forwarder.FORWARDED_HEADER) String forwarded,
      @Suspended AsyncResponse response) {
    UUID id;
    try {
      id = UUID.fromString(productId);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no product " + productId);
    }
    views.one(id, authorization, forwarded != null, response);
  }

  @GET
  public void many(
      @QueryParam("productId") List<String> productIds,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(Forwarder.FORWARDED_HEADER) String forwarded,
      @Suspended AsyncResponse response) {
    if (productIds == null || productIds.isEmpty()) {
      throw new BadRequestException("give at least one productId");
    }
    if (productIds.size() > MAX_PRODUCTS) {
      throw new BadRequestException("at most " + MAX_PRODUCTS + " productIds per request");
    }
    List<UUID> ids = new ArrayList<>();
    for (String productId : productIds) {
      try {
        ids.add(UUID.fromString(productId));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("productId " + productId + " is not a UUID");
      }
    }
    views.many(ids, authorization, forwarded != null, response);
  }
}
