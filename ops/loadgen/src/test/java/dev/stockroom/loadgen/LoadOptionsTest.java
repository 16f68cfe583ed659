package dev.stockroom.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadOptionsTest {
  private static LoadOptions parse(String... args) {
    return LoadOptions.parse(List.of(args), Map.of());
  }

  @Test
  void hasTheDocumentedDefaults() {
    LoadOptions o = parse();

    assertThat(o.scenario()).isEqualTo(Scenario.MIXED);
    assertThat(o.mode()).isEqualTo("open");
    assertThat(o.rate()).isEqualTo(50);
    assertThat(o.concurrency()).isNull();
    assertThat(o.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.warmup()).isZero();
    assertThat(o.reportDir().startsWith(Path.of("var", "loadgen"))).isTrue();
    assertThat(o.host()).isEqualTo("127.0.0.1");
    assertThat(List.of(o.usersPort(), o.productsPort(), o.ordersPort(), o.streamPort()))
        .containsExactly(8081, 8082, 8083, 8084);
    assertThat(o.customers()).isEqualTo(20);
    assertThat(o.products()).isEqualTo(20);
    assertThat(o.stock()).isEqualTo(100_000);
    assertThat(o.maxLines()).isEqualTo(3);
    assertThat(o.cancelRatio()).isEqualTo(0.1);
    assertThat(o.terminalTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.adminEmail()).isEqualTo("admin@example.com");
    assertThat(o.adminPassword()).isEqualTo("an admin password!");
  }

  @Test
  void parsesEveryOptionInBothForms() {
    LoadOptions o =
        parse(
            "--scenario=order",
            "--concurrency",
            "8",
            "--duration",
            "2m",
            "--warmup=5s",
            "--report",
            "/tmp/r",
            "--host",
            "localhost",
            "--users-port",
            "9081",
            "--products-port=9082",
            "--orders-port",
            "9083",
            "--stream-port",
            "9084",
            "--customers",
            "3",
            "--products",
            "7",
            "--stock",
            "10",
            "--max-lines",
            "5",
            "--cancel-ratio",
            "0.5",
            "--terminal-timeout",
            "1500ms",
            "--request-timeout",
            "20s",
            "--max-in-flight",
            "64",
            "--admin-email",
            "root@example.com",
            "--admin-password",
            "secret secret");

    assertThat(o.scenario()).isEqualTo(Scenario.ORDER);
    assertThat(o.mode()).isEqualTo("closed");
    assertThat(o.rate()).isNull();
    assertThat(o.concurrency()).isEqualTo(8);
    assertThat(o.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.reportDir()).isEqualTo(Path.of("/tmp/r"));
    assertThat(o.host()).isEqualTo("localhost");
    assertThat(List.of(o.usersPort(), o.productsPort(), o.ordersPort(), o.streamPort()))
        .containsExactly(9081, 9082, 9083, 9084);
    assertThat(o.customers()).isEqualTo(3);
    assertThat(o.products()).isEqualTo(7);
    assertThat(o.stock()).isEqualTo(10);
    assertThat(o.maxLines()).isEqualTo(5);
    assertThat(o.cancelRatio()).isEqualTo(0.5);
    assertThat(o.terminalTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(o.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(o.maxInFlight()).isEqualTo(64);
    assertThat(o.adminEmail()).isEqualTo("root@example.com");
    assertThat(o.adminPassword()).isEqualTo("secret secret");
    assertThat(o.toString()).doesNotContain("secret");
  }

  @Test
  void takesTheAdminFromTheEnvironment() {
    LoadOptions o =
        LoadOptions.parse(
            List.of(),
            Map.of(
                LoadOptions.ADMIN_EMAIL_ENV, "ops@example.com",
                LoadOptions.ADMIN_PASSWORD_ENV, "from the env"));

    assertThat(o.adminEmail()).isEqualTo("ops@example.com");
    assertThat(o.adminPassword()).isEqualTo("from the env");
  }

  @Test
  void builderMakesTheSameOptionsForTests() {
    LoadOptions o =
        LoadOptions.builder(Map.of())
            .scenario(Scenario.ORDER)
            .rate(20)
            .duration(Duration.ofSeconds(10))
            .ports(18081, 18082, 18083, 18084)
            .customers(4)
            .products(5)
            .reportDir(Path.of("target/smoke"))
            .build();

    assertThat(o.mode()).isEqualTo("open");
    assertThat(o.rate()).isEqualTo(20);
    assertThat(o.ordersPort()).isEqualTo(18083);
    assertThat(o.reportDir()).isEqualTo(Path.of("target/smoke"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "127.255.255.255"})
  void acceptsLoopbackHosts(String host) {
    assertThat(parse("--host", host).host()).isEqualTo(host);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.1",
        "192.168.1.10",
        "128.0.0.1",
        "example.com",
        "127.0.0.1.example.com",
        "127.0.0.256",
        "0.0.0.0",
        "::1",
        ""
      })
  void refusesEveryOtherHost(String host) {
    assertThatThrownBy(() -> parse("--host", host))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--host");
  }

  @Test
  void refusesRateAndConcurrencyTogether() {
    assertThatThrownBy(() -> parse("--rate", "10", "--concurrency", "2"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("exclude each other");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "10x", "-5s", "1.5s", "1500ms", "0s"})
  void refusesABadDuration(String value) {
    assertThatThrownBy(() -> parse("--duration", value))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--duration");
  }

  @Test
  void refusesBadValues() {
    assertThatThrownBy(() -> parse("--scenario", "checkout")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> parse("--rate", "0")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> parse("--rate", "ten")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> parse("--concurrency", "0")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> parse("--cancel-ratio", "1.5")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> parse("--cancel-ratio", "NaN")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> parse("--max-lines", "4", "--products", "3"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--max-lines");
    assertThatThrownBy(() -> parse("--stock", "-1")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> parse("--users-port", "70000")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> parse("--terminal-timeout", "500ms"))
        .isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> parse("--warmup", "1500ms")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> parse("--rate", "10", "--warmup", "5s", "--ramp", "6s"))
        .hasMessageContaining("--ramp must fit in --warmup");
    assertThatThrownBy(() -> parse("--concurrency", "4", "--warmup", "5s", "--ramp", "5s"))
        .hasMessageContaining("closed loop");
    assertThatThrownBy(() -> parse("--frobnicate", "1"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("unknown option --frobnicate");
    assertThatThrownBy(() -> parse("--rate")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> parse("stray")).hasMessageContaining("unexpected argument");
  }

  @Test
  void parsesDurations() {
    assertThat(Durations.parse("x", "90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("x", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("x", "3m")).isEqualTo(Duration.ofMinutes(3));
    assertThat(Durations.parse("x", "1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.format(Duration.ofSeconds(60))).isEqualTo("60s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
  }

  @Test
  void aRampIsPartOfAnOpenLoopsWarmUp() {
    LoadOptions o = parse("--rate", "150", "--warmup", "60s", "--ramp=30s");

    assertThat(o.ramp()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.toString()).contains("warmup=60s, ramp=30s");
    assertThat(parse("--rate", "150").ramp()).isZero();
  }
}
