package dev.stockroom.platform.web;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.stockroom.platform.errors.FieldError;
import dev.stockroom.platform.errors.ProblemException;
import dev.stockroom.platform.errors.ProblemTypes;
import io.dropwizard.jersey.optional.EmptyOptionalException;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.jetty.io.EofException;
import org.glassfish.jersey.model.Parameter;
import org.glassfish.jersey.server.ParamException;
import org.glassfish.jersey.server.model.Invocable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any exception that escapes a resource into a problem response. One place decides, so the
 * same exception always gives the same answer whichever mapper Jersey picked.
 *
 * <p>Rules: nothing from an exception's message reaches the client unless the exception is one of
 * ours ({@link ProblemException}) or the text is built here from known-safe parts (field paths,
 * JSON positions, expected JSON types). Unexpected exceptions are logged with a fresh error id and
 * answered with only that id.
 */
public class ExceptionProblems {
  private static final Logger LOG = LoggerFactory.getLogger(ExceptionProblems.class);

  /** Jersey's message for form parameters read from a non-form body (it throws ISE for it). */
  private static final String FORM_PARAM_CONTENT_TYPE_ERROR =
      org.glassfish.jersey.server.internal.LocalizationMessages.FORM_PARAM_CONTENT_TYPE_ERROR();

  private static final int MAX_CAUSE_DEPTH = 10;

  private final ObjectMapper objectMapper;

  /**
   * @param objectMapper the mapper that reads request bodies, used to report field paths with the
   *     JSON names the client wrote
   */
  public ExceptionProblems(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  public Response toResponse(Throwable thrown, String instance) {
    String requestId = RequestIds.current().orElse(null);
    ProblemException problem = findProblem(thrown);
    if (problem != null) {
      return fromProblemException(problem, instance, requestId);
    }
    if (thrown instanceof WebApplicationException wae) {
      return fromWebApplicationException(wae, instance, requestId);
    }
    if (thrown instanceof ConstraintViolationException violations) {
      return fromViolations(violations, instance, requestId);
    }
    if (thrown instanceof JsonProcessingException json) {
      return fromJson(json, instance, requestId);
    }
    if (thrown instanceof EofException) {
      // The client went away or sent a truncated body: its problem, not ours, and not worth a
      // trace.
      LOG.debug("Request body ended early", thrown);
      return Problems.toResponse(
          Problems.forStatus(400, "The request body ended early.", instance, requestId, List.of()),
          Map.of());
    }
    if (thrown instanceof EmptyOptionalException) {
      return Problems.toResponse(Problems.forStatus(404, instance, requestId), Map.of());
    }
    if (thrown instanceof IllegalStateException
        && FORM_PARAM_CONTENT_TYPE_ERROR.equals(thrown.getMessage())) {
      return Problems.toResponse(Problems.forStatus(415, instance, requestId), Map.of());
    }
    return unexpected(thrown, instance, requestId);
  }

  /** A 500 that tells the client only the id under which the stack trace was logged. */
  public Response unexpected(Throwable thrown, String instance, String requestId) {
    String errorId = UUID.randomUUID().toString();
    LOG.error("Unexpected error {} handling {}", errorId, instance, thrown);
    Problem problem =
        new Problem(
            ProblemTypes.INTERNAL,
            Problems.title(500),
            500,
            "An unexpected error occurred. Quote error id " + errorId + " when reporting it.",
            instance,
            requestId,
            errorId,
            null);
    return Problems.toResponse(problem, Map.of());
  }

  private static ProblemException findProblem(Throwable thrown) {
    Throwable current = thrown;
    for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
      if (current instanceof ProblemException problem) {
        return problem;
      }
      current = current.getCause();
    }
    return null;
  }

  private static Response fromProblemException(
      ProblemException e, String instance, String requestId) {
    if (e.status() >= 500) {
      LOG.warn("Answering {} {}: {}", e.status(), instance, e.detail());
    }
    return Problems.toResponse(Problems.from(e, instance, requestId), e.headers());
  }

  private Response fromWebApplicationException(
      WebApplicationException e, String instance, String requestId) {
    Response original = e.getResponse();
    int status = original == null ? 500 : original.getStatus();
    if (status < 400) {
      // A redirect or other non-error thrown as an exception: pass it through unchanged.
      return original;
    }
    if (status >= 500 && status != 503) {
      return unexpected(e, instance, requestId);
    }
    Map<String, Object> headers = new LinkedHashMap<>();
    if (original != null) {
      copyHeaders(original.getHeaders(), headers);
    }
    if (e instanceof ParamException param) {
      return fromParamException(param, status, instance, requestId, headers);
    }
    if (status == 401) {
      headers.putIfAbsent(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return Problems.toResponse(Problems.forStatus(status, instance, requestId), headers);
  }

  private static Response fromParamException(
      ParamException e,
      int status,
      String instance,
      String requestId,
      Map<String, Object> headers) {
    String kind =
        e.getParameterType().getSimpleName().replace("Param", "").toLowerCase(Locale.ROOT);
    if (e instanceof ParamException.PathParamException) {
      // A path segment that does not parse (say, not a UUID) names no resource.
      return Problems.toResponse(Problems.forStatus(404, instance, requestId), headers);
    }
    // JAX-RS answers 404 for a query parameter that does not convert; for an API that is a 400.
    int answer = e instanceof ParamException.QueryParamException ? 400 : status;
    String name = e.getParameterName();
    Problem problem =
        new Problem(
            ProblemTypes.BAD_REQUEST,
            "Bad request",
            answer,
            "The " + kind + " parameter '" + name + "' has an invalid value.",
            instance,
            requestId,
            null,
            List.of(new FieldError(name, "has an invalid value")));
    return Problems.toResponse(problem, headers);
  }

  private static void copyHeaders(MultivaluedMap<String, Object> from, Map<String, Object> to) {
    from.forEach(
        (name, values) -> {
          if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
              && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
              && values != null
              && !values.isEmpty()) {
            to.put(name, values.stream().map(String::valueOf).collect(Collectors.joining(", ")));
          }
        });
  }

  // ---------------------------------------------------------------- JSON

  private Response fromJson(JsonProcessingException e, String instance, String requestId) {
    if (e instanceof JsonGenerationException || e instanceof InvalidDefinitionException) {
      // Writing a response or a type that cannot be bound at all: a bug on our side.
      return unexpected(e, instance, requestId);
    }
    LOG.debug("Unreadable request body", e);
    if (e instanceof PropertyBindingException unknown) {
      String field = jsonPath(unknown.getPath());
      return Problems.toResponse(
          new Problem(
              ProblemTypes.VALIDATION,
              "Validation failed",
              422,
              "The request has a field this API does not accept.",
              instance,
              requestId,
              null,
              List.of(new FieldError(field, "is not a known field"))),
          Map.of());
    }
    if (e instanceof StreamReadException parse) {
      String where =
          parse.getLocation() == null
              ? ""
              : " (line "
                  + parse.getLocation().getLineNr()
                  + ", column "
                  + parse.getLocation().getColumnNr()
                  + ")";
      return badBody(
          ProblemTypes.MALFORMED_JSON,
          "The request body is not valid JSON" + where + ".",
          List.of(),
          instance,
          requestId);
    }
    if (e instanceof JsonMappingException mapping) {
      String field = jsonPath(mapping.getPath());
      if (field.isEmpty()) {
        String detail =
            isEmptyInput(mapping)
                ? "The request body is empty."
                : "The request body does not have the expected shape"
                    + expectedShape(mapping)
                    + ".";
        return badBody(ProblemTypes.BAD_REQUEST, detail, List.of(), instance, requestId);
      }
      String message = fieldMessage(mapping);
      return badBody(
          ProblemTypes.BAD_REQUEST,
          "The field '" + field + "' " + message + ".",
          List.of(new FieldError(field, message)),
          instance,
          requestId);
    }
    return badBody(
        ProblemTypes.BAD_REQUEST,
        "The request body could not be read.",
        List.of(),
        instance,
        requestId);
  }

  private static Response badBody(
      String type, String detail, List<FieldError> errors, String instance, String requestId) {
    String title = ProblemTypes.MALFORMED_JSON.equals(type) ? "Malformed JSON" : "Bad request";
    return Problems.toResponse(
        new Problem(type, title, 400, detail, instance, requestId, null, errors), Map.of());
  }

  private static boolean isEmptyInput(JsonMappingException e) {
    String original = e.getOriginalMessage();
    return original != null && original.startsWith("No content to map");
  }

  private static String expectedShape(JsonMappingException e) {
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return ": it " + describeExpected(mismatch.getTargetType());
    }
    return "";
  }

  private static String fieldMessage(JsonMappingException e) {
    if (e instanceof InvalidNullException) {
      return "must not be null";
    }
    if (e instanceof InvalidTypeIdException) {
      return "has an unknown type";
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return describeExpected(mismatch.getTargetType());
    }
    // ValueInstantiationException and friends: the value parsed but was rejected.
    return "has an invalid value";
  }

  /** The JSON type a Java type is written as, never the Java class name. */
  static String describeExpected(Class<?> type) {
    if (type == String.class || type == char.class || type == Character.class) {
      return "must be a string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "must be true or false";
    }
    if (type == int.class
        || type == long.class
        || type == short.class
        || type == byte.class
        || type == Integer.class
        || type == Long.class
        || type == Short.class
        || type == Byte.class
        || type == BigInteger.class) {
      return "must be an integer";
    }
    if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
      return "must be a number";
    }
    if (type.isEnum()) {
      return "must be one of "
          + Arrays.stream(type.getEnumConstants())
              .map(constant -> ((Enum<?>) constant).name())
              .collect(Collectors.joining(", "));
    }
    if (type == UUID.class) {
      return "must be a UUID";
    }
    if (type == LocalDate.class) {
      return "must be an ISO 8601 date";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "must be an ISO 8601 timestamp";
    }
    if (type == Duration.class) {
      return "must be an ISO 8601 duration";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "must be an array";
    }
    return "must be an object";
  }

  /** {@code lines[0].quantity} from Jackson's path of references. */
  private static String jsonPath(List<JsonMappingException.Reference> path) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      if (reference.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- bean validation

  private Response fromViolations(
      ConstraintViolationException e, String instance, String requestId) {
    Invocable invocable =
        e instanceof JerseyViolationException jersey ? jersey.getInvocable() : null;
    Set<ConstraintViolation<?>> violations = e.getConstraintViolations();
    List<FieldError> errors = new ArrayList<>();
    boolean allInBody = true;
    for (ConstraintViolation<?> violation : violations) {
      List<Path.Node> nodes = new ArrayList<>();
      violation.getPropertyPath().forEach(nodes::add);
      if (nodes.stream().anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE)) {
        // The resource returned something its own constraints forbid: our bug.
        return unexpected(e, instance, requestId);
      }
      int parameterAt = indexOfKind(nodes, ElementKind.PARAMETER);
      if (parameterAt >= 0 && invocable != null) {
        int index = nodes.get(parameterAt).as(Path.ParameterNode.class).getParameterIndex();
        Parameter parameter = invocable.getParameters().get(index);
        List<Path.Node> rest = nodes.subList(parameterAt + 1, nodes.size());
        if (parameter.getSource() == Parameter.Source.ENTITY
            || parameter.getSource() == Parameter.Source.UNKNOWN) {
          String field = beanPath(rest, parameter.getType());
          errors.add(
              field.isEmpty() && rest.isEmpty()
                  ? new FieldError(null, "The request body " + violation.getMessage())
                  : new FieldError(field.isEmpty() ? null : field, violation.getMessage()));
        } else {
          allInBody = false;
          String name =
              parameter.getSourceName() == null || parameter.getSourceName().isEmpty()
                  ? beanPath(rest, parameter.getType())
                  : parameter.getSourceName();
          errors.add(new FieldError(name, violation.getMessage()));
        }
      } else {
        String field = beanPath(nodes, violation.getRootBeanClass());
        errors.add(new FieldError(field.isEmpty() ? null : field, violation.getMessage()));
      }
    }
    errors.sort(
        Comparator.comparing((FieldError error) -> error.field() == null ? "" : error.field())
            .thenComparing(FieldError::message));
    LOG.debug("Validation failed: {}", errors);
    int status = allInBody ? 422 : 400;
    Problem problem =
        new Problem(
            allInBody ? ProblemTypes.VALIDATION : ProblemTypes.BAD_REQUEST,
            allInBody ? "Validation failed" : "Bad request",
            status,
            errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.",
            instance,
            requestId,
            null,
            errors);
    return Problems.toResponse(problem, Map.of());
  }

  private static int indexOfKind(List<Path.Node> nodes, ElementKind kind) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).getKind() == kind) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The JSON path of a bean-validation property path, translating each Java property name into the
   * name Jackson reads it from (they differ with {@code @JsonProperty} or naming strategies).
   */
  private String beanPath(List<Path.Node> nodes, Type rootType) {
    StringBuilder out = new StringBuilder();
    JavaType type = constructType(rootType);
    for (Path.Node node : nodes) {
      if (node.isInIterable()) {
        Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
        out.append('[').append(position == null ? "" : position).append(']');
        type = type == null ? null : type.getContentType();
      }
      if (node.getKind() == ElementKind.PROPERTY) {
        BeanPropertyDefinition property = findProperty(type, node.getName());
        String name = property == null ? node.getName() : property.getName();
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(name);
        type = property == null ? null : property.getPrimaryType();
      }
    }
    return out.toString();
  }

  private JavaType constructType(Type type) {
    try {
      return type == null ? null : objectMapper.constructType(type);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private BeanPropertyDefinition findProperty(JavaType type, String javaName) {
    if (type == null || javaName == null || type.isContainerType() || type.isPrimitive()) {
      return null;
    }
    try {
      BeanDescription description = objectMapper.getDeserializationConfig().introspect(type);
      for (BeanPropertyDefinition property : description.findProperties()) {
        if (javaName.equals(property.getInternalName())) {
          return property;
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("Cannot introspect {} for field names", type, e);
    }
    return null;
  }
}
