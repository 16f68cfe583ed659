package dev.stockroom.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Reads the whole request body before authentication runs.
 *
 * <p>Without it, a request rejected by the bearer filter (401) is answered before its body has
 * arrived when the client sends headers and body in separate writes, as Java's HttpClient does.
 * Jetty then cannot keep the connection, closes it after the response, and the client's next
 * request on that pooled connection fails with no response at all. Reading first keeps the
 * connection usable. The body is already capped by the request-body limit (a larger one becomes a
 * 413 here), so buffering it is bounded.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class ReadBodyFirstFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (request.hasEntity()) {
      request.setEntityStream(new ByteArrayInputStream(request.getEntityStream().readAllBytes()));
    }
  }
}
