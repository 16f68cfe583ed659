package dev.stockroom.platform.web;

import com.codahale.metrics.Counter;
import dev.stockroom.platform.errors.ProblemTypes;
import dev.stockroom.platform.errors.ServiceUnavailableException;
import dev.stockroom.platform.errors.TooManyRequestsException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's {@link QoSHandler} for the API's writes, answering a write it turns away with a 503
 * problem and {@code Retry-After} instead of Jetty's error page. A write it holds back waits
 * suspended, on no thread, so reads and long polls keep every Jetty thread they need while the
 * writes queue here rather than in front of the database pool.
 */
final class WriteLimitHandler extends QoSHandler {
  static final String DETAIL = "Too many writes are in progress; retry shortly.";

  private final String retryAfterSeconds;
  private final Counter turnedAway;

  WriteLimitHandler(Duration retryAfter, Counter turnedAway) {
    this.retryAfterSeconds = Long.toString(TooManyRequestsException.retryAfterSeconds(retryAfter));
    this.turnedAway = turnedAway;
  }

  @Override
  protected void reject(Request request, Response response, Callback callback, int status) {
    writeBusy(request, response, callback);
  }

  @Override
  protected void failSuspended(
      Request request, Response response, Callback callback, int status, Throwable failure) {
    writeBusy(request, response, callback);
  }

  private void writeBusy(Request request, Response response, Callback callback) {
    turnedAway.inc();
    // Turned away before RequestIdFilter runs, so the id every response carries is taken here.
    String requestId = RequestIds.acceptOrGenerate(request.getHeaders().get(RequestIds.HEADER));
    Problem problem =
        new Problem(
            ProblemTypes.BUSY,
            ServiceUnavailableException.TITLE,
            503,
            DETAIL,
            request.getHttpURI().getPath(),
            requestId,
            null,
            null);
    response.setStatus(503);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfterSeconds);
    response.getHeaders().put(RequestIds.HEADER, requestId);
    response.write(true, ByteBuffer.wrap(Problems.toJson(problem)), callback);
  }
}
