package dev.stockroom.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointsTest {
  @Test
  void localIsTheStacksDefaultPorts() {
    Endpoints local = Endpoints.local();

    assertThat(local.users()).isEqualTo(URI.create("http://localhost:8081"));
    assertThat(local.products()).isEqualTo(URI.create("http://localhost:8082"));
    assertThat(local.orders()).isEqualTo(URI.create("http://localhost:8083"));
    assertThat(local.stream()).isEqualTo(URI.create("http://localhost:8084"));
  }

  @Test
  void bracketsAnIpv6Host() {
    assertThat(Endpoints.of("::1", 1, 2, 3, 4).users()).isEqualTo(URI.create("http://[::1]:1"));
  }

  @Test
  void refusesAPortOutOfRange() {
    assertThatThrownBy(() -> Endpoints.of("127.0.0.1", 0, 2, 3, 4))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
