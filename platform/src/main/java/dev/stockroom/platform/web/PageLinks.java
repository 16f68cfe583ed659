package dev.stockroom.platform.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;

/**
 * The {@code Link: <...>; rel="next"} header of a paginated response. The link is the request's own
 * path and query with {@code cursor} replaced, written as a path-absolute reference (no scheme or
 * host) so a forged {@code Host} header cannot make the API advertise someone else's server.
 */
public final class PageLinks {
  private PageLinks() {}

  /** The header value for the next page, or empty on the last page. */
  public static Optional<String> next(UriInfo uriInfo, String nextCursor) {
    if (nextCursor == null) {
      return Optional.empty();
    }
    URI next = uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build();
    String target =
        next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    return Optional.of("<" + target + ">; rel=\"next\"");
  }

  /** 200 with the page as the body and, unless it is the last page, the {@code Link} header. */
  public static Response ok(Page<?> page, UriInfo uriInfo) {
    Response.ResponseBuilder response = Response.ok(page);
    next(uriInfo, page.nextCursor()).ifPresent(link -> response.header(HttpHeaders.LINK, link));
    return response.build();
  }
}
