package dev.stockroom.user.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.devkit.MutableClock;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.SignatureException;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokenIssuerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00.750Z"));
  private final User user =
      new User(
          UUID.randomUUID(),
          "a@example.com",
          "a@example.com",
          "A",
          "hash",
          new TreeSet<>(Set.of("customer", "admin")),
          1,
          clock.instant(),
          clock.instant());

  @Test
  void signsWithEdDsaAndCarriesEveryAgreedClaim() {
    KeyRing ring = KeyRing.of(SigningKey.of(TestKeys.generate()));
    AccessToken token = issuer(ring).issue(user);

    Jws<Claims> jws = parse(ring, token.value());
    assertThat(jws.getHeader().getAlgorithm()).isEqualTo("EdDSA");
    assertThat(jws.getHeader().getKeyId()).isEqualTo(ring.current().kid());
    Claims claims = jws.getPayload();
    assertThat(claims.getIssuer()).isEqualTo("stockroom-user-service");
    assertThat(claims.getAudience()).containsExactly("stockroom");
    assertThat(claims.getSubject()).isEqualTo(user.id().toString());
    assertThat(claims.get("roles")).isEqualTo(List.of("admin", "customer"));
    assertThat(claims.getId()).isNotBlank();
    Instant issuedAt = Instant.parse("2025-03-01T10:00:00Z");
    assertThat(claims.getIssuedAt().toInstant()).isEqualTo(issuedAt);
    assertThat(claims.getNotBefore().toInstant()).isEqualTo(issuedAt);
    assertThat(claims.getExpiration().toInstant()).isEqualTo(issuedAt.plusSeconds(15 * 60));
    assertThat(token.expiresAt()).isEqualTo(claims.getExpiration().toInstant());
  }

  @Test
  void writesTheAudienceAsASingleString() {
    KeyRing ring = KeyRing.of(SigningKey.of(TestKeys.generate()));
    String payload = issuer(ring).issue(user).value().split("\\.")[1];
    String json = new String(java.util.Base64.getUrlDecoder().decode(payload));

    assertThat(json).contains("\"aud\":\"stockroom\"");
  }

  @Test
  void givesEveryTokenItsOwnId() {
    KeyRing ring = KeyRing.of(SigningKey.of(TestKeys.generate()));
    AccessTokenIssuer issuer = issuer(ring);

    assertThat(parse(ring, issuer.issue(user).value()).getPayload().getId())
        .isNotEqualTo(parse(ring, issuer.issue(user).value()).getPayload().getId());
  }

  @Test
  void tokensOfTheRetiredKeyStillVerifyAfterRotation() {
    KeyRing before = KeyRing.of(SigningKey.of(TestKeys.generate()));
    String oldToken = issuer(before).issue(user).value();

    KeyRing after = before.rotate(SigningKey.of(TestKeys.generate()));
    String newToken = issuer(after).issue(user).value();

    assertThat(parse(after, oldToken).getHeader().getKeyId()).isEqualTo(before.current().kid());
    assertThat(parse(after, newToken).getHeader().getKeyId()).isEqualTo(after.current().kid());
    assertThat(after.current().kid()).isNotEqualTo(before.current().kid());
  }

  @Test
  void aSecondRotationDropsTheOldestKey() {
    KeyRing first = KeyRing.of(SigningKey.of(TestKeys.generate()));
    String oldest = issuer(first).issue(user).value();
    KeyRing third =
        first.rotate(SigningKey.of(TestKeys.generate())).rotate(SigningKey.of(TestKeys.generate()));

    assertThat(third.verificationKeys()).hasSize(2);
    assertThat(third.find(first.current().kid())).isEmpty();
    assertThatThrownBy(() -> parse(third, oldest)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void retiredKeysKeepOnlyTheirPublicHalf() {
    KeyRing ring =
        KeyRing.of(SigningKey.of(TestKeys.generate())).rotate(SigningKey.of(TestKeys.generate()));

    assertThat(ring.previous())
        .singleElement()
        .satisfies(k -> assertThat(k.privateKey()).isEmpty());
    assertThatThrownBy(() -> new KeyRing(ring.previous().get(0), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTokenSignedByAnotherKeyWithTheSameKidDoesNotVerify() {
    KeyRing ring = KeyRing.of(SigningKey.of(TestKeys.generate()));
    SigningKey impostor = SigningKey.of(TestKeys.generate());
    String forged =
        Jwts.builder()
            .header()
            .keyId(ring.current().kid())
            .and()
            .subject(user.id().toString())
            .signWith(impostor.privateKey().orElseThrow(), Jwts.SIG.EdDSA)
            .compact();

    assertThatThrownBy(() -> parse(ring, forged)).isInstanceOf(SignatureException.class);
  }

  @Test
  void kidIsTheKeysThumbprintSoItIsStableAcrossLoads() {
    var pair = TestKeys.generate();

    assertThat(SigningKey.of(pair).kid())
        .isEqualTo(SigningKey.verifyOnly(pair.getPublic()).kid())
        .matches("[A-Za-z0-9_-]{43}");
  }

  private AccessTokenIssuer issuer(KeyRing ring) {
    return new AccessTokenIssuer(
        ring, "stockroom-user-service", "stockroom", Duration.ofMinutes(15), clock);
  }

  private Jws<Claims> parse(KeyRing ring, String token) {
    return Jwts.parser()
        .keyLocator(
            new LocatorAdapter<Key>() {
              @Override
              protected Key locate(ProtectedHeader header) {
                return ring.find(header.getKeyId()).orElseThrow();
              }
            })
        .clock(() -> Date.from(clock.instant()))
        .build()
        .parseSignedClaims(token);
  }
}
