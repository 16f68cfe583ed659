package dev.stockroom.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;

/**
 * Safety net for error responses that never went through an exception mapper: a resource returning
 * {@code Response.status(404).build()}, a {@code WebApplicationException} built with its own entity
 * (Jersey sends those as they are), Dropwizard's {@code *Param} classes. Any 4xx or 5xx that is not
 * already a problem document is replaced by the plain problem for its status, keeping the headers
 * (such as {@code Allow}, {@code Retry-After} or {@code WWW-Authenticate}).
 */
@Priority(Priorities.USER - 100)
public class ProblemResponseFilter implements ContainerResponseFilter {
  private static final MediaType PROBLEM = MediaType.valueOf(Problems.MEDIA_TYPE);

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (status < 400) {
      return;
    }
    MediaType type = response.getMediaType();
    if (type != null && type.isCompatible(PROBLEM) && response.hasEntity()) {
      return;
    }
    String requestId = RequestIds.current().orElse(null);
    Problem problem =
        Problems.forStatus(status, request.getUriInfo().getRequestUri().getRawPath(), requestId);
    response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    if (status == 401 && !response.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)) {
      response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    response.setEntity(Problems.toJson(problem), new Annotation[0], PROBLEM);
  }
}
