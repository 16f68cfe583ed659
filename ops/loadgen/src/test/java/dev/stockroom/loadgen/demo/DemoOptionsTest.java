package dev.stockroom.loadgen.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoOptionsTest {
  @Test
  void defaultsToTheLocalStackAndTheLocalAdmin() {
    DemoOptions options = DemoOptions.parse(List.of(), Map.of());

    assertThat(options.endpoints().users()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    assertThat(options.endpoints().products()).isEqualTo(URI.create("http://127.0.0.1:8082"));
    assertThat(options.endpoints().orders()).isEqualTo(URI.create("http://127.0.0.1:8083"));
    assertThat(options.endpoints().stream()).isEqualTo(URI.create("http://127.0.0.1:8084"));
    assertThat(options.adminEmail()).isEqualTo("admin@example.com");
    assertThat(options.adminPassword()).isEqualTo("an admin password!");
    assertThat(options.help()).isFalse();
  }

  @Test
  void takesTheAdminFromTheEnvironment() {
    DemoOptions options =
        DemoOptions.parse(
            List.of(),
            Map.of(
                "STOCKROOM_ADMIN_EMAIL",
                "root@example.com",
                "STOCKROOM_ADMIN_PASSWORD",
                "pw pw pw pw"));

    assertThat(options.adminEmail()).isEqualTo("root@example.com");
    assertThat(options.adminPassword()).isEqualTo("pw pw pw pw");
  }

  @Test
  void commandLineWinsOverTheEnvironment() {
    DemoOptions options =
        DemoOptions.parse(
            List.of("--admin-email", "cli@example.com", "--admin-password=from the cli"),
            Map.of("STOCKROOM_ADMIN_EMAIL", "env@example.com"));

    assertThat(options.adminEmail()).isEqualTo("cli@example.com");
    assertThat(options.adminPassword()).isEqualTo("from the cli");
    assertThat(options.toString()).doesNotContain("from the cli");
  }

  @Test
  void takesHostAndPortsInBothForms() {
    DemoOptions options =
        DemoOptions.parse(
            List.of(
                "--host",
                "localhost",
                "--users-port",
                "18081",
                "--products-port=18082",
                "--orders-port",
                "18083",
                "--stream-port",
                "18084"),
            Map.of());

    assertThat(options.endpoints().users()).isEqualTo(URI.create("http://localhost:18081"));
    assertThat(options.endpoints().products()).isEqualTo(URI.create("http://localhost:18082"));
    assertThat(options.endpoints().orders()).isEqualTo(URI.create("http://localhost:18083"));
    assertThat(options.endpoints().stream()).isEqualTo(URI.create("http://localhost:18084"));
  }

  @Test
  void acceptsBaseHostAsTheOlderName() {
    assertThat(DemoOptions.parse(List.of("--base-host", "127.0.0.2"), Map.of()).host())
        .isEqualTo("127.0.0.2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"10.0.0.1", "0.0.0.0", "example.com", "127.0.0.256", "128.0.0.1", "::1", ""})
  void refusesAHostThatIsNotThisMachine(String host) {
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--host", host), Map.of()))
        .isInstanceOf(DemoUsageException.class)
        .hasMessageContaining("127.0.0.0/8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "LOCALHOST"})
  void acceptsLoopbackHosts(String host) {
    assertThat(DemoOptions.parse(List.of("--host", host), Map.of()).host()).isEqualTo(host);
  }

  @Test
  void refusesBadPortsUnknownOptionsAndMissingValues() {
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--users-port", "0"), Map.of()))
        .isInstanceOf(DemoUsageException.class)
        .hasMessageContaining("--users-port");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--orders-port", "http"), Map.of()))
        .isInstanceOf(DemoUsageException.class)
        .hasMessageContaining("--orders-port");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--rate", "5"), Map.of()))
        .isInstanceOf(DemoUsageException.class)
        .hasMessageContaining("unknown option --rate");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--host"), Map.of()))
        .isInstanceOf(DemoUsageException.class)
        .hasMessageContaining("--host needs a value");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("stray"), Map.of()))
        .isInstanceOf(DemoUsageException.class)
        .hasMessageContaining("unexpected argument");
  }

  @Test
  void refusesAnEmptyAdminPassword() {
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--admin-password="), Map.of()))
        .isInstanceOf(DemoUsageException.class);
  }

  @Test
  void asksForHelp() {
    assertThat(DemoOptions.parse(List.of("--help"), Map.of()).help()).isTrue();
  }
}
