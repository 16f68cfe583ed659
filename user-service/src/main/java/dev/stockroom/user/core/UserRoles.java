package dev.stockroom.user.core;

import dev.stockroom.platform.auth.Roles;
import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The roles an account may hold, and the rule for a role list sent by an admin. */
public final class UserRoles {
  /** Every known role. */
  public static final Set<String> ALL = Set.of(Roles.CUSTOMER, Roles.ADMIN);

  /** What a new account gets; nobody can register with more. */
  public static final SortedSet<String> DEFAULT = new TreeSet<>(Set.of(Roles.CUSTOMER));

  private UserRoles() {}

  /**
   * Validates a role list: non-empty, known names only; duplicates collapse.
   *
   * @throws InvalidValueException when the list breaks a rule
   */
  public static SortedSet<String> parse(Collection<String> raw) {
    if (raw == null || raw.isEmpty()) {
      throw new InvalidValueException("must contain at least one role");
    }
    SortedSet<String> roles = new TreeSet<>();
    for (String role : raw) {
      if (role == null || !ALL.contains(role)) {
        throw new InvalidValueException("must only contain " + new TreeSet<>(ALL));
      }
      roles.add(role);
    }
    return roles;
  }
}
