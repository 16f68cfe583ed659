package dev.stockroom.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code @ExtendWith(StockroomSystem.class)}: the running system, started once per test JVM on
 * first use and shared by every test class (starting five JVMs takes most of a minute on two
 * cores). It is kept in the root extension store, which JUnit closes after the last test class, so
 * the processes stop at the end of the run; the harness's shutdown hook covers a JVM that ends
 * early.
 *
 * <p>Test and lifecycle methods take a {@link RunningSystem} parameter. When one of them fails, the
 * tail of every process log is printed before the failure is reported.
 */
public final class StockroomSystem
    implements BeforeAllCallback,
        ParameterResolver,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StockroomSystem.class);
  private static final Logger LOG = LoggerFactory.getLogger(StockroomSystem.class);
  private static final int TAIL_LINES = 40;

  /**
   * The one start attempt of this JVM. A failed start is remembered, so the next test classes fail
   * at once with the same cause instead of starting five more JVMs each.
   */
  static final class Shared implements AutoCloseable {
    private final RunningSystem system;
    private final RuntimeException failure;

    Shared() {
      RunningSystem started = null;
      RuntimeException failed = null;
      try {
        started = RunningSystem.start(E2eSettings.fromSystemProperties());
      } catch (RuntimeException e) {
        failed = e;
      }
      system = started;
      failure = failed;
    }

    RunningSystem system() {
      if (failure != null) {
        throw new IllegalStateException("the system under test is not running", failure);
      }
      return system;
    }

    @Override
    public void close() {
      if (system != null) {
        system.close();
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    system(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunningSystem.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return system(context);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    printLogTails(context, throwable);
    throw throwable;
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    printLogTails(context, throwable);
    throw throwable;
  }

  @Override
  public void handleBeforeEachMethodExecutionException(
      ExtensionContext context, Throwable throwable) throws Throwable {
    printLogTails(context, throwable);
    throw throwable;
  }

  private static RunningSystem system(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Shared.class, key -> new Shared(), Shared.class)
        .system();
  }

  private static void printLogTails(ExtensionContext context, Throwable throwable) {
    Shared shared = context.getRoot().getStore(NAMESPACE).get(Shared.class, Shared.class);
    if (shared == null || shared.system == null) {
      return; // A failed start already carries the log tails in its message.
    }
    LOG.error(
        "{} failed: {}\n{}",
        context.getDisplayName(),
        throwable.toString(),
        shared.system.logTails(TAIL_LINES));
  }
}
