package dev.stockroom.platform.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;

/**
 * Accepts a well-formed {@code X-Request-Id} or generates one, echoes it on the response (set
 * before the chain runs so error responses carry it too) and puts it in the MDC while the request
 * is handled on this thread.
 */
public class RequestIdFilter implements Filter {
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http)
        || !(response instanceof HttpServletResponse httpResponse)) {
      chain.doFilter(request, response);
      return;
    }
    String id = RequestIds.acceptOrGenerate(http.getHeader(RequestIds.HEADER));
    http.setAttribute(RequestIds.ATTRIBUTE, id);
    httpResponse.setHeader(RequestIds.HEADER, id);
    String previous = MDC.get(RequestIds.MDC_KEY);
    MDC.put(RequestIds.MDC_KEY, id);
    try {
      chain.doFilter(request, response);
    } finally {
      if (previous == null) {
        MDC.remove(RequestIds.MDC_KEY);
      } else {
        MDC.put(RequestIds.MDC_KEY, previous);
      }
    }
  }
}
