package dev.stockroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchMainTest {
  @Test
  void parsesJettyHello() {
    assertThat(BenchMain.parse(List.of("jetty-hello", "--port", "18091")))
        .isEqualTo(new BenchMain.JettyHelloCommand(18091));
  }

  @Test
  void passesDropwizardArgumentsThrough() {
    assertThat(BenchMain.parse(List.of("dropwizard-hello", "server", "x.yml")))
        .isEqualTo(new BenchMain.DropwizardHelloCommand(List.of("server", "x.yml")));
  }

  @Test
  void parsesJfrTopWithDefaults() {
    assertThat(BenchMain.parse(List.of("jfr-top", "var/x.jfr")))
        .isEqualTo(
            new BenchMain.JfrTopCommand(
                Path.of("var/x.jfr"), 25, "x.jfr", JfrTop.DEFAULT_PACKAGES));
  }

  @Test
  void parsesJfrTopOptions() {
    assertThat(
            BenchMain.parse(
                List.of(
                    "jfr-top",
                    "--top",
                    "5",
                    "a.jfr",
                    "--title",
                    "order-service",
                    "--packages",
                    "dev.stockroom, org.jdbi")))
        .isEqualTo(
            new BenchMain.JfrTopCommand(
                Path.of("a.jfr"), 5, "order-service", List.of("dev.stockroom", "org.jdbi")));
  }

  @Test
  void rejectsBadCommandLines() {
    assertThatThrownBy(() -> BenchMain.parse(List.of())).hasMessageContaining("missing command");
    assertThatThrownBy(() -> BenchMain.parse(List.of("nope"))).hasMessageContaining("unknown");
    assertThatThrownBy(() -> BenchMain.parse(List.of("jetty-hello")))
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> BenchMain.parse(List.of("jetty-hello", "--port", "x")))
        .hasMessageContaining("must be a number");
    assertThatThrownBy(() -> BenchMain.parse(List.of("jetty-hello", "--port", "70000")))
        .hasMessageContaining("65535");
    assertThatThrownBy(() -> BenchMain.parse(List.of("jfr-top"))).hasMessageContaining("FILE");
    assertThatThrownBy(() -> BenchMain.parse(List.of("jfr-top", "a", "b")))
        .hasMessageContaining("one FILE");
    assertThatThrownBy(() -> BenchMain.parse(List.of("jfr-top", "a", "--top")))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> BenchMain.parse(List.of("jfr-top", "a", "--packages", ",")))
        .hasMessageContaining("at least one");
  }

  @Test
  void usageErrorsExitWithStatus2() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    int status = BenchMain.run(new String[] {"nope"}, System.out, errStream);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: bench");
  }

  @Test
  void unreadableRecordingExitsWithStatus1() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        BenchMain.run(
            new String[] {"jfr-top", "does/not/exist.jfr"},
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read");
  }
}
