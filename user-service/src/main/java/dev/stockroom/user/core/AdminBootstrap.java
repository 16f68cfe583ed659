package dev.stockroom.user.core;

/**
 * What {@code create-admin} did.
 *
 * @param user the admin account afterwards
 * @param outcome whether it was created, promoted or already an admin
 */
public record AdminBootstrap(User user, Outcome outcome) {
  /** The three possible results. */
  public enum Outcome {
    CREATED,
    PROMOTED,
    ALREADY_ADMIN
  }
}
