package dev.stockroom.user.resources;

import dev.stockroom.user.api.RefreshTokenRequest;
import dev.stockroom.user.api.TokenRequest;
import dev.stockroom.user.api.TokenResponse;
import dev.stockroom.user.core.AuthService;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Log-in, refresh and log-out. All public: the credentials are in the body. */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokensResource {
  private static final CacheControl NO_STORE;

  static {
    // RFC 6749 5.1: token responses must not be cached anywhere.
    NO_STORE = new CacheControl();
    NO_STORE.setNoStore(true);
  }

  private final AuthService auth;

  public TokensResource(AuthService auth) {
    this.auth = auth;
  }

  @POST
  @Path("/token")
  @PermitAll
  public Response token(@NotNull TokenRequest request, @Context HttpServletRequest http) {
    TokenResponse body =
        TokenResponse.from(auth.login(request.email(), request.password(), http.getRemoteAddr()));
    return Response.ok(body).cacheControl(NO_STORE).build();
  }

  @POST
  @Path("/refresh")
  @PermitAll
  public Response refresh(@NotNull RefreshTokenRequest request) {
    TokenResponse body = TokenResponse.from(auth.refresh(request.refreshToken()));
    return Response.ok(body).cacheControl(NO_STORE).build();
  }

  @POST
  @Path("/logout")
  @PermitAll
  public Response logout(@NotNull RefreshTokenRequest request) {
    auth.logout(request.refreshToken());
    return Response.noContent().build();
  }
}
