package dev.stockroom.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.stockroom.platform.metrics.PrometheusServlet;
import dev.stockroom.platform.tracing.TraceContextFilter;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.DataSize;
import io.dropwizard.validation.MinDataSize;
import jakarta.servlet.DispatcherType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The HTTP conventions every Stockroom service shares, from YAML key {@code api}:
 *
 * <pre>
 * api:
 *   maxRequestBody: 64KiB          # larger bodies get 413 before they are read
 *   connectionHeaderCache: false   # Jetty's per-connection header cache (see below)
 *   writeLimit: ...                # writes handled at once ({@link WriteLimitFactory})
 * </pre>
 *
 * {@link #build(Environment, ServerFactory)} (called once from the application's {@code run()})
 * registers RFC 9457 problem responses for every error path (Jersey exception mappers, a response
 * filter for mapper-less error responses, and Jetty error handlers on the application context, the
 * admin context and the server itself), the {@code X-Request-Id} filter with its MDC entry, the
 * request-body limit, a strict JSON reader (unknown fields, duplicate keys, trailing tokens, type
 * coercions and nulls for primitives are all rejected) and {@code /prometheus} on the admin port.
 *
 * <p>It also turns off Jetty's header cache on every connector unless {@code connectionHeaderCache}
 * is true. Jetty builds that cache on each connection that sends a second request, a table of 96
 * bytes of heap per byte of the connector's {@code headerCacheSize} (12 KB at the 128 bytes
 * Dropwizard accepts at least): a thousand long-polling clients held 12 MB of order-service's heap
 * in it, to spare parsing a few short header values again.
 */
public class ApiFactory {
  @NotNull
  @MinDataSize(1)
  private DataSize maxRequestBody = DataSize.kibibytes(64);

  private boolean connectionHeaderCache = false;

  @Valid @NotNull private WriteLimitFactory writeLimit = new WriteLimitFactory();

  @JsonProperty
  public DataSize getMaxRequestBody() {
    return maxRequestBody;
  }

  @JsonProperty
  public void setMaxRequestBody(DataSize maxRequestBody) {
    this.maxRequestBody = maxRequestBody;
  }

  @JsonProperty
  public boolean isConnectionHeaderCache() {
    return connectionHeaderCache;
  }

  @JsonProperty
  public void setConnectionHeaderCache(boolean connectionHeaderCache) {
    this.connectionHeaderCache = connectionHeaderCache;
  }

  @JsonProperty
  public WriteLimitFactory getWriteLimit() {
    return writeLimit;
  }

  @JsonProperty
  public void setWriteLimit(WriteLimitFactory writeLimit) {
    this.writeLimit = writeLimit;
  }

  /**
   * Registers everything and turns off Dropwizard's own exception mappers, so each exception type
   * has exactly one mapper. Call as {@code api.build(environment,
   * configuration.getServerFactory())}.
   */
  public void build(Environment environment, ServerFactory serverFactory) {
    if (serverFactory instanceof AbstractServerFactory server) {
      server.setRegisterDefaultExceptionMappers(false);
    }
    build(environment);
  }

  /**
   * Registers everything. Dropwizard's default mappers stay registered but never win: ours are
   * registered for each of their exception types and Jersey prefers application-registered mappers
   * at equal distance. Prefer {@link #build(Environment, ServerFactory)}, which removes them.
   */
  public void build(Environment environment) {
    ObjectMapper mapper = environment.getObjectMapper();
    configureObjectMapper(mapper);

    ExceptionProblems problems = new ExceptionProblems(mapper);
    ProblemExceptionMapper.all(problems).forEach(environment.jersey()::register);
    environment.jersey().register(new ProblemResponseFilter());
    environment.jersey().register(new ReadBodyFirstFilter());

    // Registered with isMatchAfter=false, which prepends: the body limit first, then the request
    // id in front of it, so every later filter and every error response sees the id.
    environment
        .servlets()
        .addFilter("request-body-limit", new RequestBodyLimitFilter(maxRequestBody.toBytes()))
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    environment
        .servlets()
        .addFilter("request-id", new RequestIdFilter())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    environment
        .servlets()
        .addFilter("trace-context", new TraceContextFilter())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    environment
        .admin()
        .addFilter("request-id", new RequestIdFilter())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");

    writeLimit.build(environment);
    environment.getApplicationContext().setErrorHandler(new ProblemServletErrorHandler());
    environment.getAdminContext().setErrorHandler(new ProblemServletErrorHandler());
    // The server is built after run(); replace its error handler, and set its connectors' header
    // cache before they accept a connection, when it starts.
    environment
        .lifecycle()
        .addEventListener(
            new LifeCycle.Listener() {
              @Override
              public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                  server.setErrorHandler(new ProblemServerErrorHandler());
                  applyHeaderCache(server, connectionHeaderCache);
                }
              }
            });

    environment
        .admin()
        .addServlet("prometheus", new PrometheusServlet(environment.metrics()))
        .addMapping(PrometheusServlet.PATH);
  }

  /**
   * Turns off the header cache of every HTTP connector of {@code server}, unless {@code enabled}
   * (then each keeps its configured {@code headerCacheSize}). Connections read the setting when
   * they open, so this must run before the connectors start.
   */
  static void applyHeaderCache(Server server, boolean enabled) {
    if (enabled) {
      return;
    }
    // Searched through the server's whole bean tree: Dropwizard wraps each connector's factory in
    // a metrics-instrumented one, which holds the HTTP factory as its bean.
    for (HttpConnectionFactory http : server.getContainedBeans(HttpConnectionFactory.class)) {
      http.getHttpConfiguration().setHeaderCacheSize(0);
    }
  }

  /**
   * The JSON mapping every service's API uses ({@link #build} applies it to the environment's
   * mapper; wire-format tests apply it to theirs). Times are ISO 8601 strings. Request bodies are
   * read strictly: what a client gets wrong should be reported, not guessed. {@code "5"} is not a
   * number, {@code 5} is not a string, {@code 1.5} is not an integer.
   */
  public static void configureObjectMapper(ObjectMapper mapper) {
    // Times go out as ISO 8601 strings (2026-03-01T10:00:00Z), never epoch numbers.
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    mapper.enable(
        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
  }
}
