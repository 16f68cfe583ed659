package dev.stockroom.platform.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's server-wide error handler, for errors raised before a request reaches a servlet context
 * (a malformed request line, headers too large, an illegal URI). Writes the plain problem for the
 * status whatever the client accepts, and never a message or stack trace from Jetty.
 */
public class ProblemServerErrorHandler extends ErrorHandler {
  public ProblemServerErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
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
      Callback callback) {
    byte[] body = Problems.toJson(Problems.forStatus(code, null, null));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
