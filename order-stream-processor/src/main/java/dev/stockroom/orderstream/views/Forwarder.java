package dev.stockroom.orderstream.views;

import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks the instance that owns a key, over HTTP, with the caller's own bearer token: the other
 * instance authenticates and authorises the caller itself. Asynchronous, so a forwarded request
 * (even a long poll) holds no thread while it waits.
 */
public class Forwarder {
  /** Marks a forwarded request, so an instance that is asked never forwards it again. */
  public static final String FORWARDED_HEADER = "X-Stockroom-Forwarded";

  private final HttpClient client;
  private final Duration timeout;

  public Forwarder(HttpClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /**
   * GETs {@code pathAndQuery} from {@code host}; {@code extraWait} is added to the timeout for a
   * long poll.
   */
  public CompletableFuture<HttpResponse<String>> get(
      HostInfo host, String pathAndQuery, String authorization, Duration extraWait) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
            .timeout(timeout.plus(extraWait))
            .header(FORWARDED_HEADER, "1")
            .header(HttpHeaders.ACCEPT, "application/json")
            .GET();
    if (authorization != null) {
      request.header(HttpHeaders.AUTHORIZATION, authorization);
    }
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
