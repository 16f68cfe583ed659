package dev.stockroom.product.resources;

import dev.stockroom.platform.auth.AuthenticatedUser;
import dev.stockroom.platform.auth.Roles;
import dev.stockroom.product.api.AdjustStockRequest;
import dev.stockroom.product.api.SetStockRequest;
import dev.stockroom.product.api.StockResponse;
import dev.stockroom.product.core.StockLevel;
import dev.stockroom.product.core.StockService;
import dev.stockroom.product.core.StockStatus;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** On-hand stock of one product (admin only): read, set with {@code If-Match}, adjust. */
@Path("/api/v1/products/{id}/stock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class StockResource {
  private static final CacheControl PRIVATE = CacheControl.valueOf("private, no-store");

  private final StockService stock;

  public StockResource(StockService stock) {
    this.stock = stock;
  }

  @GET
  public Response get(@PathParam("id") UUID id) {
    StockStatus status = stock.get(id);
    return Response.ok(StockResponse.from(status))
        .tag(ETags.of(status))
        .cacheControl(PRIVATE)
        .build();
  }

  @PUT
  public Response set(
      @Auth AuthenticatedUser caller,
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull SetStockRequest request) {
    return written(stock.set(id, request.onHand(), ETags.expectedVersion(ifMatch), caller.id()));
  }

  /** A signed delta with a reason; 409 with the current level when it would go below zero. */
  @POST
  @Path("/adjustments")
  public Response adjust(
      @Auth AuthenticatedUser caller,
      @PathParam("id") UUID id,
      @NotNull AdjustStockRequest request) {
    return written(stock.adjust(id, request.delta(), request.reason(), caller.id()));
  }

  private static Response written(StockLevel level) {
    return Response.ok(StockResponse.from(level))
        .tag(ETags.of(level))
        .cacheControl(PRIVATE)
        .build();
  }
}
