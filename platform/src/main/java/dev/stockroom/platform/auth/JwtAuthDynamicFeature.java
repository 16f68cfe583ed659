package dev.stockroom.platform.auth;

import io.dropwizard.auth.Auth;
import io.dropwizard.auth.AuthDynamicFeature;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Dropwizard's {@link AuthDynamicFeature}, plus the bearer filter on resource methods that carry no
 * security annotation at all. Dropwizard leaves those open; here they require a token, because an
 * endpoint without {@code @PermitAll} or {@code @RolesAllowed} is a mistake and a mistake should
 * fail closed. Jersey's own generated methods (OPTIONS, WADL) are left alone.
 */
public class JwtAuthDynamicFeature extends AuthDynamicFeature {
  private static final List<Class<? extends Annotation>> SECURITY =
      List.of(PermitAll.class, RolesAllowed.class, DenyAll.class);

  private final ContainerRequestFilter filter;

  public JwtAuthDynamicFeature(ContainerRequestFilter filter) {
    super(filter);
    this.filter = filter;
  }

  @Override
  public void configure(ResourceInfo resourceInfo, FeatureContext context) {
    super.configure(resourceInfo, context);
    Method method = resourceInfo.getResourceMethod();
    Class<?> resource = resourceInfo.getResourceClass();
    if (method == null
        || resource == null
        || resource.getName().startsWith("org.glassfish.jersey")) {
      return;
    }
    if (!hasSecurityAnnotation(method, resource)) {
      context.register(filter);
    }
  }

  private static boolean hasSecurityAnnotation(Method method, Class<?> resource) {
    for (Class<? extends Annotation> type : SECURITY) {
      if (method.isAnnotationPresent(type) || resource.isAnnotationPresent(type)) {
        return true;
      }
    }
    for (Annotation[] parameter : method.getParameterAnnotations()) {
      for (Annotation annotation : parameter) {
        if (annotation instanceof Auth) {
          return true;
        }
      }
    }
    return false;
  }
}
