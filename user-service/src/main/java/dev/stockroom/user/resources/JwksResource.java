package dev.stockroom.user.resources;

import dev.stockroom.user.core.KeyRing;
import dev.stockroom.user.core.SigningKey;
import io.jsonwebtoken.security.Jwks;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;

/**
 * The public keys that verify this service's tokens (RFC 7517 JWK Set): the active key first, then
 * retired keys whose tokens may still be live. Other services fetch and cache it.
 */
@Path("/.well-known/jwks.json")
public class JwksResource {
  // Short enough that a rotation is seen quickly; verifiers also refetch on an unknown kid.
  static final String CACHE_CONTROL = "public, max-age=300";

  /** RFC 7517's media type, for clients that ask for it specifically. */
  static final String JWK_SET_JSON = "application/jwk-set+json";

  private final String json;

  public JwksResource(KeyRing keys) {
    this.json =
        keys.verificationKeys().stream()
            .map(SigningKey::publicJwk)
            .map(Jwks::json)
            .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
  }

  @GET
  @PermitAll
  @Produces({MediaType.APPLICATION_JSON, JWK_SET_JSON})
  public Response keys() {
    return Response.ok(json).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
  }
}
