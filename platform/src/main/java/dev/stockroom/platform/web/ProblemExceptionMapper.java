package dev.stockroom.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.stockroom.platform.errors.ProblemException;
import io.dropwizard.jersey.optional.EmptyOptionalException;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import org.eclipse.jetty.io.EofException;

/**
 * The one Jersey exception mapper, instantiated once per exception type that Dropwizard's default
 * mappers claim (so ours wins even if those defaults are still registered) and for {@link
 * Throwable}. Each instance is an anonymous subclass so Jersey can read its exception type; all of
 * them delegate to the same {@link ExceptionProblems}.
 */
public abstract class ProblemExceptionMapper<E extends Throwable> implements ExceptionMapper<E> {
  private final ExceptionProblems problems;

  @Context private UriInfo uriInfo;

  protected ProblemExceptionMapper(ExceptionProblems problems) {
    this.problems = problems;
  }

  @Override
  public Response toResponse(E exception) {
    return problems.toResponse(exception, requestPath());
  }

  private String requestPath() {
    try {
      return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    } catch (RuntimeException outsideRequestScope) {
      return null;
    }
  }

  /** One mapper for each exception type we answer, most specific first. */
  public static List<ProblemExceptionMapper<?>> all(ExceptionProblems problems) {
    return List.of(
        new ProblemExceptionMapper<ProblemException>(problems) {},
        new ProblemExceptionMapper<WebApplicationException>(problems) {},
        new ProblemExceptionMapper<JerseyViolationException>(problems) {},
        new ProblemExceptionMapper<ConstraintViolationException>(problems) {},
        new ProblemExceptionMapper<JsonProcessingException>(problems) {},
        new ProblemExceptionMapper<EofException>(problems) {},
        new ProblemExceptionMapper<EmptyOptionalException>(problems) {},
        new ProblemExceptionMapper<IllegalStateException>(problems) {},
        new ProblemExceptionMapper<Throwable>(problems) {});
  }
}
