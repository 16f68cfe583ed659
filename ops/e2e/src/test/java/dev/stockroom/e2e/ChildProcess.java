package dev.stockroom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One JVM the harness started, with standard output and error going to its own log file (a file,
 * not a pipe, so a chatty process can never block on a full pipe nobody reads).
 */
final class ChildProcess {
  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} in {@code workDir}, appending its output to {@code log}. */
  static ChildProcess start(String name, List<String> command, Path workDir, Path log) {
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new ChildProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  Process process() {
    return process;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The whole log, as far as it has been written. */
  String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last {@code lines} lines of the log. */
  List<String> tail(int lines) {
    List<String> all = new ArrayList<>(output().lines().toList());
    return all.subList(Math.max(0, all.size() - lines), all.size());
  }

  /** Sends SIGTERM (the services and the broker shut down cleanly on it), without waiting. */
  void terminate() {
    process.toHandle().destroy();
  }

  /**
   * Waits up to {@code grace} for the process to end after {@link #terminate()}, then kills it.
   *
   * @return the exit status, or -1 when it had to be killed
   */
  int awaitExit(Duration grace) {
    try {
      if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        return process.exitValue();
      }
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return -1;
    }
  }

  /** Last resort, from the JVM shutdown hook: no grace, no waiting for anything but the kill. */
  void kill() {
    process.destroyForcibly();
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
