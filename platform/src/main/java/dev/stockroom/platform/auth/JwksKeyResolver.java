package dev.stockroom.platform.auth;

import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Public keys from a JWKS URL, cached. The set is fetched on first use (so a service starts even
 * while the issuer is down), refetched when older than the cache TTL, and refetched when a token
 * names an unknown {@code kid} (the issuer rotated keys) — but never more often than the minimum
 * refresh interval, so a flood of tokens with made-up {@code kid}s cannot turn into a flood of
 * requests to the issuer. One thread fetches at a time; the others wait for its result.
 *
 * <p>Fails closed: with no keys (issuer never reached, or it served none) every lookup is empty and
 * every token is rejected. When a refetch fails the last good set is kept, so an issuer outage does
 * not log everybody out; keys the issuer removed disappear at the next successful fetch. Only
 * Ed25519 public keys are kept.
 */
public class JwksKeyResolver implements KeyResolver {
  private static final Logger LOG = LoggerFactory.getLogger(JwksKeyResolver.class);

  /** A JWKS with a handful of keys is a few kilobytes; anything this big is not one. */
  private static final int MAX_BODY_BYTES = 1024 * 1024;

  private final URI jwksUri;
  private final HttpClient client;
  private final Duration requestTimeout;
  private final Duration cacheTtl;
  private final Duration minRefreshInterval;
  private final Clock clock;
  private final ReentrantLock fetching = new ReentrantLock();

  private volatile Snapshot snapshot = new Snapshot(Map.of(), null);
  private volatile Instant lastAttempt;

  private record Snapshot(Map<String, PublicKey> keys, Instant fetchedAt) {}

  public JwksKeyResolver(
      URI jwksUri,
      HttpClient client,
      Duration requestTimeout,
      Duration cacheTtl,
      Duration minRefreshInterval,
      Clock clock) {
    this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
    this.client = Objects.requireNonNull(client, "client");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
    this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A resolver with its own HTTP client that never follows redirects. */
  public static JwksKeyResolver create(
      URI jwksUri,
      Duration connectTimeout,
      Duration requestTimeout,
      Duration cacheTtl,
      Duration minRefreshInterval) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new JwksKeyResolver(
        jwksUri, client, requestTimeout, cacheTtl, minRefreshInterval, Clock.systemUTC());
  }

  @Override
  public Optional<PublicKey> find(String kid) {
    if (kid == null) {
      return Optional.empty();
    }
    Snapshot current = snapshot;
    PublicKey key = current.keys().get(kid);
    if (key != null && isFresh(current)) {
      return Optional.of(key);
    }
    refreshIfAllowed();
    return Optional.ofNullable(snapshot.keys().get(kid));
  }

  private boolean isFresh(Snapshot current) {
    return current.fetchedAt() != null
        && clock.instant().isBefore(current.fetchedAt().plus(cacheTtl));
  }

  private void refreshIfAllowed() {
    Instant seen = lastAttempt;
    if (!mayAttempt(seen)) {
      awaitFetchInProgress();
      return;
    }
    fetching.lock();
    try {
      if (!Objects.equals(seen, lastAttempt)) {
        // Another thread fetched while this one waited for the lock: use its result.
        return;
      }
      lastAttempt = clock.instant();
      Map<String, PublicKey> keys = fetch();
      snapshot = new Snapshot(Map.copyOf(keys), clock.instant());
      LOG.info("Loaded {} signing key(s) from {}", keys.size(), jwksUri);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Cannot load signing keys from {} ({}); keeping {} known key(s)",
          jwksUri,
          e.toString(),
          snapshot.keys().size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("Interrupted while loading signing keys from {}", jwksUri);
    } finally {
      fetching.unlock();
    }
  }

  /**
   * A fetch that started a moment ago has already set {@code lastAttempt}, so a caller arriving
   * during it may not fetch itself; it must still wait for that fetch, or the first requests after
   * a start (or a key rotation) would all be rejected while the keys are on their way.
   */
  private void awaitFetchInProgress() {
    if (fetching.isLocked()) {
      fetching.lock();
      fetching.unlock();
    }
  }

  private boolean mayAttempt(Instant seen) {
    return seen == null || !clock.instant().isBefore(seen.plus(minRefreshInterval));
  }

  private Map<String, PublicKey> fetch() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(jwksUri)
            .timeout(requestTimeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new IOException("JWKS larger than " + MAX_BODY_BYTES + " bytes");
    }
    JwkSet set = Jwks.setParser().build().parse(new String(body, StandardCharsets.UTF_8));
    Map<String, PublicKey> keys = new HashMap<>();
    for (Jwk<?> jwk : set.getKeys()) {
      if (jwk instanceof PublicJwk<?> publicJwk
          && jwk.getId() != null
          && isSigningKey(publicJwk)
          && isEd25519(publicJwk.toKey())) {
        keys.put(jwk.getId(), (PublicKey) publicJwk.toKey());
      }
    }
    return keys;
  }

  private static boolean isSigningKey(PublicJwk<?> jwk) {
    return jwk.getPublicKeyUse() == null || "sig".equals(jwk.getPublicKeyUse());
  }

  private static boolean isEd25519(Key key) {
    if (key instanceof EdECPublicKey edec) {
      return "Ed25519".equalsIgnoreCase(edec.getParams().getName());
    }
    return key instanceof PublicKey
        && ("Ed25519".equalsIgnoreCase(key.getAlgorithm())
            || "EdDSA".equalsIgnoreCase(key.getAlgorithm()));
  }
}
