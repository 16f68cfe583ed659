package dev.stockroom.platform.web;

import dev.stockroom.platform.errors.PayloadTooLargeException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Caps request bodies. A declared {@code Content-Length} over the limit is answered with a 413
 * problem before any of the body is read; a chunked (or lying) body is cut off as soon as the limit
 * is crossed, by a {@link PayloadTooLargeException} thrown from the stream the application reads,
 * which the exception mappers turn into the same 413. Either way the connection is closed
 * afterwards so the rest of the body is never read.
 */
public class RequestBodyLimitFilter implements Filter {
  private final long maxBytes;

  public RequestBodyLimitFilter(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.maxBytes = maxBytes;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http)
        || !(response instanceof HttpServletResponse httpResponse)) {
      chain.doFilter(request, response);
      return;
    }
    if (http.getContentLengthLong() > maxBytes) {
      reject(http, httpResponse);
      return;
    }
    chain.doFilter(new LimitedRequest(http, httpResponse, maxBytes), response);
  }

  private PayloadTooLargeException tooLarge() {
    return new PayloadTooLargeException(
        "The request body is larger than the limit of " + maxBytes + " bytes.");
  }

  private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object requestId = request.getAttribute(RequestIds.ATTRIBUTE);
    Problem problem =
        Problems.from(
            tooLarge(), request.getRequestURI(), requestId == null ? null : requestId.toString());
    byte[] body = Problems.toJson(problem);
    response.setStatus(413);
    response.setHeader("Connection", "close");
    response.setHeader("Cache-Control", "no-store");
    response.setContentType(Problems.MEDIA_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private final class LimitedRequest extends HttpServletRequestWrapper {
    private final HttpServletResponse response;
    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, HttpServletResponse response, long limit) {
      super(request);
      this.response = response;
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedInputStream(super.getInputStream(), response, limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private final class LimitedInputStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final HttpServletResponse response;
    private final long limit;
    private long read;

    LimitedInputStream(ServletInputStream delegate, HttpServletResponse response, long limit) {
      this.delegate = delegate;
      this.response = response;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        // The unread remainder may be huge: do not keep the connection to drain it.
        response.setHeader("Connection", "close");
        throw tooLarge();
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }

    @Override
    public int available() throws IOException {
      return delegate.available();
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
