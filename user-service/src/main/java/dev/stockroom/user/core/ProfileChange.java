package dev.stockroom.user.core;

/**
 * A partial update of one's own profile; null means "leave as is".
 *
 * @param displayName a new display name
 * @param currentPassword the current password, required to set a new one
 * @param newPassword a new password
 */
public record ProfileChange(String displayName, String currentPassword, String newPassword) {}
