package dev.stockroom.devkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.SignatureException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TestTokensTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestTokens tokens = TestTokens.create("issuer-under-test", "audience-under-test");
  private final UUID user = UUID.randomUUID();

  /**
   * A verifier configured the way Stockroom services verify: keys only from the published JWKS,
   * looked up by {@code kid}; EdDSA only; issuer and audience required.
   */
  private JwtParser verifier(String jwksJson, String issuer, String audience) {
    JwkSet jwks = Jwks.setParser().build().parse(jwksJson);
    Map<String, Key> keysById =
        jwks.getKeys().stream().collect(Collectors.toMap(Jwk::getId, Jwk::toKey));
    return Jwts.parser()
        .keyLocator(
            new LocatorAdapter<>() {
              @Override
              protected Key locate(ProtectedHeader header) {
                Key key = keysById.get(header.getKeyId());
                if (key == null) {
                  throw new UnsupportedJwtException("unknown kid " + header.getKeyId());
                }
                return key;
              }

              @Override
              protected Key doLocate(Header header) {
                throw new UnsupportedJwtException("unsigned token");
              }
            })
        .sig()
        .clear()
        .add(Jwts.SIG.EdDSA)
        .and()
        .requireIssuer(issuer)
        .requireAudience(audience)
        .build();
  }

  private JwtParser verifier() {
    return verifier(tokens.jwksJson(), tokens.issuer(), tokens.audience());
  }

  @Test
  void tokenVerifiesWithTheKeyPublishedInTheJwksAndCarriesTheAgreedClaims() {
    Jws<Claims> jws = verifier().parseSignedClaims(tokens.token(user, "customer", "admin"));

    assertThat(jws.getHeader().getAlgorithm()).isEqualTo("EdDSA");
    assertThat(jws.getHeader().getKeyId()).isEqualTo(tokens.kid());
    Claims claims = jws.getPayload();
    assertThat(claims.getSubject()).isEqualTo(user.toString());
    assertThat(claims.getIssuer()).isEqualTo("issuer-under-test");
    assertThat(roles(claims)).containsExactly("customer", "admin");
    assertThat(claims.getId()).isNotBlank();
    assertThat(claims.getIssuedAt()).isNotNull();
    assertThat(claims.getNotBefore()).isEqualTo(claims.getIssuedAt());
    assertThat(claims.getExpiration().toInstant())
        .isEqualTo(claims.getIssuedAt().toInstant().plus(TestTokens.DEFAULT_LIFETIME));
  }

  @Test
  void audienceIsWrittenAsASingleStringAndRolesAsAnArray() throws Exception {
    JsonNode payload = payload(tokens.token(user));

    assertThat(payload.get("aud").isTextual()).isTrue();
    assertThat(payload.get("aud").asText()).isEqualTo("audience-under-test");
    assertThat(payload.get("roles").isArray()).isTrue();
    assertThat(payload.get("roles").get(0).asText()).isEqualTo("customer");
    assertThat(payload.get("exp").isIntegralNumber()).isTrue();
  }

  @Test
  void jwksPublishesAnEd25519SigningKeyUnderTheTokensKid() throws Exception {
    JsonNode key = JSON.readTree(tokens.jwksJson()).get("keys").get(0);

    assertThat(key.get("kty").asText()).isEqualTo("OKP");
    assertThat(key.get("crv").asText()).isEqualTo("Ed25519");
    assertThat(key.get("kid").asText()).isEqualTo(tokens.kid());
    assertThat(key.get("use").asText()).isEqualTo("sig");
    assertThat(key.get("alg").asText()).isEqualTo("EdDSA");
    assertThat(key.has("d")).as("private part must never be published").isFalse();
  }

  @Test
  void defaultsMatchTheLocalConfiguration() {
    TestTokens local = TestTokens.create();

    Claims claims =
        verifier(local.jwksJson(), "stockroom-user-service", "stockroom")
            .parseSignedClaims(local.token(user))
            .getPayload();

    assertThat(roles(claims)).containsExactly("customer");
  }

  @Test
  void eachInstanceHasItsOwnKey() {
    TestTokens other = TestTokens.create(tokens.issuer(), tokens.audience());

    assertThat(other.kid()).isNotEqualTo(tokens.kid());
    assertThatThrownBy(() -> verifier().parseSignedClaims(other.token(user)))
        .isInstanceOf(UnsupportedJwtException.class);
  }

  @Test
  void jwksOfSeveralInstancesVerifiesTokensOfEach() {
    TestTokens previous = TestTokens.create(tokens.issuer(), tokens.audience());
    JwtParser both =
        verifier(
            TestTokens.jwksJson(List.of(tokens, previous)), tokens.issuer(), tokens.audience());

    assertThat(both.parseSignedClaims(tokens.token(user)).getPayload().getSubject())
        .isEqualTo(user.toString());
    assertThat(both.parseSignedClaims(previous.token(user)).getPayload().getSubject())
        .isEqualTo(user.toString());
  }

  @Test
  void rejectsAlgNone() throws Exception {
    String token = tokens.algNone(user);

    assertThat(header(token).get("alg").asText()).isEqualTo("none");
    assertThat(token).endsWith(".");
    assertThatThrownBy(() -> verifier().parseSignedClaims(token)).isInstanceOf(JwtException.class);
  }

  @Test
  void rejectsHs256SignedWithThePublicKey() throws Exception {
    String token = tokens.hs256SignedWithPublicKey(user, "admin");

    assertThat(header(token).get("alg").asText()).isEqualTo("HS256");
    assertThat(header(token).get("kid").asText()).isEqualTo(tokens.kid());
    assertThatThrownBy(() -> verifier().parseSignedClaims(token)).isInstanceOf(JwtException.class);
  }

  @Test
  void rejectsExpired() {
    assertThatThrownBy(() -> verifier().parseSignedClaims(tokens.expired(user)))
        .isInstanceOf(ExpiredJwtException.class);
  }

  @Test
  void rejectsNotYetValid() {
    assertThatThrownBy(() -> verifier().parseSignedClaims(tokens.notYetValid(user)))
        .isInstanceOf(PrematureJwtException.class);
  }

  @Test
  void rejectsWrongIssuer() {
    assertThatThrownBy(() -> verifier().parseSignedClaims(tokens.wrongIssuer(user)))
        .isInstanceOf(IncorrectClaimException.class)
        .hasMessageContaining("iss");
  }

  @Test
  void rejectsWrongAudience() {
    assertThatThrownBy(() -> verifier().parseSignedClaims(tokens.wrongAudience(user)))
        .isInstanceOf(IncorrectClaimException.class)
        .hasMessageContaining("aud");
  }

  @Test
  void rejectsUnknownKidEvenThoughTheSignatureIsGenuine() throws Exception {
    String token = tokens.unknownKid(user);

    assertThat(header(token).get("kid").asText()).isNotEqualTo(tokens.kid());
    // The key id is the only thing wrong: with the key given directly, it verifies.
    assertThat(
            Jwts.parser()
                .verifyWith(tokens.publicKey())
                .build()
                .parseSignedClaims(token)
                .getPayload()
                .getSubject())
        .isEqualTo(user.toString());
    assertThatThrownBy(() -> verifier().parseSignedClaims(token))
        .isInstanceOf(UnsupportedJwtException.class)
        .hasMessageContaining("unknown kid");
  }

  @Test
  void rejectsTamperedPayloadThatGrantsAdmin() throws Exception {
    String token = tokens.tamperedPayload(user, "customer");

    assertThat(payload(token).get("roles").toString()).contains("admin");
    assertThatThrownBy(() -> verifier().parseSignedClaims(token))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void attackTokensWithoutSubjectStillTargetAPlausibleUser() {
    List<Function<TestTokens, String>> attacks =
        List.of(
            TestTokens::algNone,
            TestTokens::hs256SignedWithPublicKey,
            TestTokens::expired,
            TestTokens::notYetValid,
            TestTokens::wrongIssuer,
            TestTokens::wrongAudience,
            TestTokens::unknownKid,
            TestTokens::tamperedPayload);

    for (Function<TestTokens, String> attack : attacks) {
      String token = attack.apply(tokens);
      assertThat(token.split("\\.", -1)).hasSize(3);
      assertThatThrownBy(() -> verifier().parseSignedClaims(token))
          .isInstanceOf(JwtException.class);
    }
  }

  @Test
  void builderSetsEveryClaimAndHeaderItIsGiven() throws Exception {
    Instant issued = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    String token =
        tokens
            .builder()
            .subject("not-a-uuid")
            .roles()
            .issuedAt(issued)
            .expiresAt(issued.plusSeconds(600))
            .jti("fixed-id")
            .claim("email", "a@example.com")
            .header("typ", "JWT")
            .build();

    Claims claims = verifier().parseSignedClaims(token).getPayload();
    assertThat(claims.getSubject()).isEqualTo("not-a-uuid");
    assertThat(roles(claims)).isEmpty();
    assertThat(claims.getIssuedAt().toInstant()).isEqualTo(issued);
    assertThat(claims.getNotBefore().toInstant()).isEqualTo(issued);
    assertThat(claims.getExpiration().toInstant()).isEqualTo(issued.plusSeconds(600));
    assertThat(claims.getId()).isEqualTo("fixed-id");
    assertThat(claims.get("email", String.class)).isEqualTo("a@example.com");
    assertThat(header(token).get("typ").asText()).isEqualTo("JWT");
  }

  @Test
  void builderLeavesOutWhatIsSetToNull() throws Exception {
    String token =
        tokens.builder().subject((String) null).roles((String[]) null).expiresAt(null).build();

    JsonNode payload = payload(token);
    assertThat(payload.has("sub")).isFalse();
    assertThat(payload.has("roles")).isFalse();
    assertThat(payload.has("exp")).isFalse();
    assertThat(payload.has("iss")).isTrue();
  }

  @Test
  void builderCanSignWithAKeyTheVerifierDoesNotTrust() throws Exception {
    var stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String token = tokens.builder().subject(user).signedWith(stranger.getPrivate()).build();

    assertThat(header(token).get("kid").asText()).isEqualTo(tokens.kid());
    assertThatThrownBy(() -> verifier().parseSignedClaims(token))
        .isInstanceOf(SignatureException.class);
  }

  private static List<Object> roles(Claims claims) {
    return List.copyOf((List<?>) claims.get("roles", List.class));
  }

  private static JsonNode header(String token) throws Exception {
    return part(token, 0);
  }

  private static JsonNode payload(String token) throws Exception {
    return part(token, 1);
  }

  private static JsonNode part(String token, int index) throws Exception {
    byte[] json = Base64.getUrlDecoder().decode(token.split("\\.")[index]);
    return JSON.readTree(new String(json, StandardCharsets.UTF_8));
  }
}
