package dev.stockroom.product.resources;

import dev.stockroom.platform.auth.Roles;
import dev.stockroom.platform.errors.BadRequestException;
import dev.stockroom.platform.errors.FieldError;
import dev.stockroom.platform.web.Cursor;
import dev.stockroom.platform.web.Page;
import dev.stockroom.platform.web.PageLinks;
import dev.stockroom.platform.web.PageRequest;
import dev.stockroom.product.api.CreateProductRequest;
import dev.stockroom.product.api.PatchProductRequest;
import dev.stockroom.product.api.ProductResponse;
import dev.stockroom.product.api.ReplaceProductRequest;
import dev.stockroom.product.core.CatalogRules;
import dev.stockroom.product.core.Product;
import dev.stockroom.product.core.ProductFilter;
import dev.stockroom.product.core.ProductPage;
import dev.stockroom.product.core.ProductService;
import dev.stockroom.product.core.ProductView;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog: public reads (cacheable, with {@code ETag} and {@code If-None-Match}) and admin
 * writes (guarded by {@code If-Match}).
 */
@Path("/api/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductsResource {
  static final String MERGE_PATCH_JSON = "application/merge-patch+json";

  private final ProductService products;
  private final CacheControl publicCache;

  /**
   * @param publicCache what public reads may be cached for, e.g. {@code public, max-age=30}
   */
  public ProductsResource(ProductService products, CacheControl publicCache) {
    this.products = products;
    this.publicCache = publicCache;
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  public Response create(@NotNull CreateProductRequest request, @Context UriInfo uri) {
    Product product = products.create(request.toDraft());
    return Response.created(uri.getAbsolutePathBuilder().path(product.id().toString()).build())
        .tag(ETags.of(product))
        .entity(ProductResponse.from(product))
        .build();
  }

  @GET
  @Path("/{id}")
  @PermitAll
  public Response get(@PathParam("id") UUID id, @Context Request request) {
    return cacheable(products.get(id), request);
  }

  @GET
  @Path("/by-sku/{sku}")
  @PermitAll
  public Response getBySku(@PathParam("sku") String sku, @Context Request request) {
    return cacheable(products.getBySku(sku), request);
  }

  @GET
  @PermitAll
  public Response list(
      @QueryParam("q") String q,
      @QueryParam("active") String active,
      @QueryParam("ids") List<String> ids,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @Context UriInfo uri) {
    PageRequest page = PageRequest.of(limit, cursor);
    ProductFilter filter = ProductFilter.of(q, parseActive(active), parseIds(ids));
    ProductPage found =
        products.list(filter, page.cursor().map(ProductsResource::afterSku), page.limit());
    Page<ProductResponse> body =
        new Page<>(
            found.items().stream().map(ProductResponse::from).toList(),
            found.nextAfterSku().map(sku -> Cursor.of(sku).encode()).orElse(null));
    Response paged = PageLinks.ok(body, uri);
    return Response.fromResponse(paged).cacheControl(publicCache).build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  public Response replace(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull ReplaceProductRequest request) {
    return written(products.replace(id, request.toDraft(), ETags.expectedVersion(ifMatch)));
  }

  @PATCH
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
  public Response patch(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @NotNull PatchProductRequest request) {
    return written(products.patch(id, request.toChange(), ETags.expectedVersion(ifMatch)));
  }

  /** Discontinues: the product stays readable with {@code active: false}. */
  @DELETE
  @Path("/{id}")
  @RolesAllowed(Roles.ADMIN)
  public Response discontinue(
      @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return written(products.discontinue(id, ETags.expectedVersion(ifMatch)));
  }

  private Response cacheable(ProductView view, Request request) {
    EntityTag tag = ETags.of(view);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    if (notModified != null) {
      return notModified.tag(tag).cacheControl(publicCache).build();
    }
    return Response.ok(ProductResponse.from(view)).tag(tag).cacheControl(publicCache).build();
  }

  private static Response written(Product product) {
    return Response.ok(ProductResponse.from(product)).tag(ETags.of(product)).build();
  }

  private static String afterSku(Cursor cursor) {
    if (cursor.size() != 1 || cursor.string(0).length() > CatalogRules.MAX_SKU_LENGTH) {
      throw invalidCursor();
    }
    return cursor.string(0);
  }

  private static BadRequestException invalidCursor() {
    return new BadRequestException(
        "The cursor is not valid; use the nextCursor of a previous page.",
        List.of(new FieldError("cursor", "is not a valid cursor")));
  }

  private static Optional<Boolean> parseActive(String active) {
    if (active == null || active.isEmpty()) {
      return Optional.empty();
    }
    return switch (active) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default ->
          throw new BadRequestException(
              "active must be true or false.",
              List.of(new FieldError("active", "must be true or false")));
    };
  }

  /** {@code ?ids=a,b} and {@code ?ids=a&ids=b} alike. */
  private static List<UUID> parseIds(List<String> values) {
    List<UUID> ids = new ArrayList<>();
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        if (ids.size() > ProductFilter.MAX_IDS) {
          break;
        }
        String trimmed = part.strip();
        if (trimmed.isEmpty()) {
          continue;
        }
        try {
          ids.add(UUID.fromString(trimmed));
        } catch (IllegalArgumentException e) {
          throw new BadRequestException(
              "ids must be product ids (UUIDs).",
              List.of(new FieldError("ids", "must be a comma-separated list of UUIDs")));
        }
      }
    }
    return ids;
  }
}
