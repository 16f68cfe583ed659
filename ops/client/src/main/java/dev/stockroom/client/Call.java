package dev.stockroom.client;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;

/** One request and how to read its successful (2xx) answer. */
record Call<T>(HttpRequest request, Reader<T> reader) {
  /** Turns a 2xx answer into the value; an exception here becomes an {@code invalid_response}. */
  @FunctionalInterface
  interface Reader<T> {
    T read(int status, HttpHeaders headers, byte[] body) throws IOException;
  }

  /** {@code POST /api/v1/orders}: how the call is named in errors and exchange reports. */
  String requestLine() {
    return Exchange.requestLine(request.method(), request.uri());
  }
}
