package dev.stockroom.user.api;

import dev.stockroom.user.core.ProfileChange;

/**
 * Body of {@code PATCH /api/v1/users/me}: absent fields stay as they are.
 *
 * @param displayName a new display name
 * @param currentPassword the current password, required with {@code newPassword}
 * @param newPassword a new password (12 to 128 characters); revokes all refresh tokens
 */
public record UpdateProfileRequest(String displayName, String currentPassword, String newPassword) {
  public ProfileChange toChange() {
    return new ProfileChange(displayName, currentPassword, newPassword);
  }

  /** Never prints the passwords. */
  @Override
  public String toString() {
    return "UpdateProfileRequest[displayName=" + displayName + "]";
  }
}
