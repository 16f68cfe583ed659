package dev.stockroom.product.resources;

import com.codahale.metrics.Meter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stockroom.product.api.ProductResponse;
import dev.stockroom.product.core.ProductService;
import dev.stockroom.product.core.ProductView;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.io.IOException;
import java.util.Objects;
import java.util.UUID;

/**
 * Answers the plain {@code GET /api/v1/products/{id}} of a product that exists before Jersey sees
 * it, with the bytes {@link ProductsResource#get} would send. It is the catalog's hottest request,
 * and Jersey's matching, filters and per-request JSON were most of its cost (a product GET ran at
 * about half the rate of a Dropwizard hello). Anything else is passed on unchanged: another method,
 * a conditional or content-negotiated request, an id not in canonical form, a missing product
 * (Jersey answers its 404 problem), a read that fails; so only the common case has a second
 * implementation, and a test holds it to the first byte for byte.
 *
 * <p>The body is serialized once per representation: the last one written for each product is kept
 * with the view it came from and reused while the catalog returns an equal view.
 */
public final class ProductReadFastPath implements Filter {
  /** Where the filter is mapped; the id follows. */
  public static final String PATH_PREFIX = "/api/v1/products/";

  private static final int UUID_LENGTH = 36;

  private final ProductService products;
  private final ObjectMapper json;
  private final String cacheControl;
  private final Cache<UUID, Rendered> rendered;
  private final Meter served;
  private final RuntimeDelegate.HeaderDelegate<EntityTag> etags =
      RuntimeDelegate.getInstance().createHeaderDelegate(EntityTag.class);

  /**
   * @param maxProducts how many products' bodies are kept (the catalog cache's size)
   * @param served marked for every request answered here
   */
  public ProductReadFastPath(
      ProductService products,
      ObjectMapper json,
      CacheControl publicCache,
      long maxProducts,
      Meter served) {
    this.products = Objects.requireNonNull(products, "products");
    this.json = Objects.requireNonNull(json, "json");
    this.cacheControl =
        RuntimeDelegate.getInstance()
            .createHeaderDelegate(CacheControl.class)
            .toString(publicCache);
    this.rendered = Caffeine.newBuilder().maximumSize(maxProducts).build();
    this.served = Objects.requireNonNull(served, "served");
  }

  private record Rendered(ProductView view, byte[] body, String etag) {}

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    UUID id = plainGetOfOneProduct(request);
    if (id == null) {
      chain.doFilter(req, res);
      return;
    }
    ProductView view;
    try {
      view = products.get(id);
    } catch (RuntimeException e) {
      // A missing product, or a database that failed: Jersey asks again and answers as it always
      // does (its 404, or the problem its exception mappers make of the failure).
      chain.doFilter(req, res);
      return;
    }
    Rendered current = render(id, view);
    HttpServletResponse response = (HttpServletResponse) res;
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(MediaType.APPLICATION_JSON);
    response.setHeader(HttpHeaders.ETAG, current.etag());
    response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
    response.setContentLength(current.body().length);
    // Before the write: once the last byte is out, the client may already be looking.
    served.mark();
    response.getOutputStream().write(current.body());
  }

  private Rendered render(UUID id, ProductView view) throws IOException {
    Rendered last = rendered.getIfPresent(id);
    if (last != null && last.view().equals(view)) {
      return last;
    }
    byte[] body;
    try {
      body = json.writeValueAsBytes(ProductResponse.from(view));
    } catch (JsonProcessingException e) {
      throw new IOException("Could not write product " + id, e);
    }
    Rendered fresh = new Rendered(view, body, etags.toString(ETags.of(view)));
    rendered.put(id, fresh);
    return fresh;
  }

  /** The product id of a request this path answers, or null to leave it to Jersey. */
  private static UUID plainGetOfOneProduct(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())
        || request.getHeader(HttpHeaders.IF_NONE_MATCH) != null
        || request.getHeader(HttpHeaders.IF_MATCH) != null
        || request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null
        || request.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE) != null
        || !acceptsPlainJson(request.getHeader(HttpHeaders.ACCEPT))) {
      return null;
    }
    String uri = request.getRequestURI();
    if (uri.length() != PATH_PREFIX.length() + UUID_LENGTH || !uri.startsWith(PATH_PREFIX)) {
      return null;
    }
    return canonicalUuid(uri, PATH_PREFIX.length());
  }

  /** No Accept, or one that a JSON-only resource satisfies without negotiating. */
  private static boolean acceptsPlainJson(String accept) {
    return accept == null
        || accept.equals("*/*")
        || accept.equalsIgnoreCase(MediaType.APPLICATION_JSON);
  }

  /** The UUID written in lower-case canonical form at {@code from}, or null. */
  private static UUID canonicalUuid(String s, int from) {
    for (int i = 0; i < UUID_LENGTH; i++) {
      char c = s.charAt(from + i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      boolean ok = dash ? c == '-' : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      if (!ok) {
        return null;
      }
    }
    return UUID.fromString(s.substring(from, from + UUID_LENGTH));
  }
}
