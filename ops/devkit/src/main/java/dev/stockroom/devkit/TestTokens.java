package dev.stockroom.devkit;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs JSON Web Tokens the way Stockroom's user-service does (EdDSA with an Ed25519 key, {@code
 * kid} header, claims {@code iss}, single-string {@code aud}, {@code sub}, {@code roles}, {@code
 * iat}, {@code nbf}, {@code exp}, {@code jti}), and forges the tokens a verifier must refuse.
 *
 * <p>Each instance has its own key pair and key id; {@link #jwksJson()} is the JWKS document a
 * verifier would fetch for it (see {@link JwksServer}).
 */
public final class TestTokens {

  /** The issuer of the local configuration. */
  public static final String DEFAULT_ISSUER = "stockroom-user-service";

  /** The audience of the local configuration. */
  public static final String DEFAULT_AUDIENCE = "stockroom";

  /** How long a normal token is valid, as the user-service issues them. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);

  private static final String DEFAULT_ROLE = "customer";

  private final String issuer;
  private final String audience;
  private final String kid;
  private final KeyPair keyPair;

  private TestTokens(String issuer, String audience, String kid, KeyPair keyPair) {
    this.issuer = issuer;
    this.audience = audience;
    this.kid = kid;
    this.keyPair = keyPair;
  }

  /** Tokens for {@code issuer} and {@code audience}, signed with a new key. */
  public static TestTokens create(String issuer, String audience) {
    return new TestTokens(issuer, audience, "test-" + UUID.randomUUID(), newEd25519KeyPair());
  }

  /** Tokens for the local configuration's issuer and audience, signed with a new key. */
  public static TestTokens create() {
    return create(DEFAULT_ISSUER, DEFAULT_AUDIENCE);
  }

  /** A valid token for {@code subject} with {@code roles} (none given means {@code customer}). */
  public String token(UUID subject, String... roles) {
    return builder().subject(subject).roles(rolesOrDefault(roles)).build();
  }

  /** A builder starting from a valid token for a random subject with role {@code customer}. */
  public Builder builder() {
    return new Builder();
  }

  /** The key id in every token's header and in the JWKS. */
  public String kid() {
    return kid;
  }

  public String issuer() {
    return issuer;
  }

  public String audience() {
    return audience;
  }

  public PublicKey publicKey() {
    return keyPair.getPublic();
  }

  public PrivateKey privateKey() {
    return keyPair.getPrivate();
  }

  /** This key as a public JWK ({@code kty=OKP}, {@code crv=Ed25519}, {@code use=sig}). */
  public PublicJwk<?> jwk() {
    return Jwks.builder()
        .key(keyPair.getPublic())
        .id(kid)
        .algorithm("EdDSA")
        .publicKeyUse("sig")
        .build();
  }

  /** The JWKS document with this key: {@code {"keys":[...]}}. */
  public String jwksJson() {
    return jwksJson(List.of(this));
  }

  /** One JWKS document holding the keys of all {@code tokens}, in order. */
  public static String jwksJson(List<TestTokens> tokens) {
    return tokens.stream()
        .map(tokenSet -> Jwks.json(tokenSet.jwk()))
        .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
  }

  // ---- tokens a verifier must reject -------------------------------------------------------

  /** Unsigned: header {@code alg: none}, empty signature. */
  public String algNone(UUID subject, String... roles) {
    Builder valid = builder().subject(subject).roles(rolesOrDefault(roles));
    return valid.jwt().compact();
  }

  /** See {@link #algNone(UUID, String...)}; random subject, role {@code customer}. */
  public String algNone() {
    return algNone(UUID.randomUUID());
  }

  /**
   * Signed with HS256 using the public key (its PEM text, as published) as the HMAC secret: the
   * classic algorithm-confusion attack on verifiers that take the algorithm from the header.
   */
  public String hs256SignedWithPublicKey(UUID subject, String... roles) {
    byte[] secret = pem(keyPair.getPublic()).getBytes(StandardCharsets.US_ASCII);
    return builder()
        .subject(subject)
        .roles(rolesOrDefault(roles))
        .jwt()
        .signWith(new SecretKeySpec(secret, "HmacSHA256"), Jwts.SIG.HS256)
        .compact();
  }

  /** See {@link #hs256SignedWithPublicKey(UUID, String...)}; random subject. */
  public String hs256SignedWithPublicKey() {
    return hs256SignedWithPublicKey(UUID.randomUUID());
  }

  /** Correctly signed, expired an hour ago (far beyond any clock skew). */
  public String expired(UUID subject, String... roles) {
    Instant now = now();
    return builder()
        .subject(subject)
        .roles(rolesOrDefault(roles))
        .issuedAt(now.minus(Duration.ofHours(2)))
        .notBefore(now.minus(Duration.ofHours(2)))
        .expiresAt(now.minus(Duration.ofHours(1)))
        .build();
  }

  /** See {@link #expired(UUID, String...)}; random subject. */
  public String expired() {
    return expired(UUID.randomUUID());
  }

  /** Correctly signed, {@code nbf} an hour from now. */
  public String notYetValid(UUID subject, String... roles) {
    Instant now = now();
    return builder()
        .subject(subject)
        .roles(rolesOrDefault(roles))
        .notBefore(now.plus(Duration.ofHours(1)))
        .expiresAt(now.plus(Duration.ofHours(2)))
        .build();
  }

  /** See {@link #notYetValid(UUID, String...)}; random subject. */
  public String notYetValid() {
    return notYetValid(UUID.randomUUID());
  }

  /** Correctly signed, {@code iss} is someone else. */
  public String wrongIssuer(UUID subject, String... roles) {
    return builder().subject(subject).roles(rolesOrDefault(roles)).issuer("evil-issuer").build();
  }

  /** See {@link #wrongIssuer(UUID, String...)}; random subject. */
  public String wrongIssuer() {
    return wrongIssuer(UUID.randomUUID());
  }

  /** Correctly signed, {@code aud} is another service. */
  public String wrongAudience(UUID subject, String... roles) {
    return builder().subject(subject).roles(rolesOrDefault(roles)).audience("other-api").build();
  }

  /** See {@link #wrongAudience(UUID, String...)}; random subject. */
  public String wrongAudience() {
    return wrongAudience(UUID.randomUUID());
  }

  /**
   * Signed with this (genuine) key but naming a {@code kid} that no JWKS lists, so it is refused
   * only by a verifier that looks keys up by id rather than trying whatever key it has.
   */
  public String unknownKid(UUID subject, String... roles) {
    return builder()
        .subject(subject)
        .roles(rolesOrDefault(roles))
        .kid("unknown-" + UUID.randomUUID())
        .build();
  }

  /** See {@link #unknownKid(UUID, String...)}; random subject. */
  public String unknownKid() {
    return unknownKid(UUID.randomUUID());
  }

  /**
   * A genuine token for {@code subject} with {@code roles} whose payload was swapped for one that
   * also grants {@code admin}, keeping the original header and signature.
   */
  public String tamperedPayload(UUID subject, String... roles) {
    List<String> granted = List.of(rolesOrDefault(roles));
    List<String> escalated =
        Stream.concat(granted.stream(), Stream.of("admin")).distinct().toList();
    Instant now = now();
    String jti = UUID.randomUUID().toString();
    String genuine =
        builder()
            .subject(subject)
            .roles(granted.toArray(String[]::new))
            .issuedAt(now)
            .jti(jti)
            .build();
    String forged =
        builder()
            .subject(subject)
            .roles(escalated.toArray(String[]::new))
            .issuedAt(now)
            .jti(jti)
            .build();
    String[] genuineParts = genuine.split("\\.");
    String[] forgedParts = forged.split("\\.");
    return genuineParts[0] + "." + forgedParts[1] + "." + genuineParts[2];
  }

  /** See {@link #tamperedPayload(UUID, String...)}; random subject, role {@code customer}. */
  public String tamperedPayload() {
    return tamperedPayload(UUID.randomUUID());
  }

  private static String[] rolesOrDefault(String[] roles) {
    return roles == null || roles.length == 0 ? new String[] {DEFAULT_ROLE} : roles;
  }

  private static Instant now() {
    // JWT times have whole-second precision; truncating keeps iat/nbf from being a fraction ahead.
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  private static KeyPair newEd25519KeyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JDK cannot generate Ed25519 keys", e);
    }
  }

  private static String pem(PublicKey key) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  /**
   * Builds one token, starting from a valid one: random subject, role {@code customer}, issued now,
   * valid for {@link #DEFAULT_LIFETIME}, this instance's issuer, audience and key. Setting a
   * registered claim or header to {@code null} leaves it out of the token.
   */
  public final class Builder {
    private String subject = UUID.randomUUID().toString();
    private List<String> roles = List.of(DEFAULT_ROLE);
    private String tokenIssuer = issuer;
    private String tokenAudience = audience;
    private String tokenKid = kid;
    private Instant issuedAt = now();
    private Instant notBefore;
    private Instant expiresAt;
    private String jti = UUID.randomUUID().toString();
    private PrivateKey signingKey = keyPair.getPrivate();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private final Map<String, Object> headers = new LinkedHashMap<>();
    private boolean notBeforeSet;
    private boolean expiresAtSet;

    private Builder() {}

    public Builder subject(UUID subject) {
      this.subject = subject == null ? null : subject.toString();
      return this;
    }

    /** Any {@code sub} value, including ones that are not UUIDs. */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /** The {@code roles} claim; no roles gives an empty array, {@code null} leaves it out. */
    public Builder roles(String... roles) {
      this.roles = roles == null ? null : List.of(roles);
      return this;
    }

    public Builder issuer(String issuer) {
      this.tokenIssuer = issuer;
      return this;
    }

    /** The {@code aud} claim, written as a single string. */
    public Builder audience(String audience) {
      this.tokenAudience = audience;
      return this;
    }

    /** The {@code kid} header. */
    public Builder kid(String kid) {
      this.tokenKid = kid;
      return this;
    }

    /** {@code iat}; {@code nbf} and {@code exp} follow it unless set explicitly. */
    public Builder issuedAt(Instant issuedAt) {
      this.issuedAt = issuedAt;
      return this;
    }

    public Builder notBefore(Instant notBefore) {
      this.notBefore = notBefore;
      this.notBeforeSet = true;
      return this;
    }

    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      this.expiresAtSet = true;
      return this;
    }

    public Builder jti(String jti) {
      this.jti = jti;
      return this;
    }

    /** Any other claim; {@code null} removes it. */
    public Builder claim(String name, Object value) {
      if (value == null) {
        claims.remove(name);
      } else {
        claims.put(name, value);
      }
      return this;
    }

    /** Any other header parameter; {@code null} removes it. */
    public Builder header(String name, Object value) {
      if (value == null) {
        headers.remove(name);
      } else {
        headers.put(name, value);
      }
      return this;
    }

    /** Signs with another Ed25519 key, for example one a verifier does not trust. */
    public Builder signedWith(PrivateKey key) {
      this.signingKey = key;
      return this;
    }

    /** The compact, EdDSA-signed token. */
    public String build() {
      return jwt().signWith(signingKey, Jwts.SIG.EdDSA).compact();
    }

    // AudienceCollection.single is deprecated only to steer users to the array form; the
    // Stockroom contract is a single-string aud, and this is jjwt's one way to write it.
    @SuppressWarnings("deprecation")
    private JwtBuilder jwt() {
      JwtBuilder jwt = Jwts.builder();
      jwt.header().add(headers);
      if (tokenKid != null) {
        jwt.header().keyId(tokenKid);
      }
      jwt.claims(claims);
      if (tokenIssuer != null) {
        jwt.issuer(tokenIssuer);
      }
      if (tokenAudience != null) {
        jwt.claims().audience().single(tokenAudience);
      }
      if (subject != null) {
        jwt.subject(subject);
      }
      if (roles != null) {
        jwt.claim("roles", roles);
      }
      if (issuedAt != null) {
        jwt.issuedAt(Date.from(issuedAt));
      }
      Instant nbf = notBeforeSet ? notBefore : issuedAt;
      if (nbf != null) {
        jwt.notBefore(Date.from(nbf));
      }
      Instant exp =
          expiresAtSet ? expiresAt : issuedAt == null ? null : issuedAt.plus(DEFAULT_LIFETIME);
      if (exp != null) {
        jwt.expiration(Date.from(exp));
      }
      if (jti != null) {
        jwt.id(jti);
      }
      return jwt;
    }
  }
}
