package dev.stockroom.devkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HttpApiTest {

  /**
   * A server that keeps the first connection alive after its first answer, then closes it when the
   * next request arrives on it without answering: what a client meets when it reuses a pooled
   * connection that the server has just closed. A later connection is answered normally.
   */
  @Test
  void aPostOnAPooledConnectionTheServerClosedIsSentAgainOnANewOne() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread serving =
          new Thread(
              () -> {
                try {
                  try (Socket first = server.accept()) {
                    connections.incrementAndGet();
                    readRequest(first.getInputStream());
                    answer(first.getOutputStream(), "first");
                    // The second request's first bytes, then a close with no answer.
                    first.getInputStream().read();
                  }
                  try (Socket second = server.accept()) {
                    connections.incrementAndGet();
                    readRequest(second.getInputStream());
                    answer(second.getOutputStream(), "second");
                  }
                } catch (IOException e) {
                  // The test's assertions report what the client saw.
                }
              },
              "closing-server");
      serving.setDaemon(true);
      serving.start();
      HttpApi api = new HttpApi(server.getLocalPort());

      HttpResponse<String> first = api.post("/things", "{}");
      HttpResponse<String> second = api.post("/things", "{}");

      assertThat(first.body()).isEqualTo("first");
      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(second.body()).isEqualTo("second");
      assertThat(connections).hasValue(2);
      serving.join(5_000);
    }
  }

  /** Reads one request with a small body: headers up to the blank line, then Content-Length. */
  private static void readRequest(InputStream in) throws IOException {
    StringBuilder headers = new StringBuilder();
    while (!headers.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the request ended");
      }
      headers.append((char) b);
    }
    int length = 0;
    for (String line : headers.toString().split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    in.readNBytes(length);
  }

  private static void answer(OutputStream out, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                + bytes.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(bytes);
    out.flush();
  }
}
