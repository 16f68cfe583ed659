package dev.stockroom.platform.tracing;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Continues the caller's W3C trace ({@code traceparent}) in a new span, or starts a trace, for the
 * request's work on this thread (see {@link TraceScope}).
 */
public class TraceContextFilter implements Filter {
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String incoming =
        request instanceof HttpServletRequest http ? http.getHeader(TraceParent.HEADER) : null;
    try (TraceScope scope = TraceScope.continueOrStart(incoming)) {
      chain.doFilter(request, response);
    }
  }
}
