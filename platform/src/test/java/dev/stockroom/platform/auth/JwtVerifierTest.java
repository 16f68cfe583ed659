package dev.stockroom.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.devkit.TestTokens;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {
  private final TestTokens tokens = TestTokens.create();
  private final TestTokens stranger = TestTokens.create();
  private final KeyResolver keys =
      kid -> Optional.ofNullable(Map.of(tokens.kid(), tokens.publicKey()).get(kid));
  private final JwtVerifier verifier =
      new JwtVerifier(
          keys,
          TestTokens.DEFAULT_ISSUER,
          TestTokens.DEFAULT_AUDIENCE,
          Duration.ofSeconds(30),
          "roles");
  private final UUID subject = UUID.randomUUID();

  @Test
  void acceptsAValidTokenWithItsSubjectAndRoles() {
    Optional<AuthenticatedUser> user = verifier.verify(tokens.token(subject, Roles.ADMIN));

    assertThat(user).contains(new AuthenticatedUser(subject, Set.of(Roles.ADMIN)));
    assertThat(user.get().isAdmin()).isTrue();
  }

  @Test
  void rejectsEveryForgedOrStaleToken() {
    assertThat(verifier.verify(tokens.algNone(subject))).isEmpty();
    assertThat(verifier.verify(tokens.hs256SignedWithPublicKey(subject))).isEmpty();
    assertThat(verifier.verify(tokens.expired(subject))).isEmpty();
    assertThat(verifier.verify(tokens.notYetValid(subject))).isEmpty();
    assertThat(verifier.verify(tokens.wrongIssuer(subject))).isEmpty();
    assertThat(verifier.verify(tokens.wrongAudience(subject))).isEmpty();
    assertThat(verifier.verify(tokens.unknownKid(subject))).isEmpty();
    assertThat(verifier.verify(tokens.tamperedPayload(subject))).isEmpty();
  }

  @Test
  void rejectsATokenSignedByAnotherKeyUnderATrustedKid() {
    String token = tokens.builder().signedWith(stranger.privateKey()).build();

    assertThat(verifier.verify(token)).isEmpty();
  }

  @Test
  void rejectsAnEd448TokenEvenUnderATrustedKid() throws NoSuchAlgorithmException {
    var ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
    String token = tokens.builder().signedWith(ed448.getPrivate()).build();

    assertThat(verifier.verify(token)).isEmpty();
  }

  @Test
  void toleratesSmallClockSkewOnly() {
    Instant now = Instant.now();
    String justExpired = tokens.builder().expiresAt(now.minusSeconds(10)).build();
    String longExpired = tokens.builder().expiresAt(now.minusSeconds(120)).build();
    String almostValid = tokens.builder().notBefore(now.plusSeconds(10)).build();

    assertThat(verifier.verify(justExpired)).isPresent();
    assertThat(verifier.verify(longExpired)).isEmpty();
    assertThat(verifier.verify(almostValid)).isPresent();
  }

  @Test
  void requiresExpirationKidAndAUuidSubject() {
    assertThat(verifier.verify(tokens.builder().expiresAt(null).build())).isEmpty();
    assertThat(verifier.verify(tokens.builder().kid(null).build())).isEmpty();
    assertThat(verifier.verify(tokens.builder().subject("not-a-uuid").build())).isEmpty();
    assertThat(verifier.verify(tokens.builder().subject((String) null).build())).isEmpty();
  }

  @Test
  void rejectsMalformedRolesAndAcceptsMissingRolesAsNone() {
    // The builder writes its own roles last; clear them so the malformed claim is what is sent.
    assertThat(
            verifier.verify(
                tokens.builder().roles((String[]) null).claim("roles", "admin").build()))
        .isEmpty();
    assertThat(
            verifier.verify(
                tokens.builder().roles((String[]) null).claim("roles", List.of(1, 2)).build()))
        .isEmpty();
    assertThat(verifier.verify(tokens.builder().subject(subject).roles((String[]) null).build()))
        .contains(new AuthenticatedUser(subject, Set.of()));
  }

  @Test
  void readsRolesFromTheConfiguredClaim() {
    JwtVerifier custom =
        new JwtVerifier(
            keys,
            TestTokens.DEFAULT_ISSUER,
            TestTokens.DEFAULT_AUDIENCE,
            Duration.ofSeconds(30),
            "groups");

    String token = tokens.builder().subject(subject).claim("groups", List.of("admin")).build();

    assertThat(custom.verify(token)).contains(new AuthenticatedUser(subject, Set.of("admin")));
  }

  @Test
  void rejectsGarbageWithoutThrowing() {
    assertThat(verifier.verify(null)).isEmpty();
    assertThat(verifier.verify("")).isEmpty();
    assertThat(verifier.verify("not.a.jwt")).isEmpty();
    assertThat(verifier.verify("a".repeat(20_000))).isEmpty();
  }

  @Test
  void aFailingKeyLookupRejectsTheToken() {
    JwtVerifier noKeys =
        new JwtVerifier(
            kid -> Optional.empty(),
            TestTokens.DEFAULT_ISSUER,
            TestTokens.DEFAULT_AUDIENCE,
            Duration.ofSeconds(30),
            "roles");

    assertThat(noKeys.verify(tokens.token(subject))).isEmpty();
  }
}
