package dev.stockroom.user.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stockroom.user.core.Argon2PasswordHasher;
import dev.stockroom.user.core.BoundedPasswordHasher;
import dev.stockroom.user.core.PasswordHasher;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Argon2id cost (YAML key {@code passwords}). Defaults are OWASP's minimum recommendation (m = 19
 * MiB, t = 2, p = 1). Hashes carry their parameters, so raising them later keeps old hashes
 * verifiable. At most {@code maxConcurrent} hashes run at once (each holds {@code memoryKib} of
 * heap); a request waits up to {@code maxWait} for a turn, then gets a 503.
 */
public class PasswordHashingFactory {
  @Min(1)
  @Max(256)
  private int maxConcurrent = 4;

  @NotNull
  @MaxDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration maxWait = Duration.seconds(5);

  @Min(8)
  @Max(4 * 1024 * 1024)
  private int memoryKib = 19 * 1024;

  @Min(1)
  @Max(100)
  private int iterations = 2;

  @Min(1)
  @Max(64)
  private int parallelism = 1;

  @Min(16)
  @Max(64)
  private int saltLength = 16;

  @Min(16)
  @Max(64)
  private int hashLength = 32;

  @JsonProperty
  public int getMemoryKib() {
    return memoryKib;
  }

  @JsonProperty
  public void setMemoryKib(int memoryKib) {
    this.memoryKib = memoryKib;
  }

  @JsonProperty
  public int getIterations() {
    return iterations;
  }

  @JsonProperty
  public void setIterations(int iterations) {
    this.iterations = iterations;
  }

  @JsonProperty
  public int getParallelism() {
    return parallelism;
  }

  @JsonProperty
  public void setParallelism(int parallelism) {
    this.parallelism = parallelism;
  }

  @JsonProperty
  public int getSaltLength() {
    return saltLength;
  }

  @JsonProperty
  public void setSaltLength(int saltLength) {
    this.saltLength = saltLength;
  }

  @JsonProperty
  public int getHashLength() {
    return hashLength;
  }

  @JsonProperty
  public void setHashLength(int hashLength) {
    this.hashLength = hashLength;
  }

  @JsonProperty
  public int getMaxConcurrent() {
    return maxConcurrent;
  }

  @JsonProperty
  public void setMaxConcurrent(int maxConcurrent) {
    this.maxConcurrent = maxConcurrent;
  }

  @JsonProperty
  public Duration getMaxWait() {
    return maxWait;
  }

  @JsonProperty
  public void setMaxWait(Duration maxWait) {
    this.maxWait = maxWait;
  }

  public PasswordHasher build() {
    return new BoundedPasswordHasher(
        new Argon2PasswordHasher(saltLength, hashLength, parallelism, memoryKib, iterations),
        maxConcurrent,
        maxWait.toJavaDuration());
  }
}
