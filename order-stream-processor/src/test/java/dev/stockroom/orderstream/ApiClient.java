package dev.stockroom.orderstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.devkit.HttpApi;
import dev.stockroom.orderstream.views.Forwarder;
import java.net.http.HttpResponse;
import java.util.Map;

/** {@link HttpApi} with the calls the processor's tests make of its views. */
final class ApiClient extends HttpApi {
  ApiClient(int port) {
    super(port);
  }

  /**
   * A GET marked as forwarded by a peer instance, which this instance must answer from its own
   * state or refuse, never forward again.
   */
  HttpResponse<String> getForwarded(String path, String token) {
    Map<String, String> headers = headers(token);
    headers.put(Forwarder.FORWARDED_HEADER, "1");
    return send("GET", path, null, null, headers);
  }

  /** Asserts a 200 and returns its JSON. */
  static JsonNode okJson(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }
}
