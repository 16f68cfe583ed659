package dev.stockroom.platform.web;

import dev.stockroom.platform.errors.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error handler of a servlet context (application and admin): answers every {@code sendError} and
 * every exception that escaped the servlets and filters (404 from the admin servlet, 405 from
 * Dropwizard's allowed-methods filter, an empty error response from Jersey) with problem JSON,
 * including the request id the {@link RequestIdFilter} assigned.
 */
public class ProblemServletErrorHandler extends ErrorHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemServletErrorHandler.class);

  public ProblemServletErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
    setShowOrigin(false);
    setShowMessageInTitle(false);
  }

  /** Every method gets a problem body (Jetty's default is only GET, POST and HEAD); HEAD never. */
  @Override
  public boolean errorPageForMethod(String method) {
    return !"HEAD".equalsIgnoreCase(method);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    ServletContextRequest servletRequest =
        Request.asInContext(request, ServletContextRequest.class);
    HttpServletRequest httpRequest = servletRequest.getServletApiRequest();
    HttpServletResponse httpResponse = servletRequest.getHttpServletResponse();
    Object requestId = httpRequest.getAttribute(RequestIds.ATTRIBUTE);
    String instance = httpRequest.getRequestURI();
    Problem problem;
    if (code >= 500 && cause != null) {
      String errorId = UUID.randomUUID().toString();
      LOG.error("Unexpected error {} handling {}", errorId, instance, cause);
      problem =
          new Problem(
              ProblemTypes.INTERNAL,
              Problems.title(code),
              code,
              "An unexpected error occurred. Quote error id " + errorId + " when reporting it.",
              instance,
              requestId == null ? null : requestId.toString(),
              errorId,
              List.of());
    } else {
      problem = Problems.forStatus(code, instance, requestId == null ? null : requestId.toString());
    }
    byte[] body = Problems.toJson(problem);
    if (httpResponse.isCommitted()) {
      // Part of another response already went out; there is nothing sound left to write.
      return;
    }
    httpResponse.setContentType(Problems.MEDIA_TYPE);
    httpResponse.setHeader(HttpHeader.CACHE_CONTROL.asString(), "no-store");
    httpResponse.setContentLength(body.length);
    httpResponse.getOutputStream().write(body);
  }
}
