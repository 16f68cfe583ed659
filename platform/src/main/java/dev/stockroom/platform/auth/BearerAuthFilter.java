package dev.stockroom.platform.auth;

import dev.stockroom.platform.errors.ProblemTypes;
import dev.stockroom.platform.web.Problem;
import dev.stockroom.platform.web.Problems;
import dev.stockroom.platform.web.RequestIds;
import io.dropwizard.auth.Auth;
import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * Authenticates requests from the {@code Authorization: Bearer} header only. Unlike Dropwizard's
 * OAuth filter it never reads the {@code access_token} query parameter (URLs end up in logs,
 * histories and Referer headers) or cookies.
 *
 * <p>Which endpoints need a token: any with {@code @RolesAllowed}, {@code @DenyAll} or a
 * non-optional {@code @Auth} parameter, and any with no security annotation at all (a forgotten
 * annotation fails closed). {@code @PermitAll} means public: the request passes without a token,
 * and a valid token, if sent, still identifies the caller.
 *
 * <p>A missing token is answered with {@code WWW-Authenticate: Bearer realm="..."}; a token that
 * fails verification adds {@code error="invalid_token"} (RFC 6750). Both are 401 problems.
 */
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter extends AuthFilter<String, AuthenticatedUser> {
  static final String SCHEME = "Bearer";

  @Override
  public void filter(ContainerRequestContext request) {
    String token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (token != null && authenticate(request, token, SCHEME)) {
      return;
    }
    if (isPublic(request)) {
      return;
    }
    throw unauthorized(request, token != null);
  }

  /** The token of a {@code Bearer} authorization header, or null for anything else. */
  static String bearerToken(String header) {
    if (header == null || header.length() <= SCHEME.length() + 1) {
      return null;
    }
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
        || header.charAt(SCHEME.length()) != ' ') {
      return null;
    }
    String token = header.substring(SCHEME.length() + 1).trim();
    return token.isEmpty() ? null : token;
  }

  private WebApplicationException unauthorized(ContainerRequestContext request, boolean invalid) {
    String challenge =
        SCHEME + " realm=\"" + realm + "\"" + (invalid ? ", error=\"invalid_token\"" : "");
    Problem problem =
        new Problem(
            ProblemTypes.UNAUTHORIZED,
            "Unauthorized",
            401,
            invalid
                ? "The bearer token is invalid or expired."
                : "Authentication is required: send a bearer token in the Authorization header.",
            request.getUriInfo().getRequestUri().getRawPath(),
            RequestIds.current().orElse(null),
            null,
            List.of());
    return new WebApplicationException(
        Problems.toResponse(problem, Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge)));
  }

  private static boolean isPublic(ContainerRequestContext request) {
    if (!(request.getUriInfo() instanceof ExtendedUriInfo uriInfo)) {
      return false;
    }
    ResourceMethod matched = uriInfo.getMatchedResourceMethod();
    if (matched == null || matched.getInvocable() == null) {
      return false;
    }
    Method method = matched.getInvocable().getDefinitionMethod();
    if (requiresPrincipal(method)) {
      return false;
    }
    if (method.isAnnotationPresent(PermitAll.class)) {
      return true;
    }
    if (method.isAnnotationPresent(RolesAllowed.class)
        || method.isAnnotationPresent(DenyAll.class)) {
      return false;
    }
    Class<?> resource = method.getDeclaringClass();
    return resource.isAnnotationPresent(PermitAll.class)
        && !resource.isAnnotationPresent(RolesAllowed.class);
  }

  private static boolean requiresPrincipal(Method method) {
    Class<?>[] types = method.getParameterTypes();
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < types.length; i++) {
      for (Annotation annotation : annotations[i]) {
        if (annotation instanceof Auth && types[i] != Optional.class) {
          return true;
        }
      }
    }
    return false;
  }

  /** Builds the filter; the unauthorized handler is used only by Dropwizard's own code paths. */
  public static class Builder
      extends AuthFilterBuilder<String, AuthenticatedUser, BearerAuthFilter> {
    public Builder() {
      setPrefix(SCHEME);
      setUnauthorizedHandler(new ProblemUnauthorizedHandler());
    }

    @Override
    protected BearerAuthFilter newInstance() {
      return new BearerAuthFilter();
    }
  }

  /** A 401 problem with a Bearer challenge, for any code that asks the handler directly. */
  static final class ProblemUnauthorizedHandler implements UnauthorizedHandler {
    @Override
    public Response buildResponse(String prefix, String realm) {
      Problem problem =
          new Problem(
              ProblemTypes.UNAUTHORIZED,
              "Unauthorized",
              401,
              Problems.defaultDetail(401),
              null,
              RequestIds.current().orElse(null),
              null,
              List.of());
      return Problems.toResponse(
          problem, Map.of(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\""));
    }
  }
}
