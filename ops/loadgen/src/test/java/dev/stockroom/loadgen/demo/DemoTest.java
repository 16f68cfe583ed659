package dev.stockroom.loadgen.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.client.Endpoints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entry points' exit codes and messages; the real walk-through runs in ops/e2e. */
class DemoTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void refusesANonLoopbackHostWithExitCodeTwo() {
    int code = Demo.run(new String[] {"--host", "192.168.1.10"}, out);

    assertThat(code).isEqualTo(Demo.USAGE);
    assertThat(output()).contains("127.0.0.0/8").contains("usage: loadgen demo");
  }

  @Test
  void printsUsageForHelp() {
    assertThat(Demo.run(new String[] {"--help"}, out)).isEqualTo(Demo.OK);
    assertThat(output()).startsWith("usage: loadgen demo");
  }

  @Test
  void refusesNonLoopbackEndpointsGivenInProcess() {
    Endpoints remote = Endpoints.of("10.1.2.3", 8081, 8082, 8083, 8084);

    assertThat(Demo.run(remote, "a@b.c", "password", out)).isEqualTo(Demo.USAGE);
    assertThat(output()).contains("not http://10.1.2.3:8081");
  }

  @Test
  void reportsAnUnreachableStackAsAFailedFirstStep() throws IOException {
    int port = closedPort();
    Endpoints nowhere = Endpoints.of("127.0.0.1", port, port, port, port);

    int code = Demo.run(nowhere, "admin@example.com", "an admin password!", out);

    assertThat(code).isEqualTo(Demo.MISBEHAVED);
    String printed = output();
    assertThat(printed)
        .contains("1. Log in as the admin")
        .contains("POST /api/v1/auth/token  -> no answer")
        .contains("FAILED: POST /api/v1/auth/token failed: connect")
        .contains("ops/bin/stack up")
        .contains("stopped at step 1")
        .doesNotContain("2. ")
        .doesNotContain("\u001b[");
  }

  @Test
  void describesTheTargetsCompactlyWhenTheyShareAHost() {
    List<URI> targets =
        List.of(
            URI.create("http://127.0.0.1:8081"),
            URI.create("http://127.0.0.1:8082"),
            URI.create("http://127.0.0.1:8083"),
            URI.create("http://127.0.0.1:8084"));

    assertThat(Demo.describe(targets))
        .isEqualTo("127.0.0.1: users 8081, products 8082, orders 8083, stream 8084");
  }

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
