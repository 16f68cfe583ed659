package dev.stockroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JwtTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void readsTheSubjectAsAUserId() {
    UUID id = UUID.randomUUID();

    assertThat(Jwt.subject(token("{\"sub\":\"" + id + "\"}"), json)).isEqualTo(id);
  }

  @Test
  void givesNullForATokenWithoutAUuidSubject() {
    assertThat(Jwt.subject(token("{}"), json)).isNull();
    assertThat(Jwt.subject(token("{\"sub\":\"ada\"}"), json)).isNull();
    assertThat(Jwt.subject("opaque", json)).isNull();
    assertThat(Jwt.subject("a.!!!.c", json)).isNull();
  }

  private static String token(String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"EdDSA\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".sig";
  }
}
