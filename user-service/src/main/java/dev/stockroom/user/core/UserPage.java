package dev.stockroom.user.core;

import java.util.List;
import java.util.Optional;

/**
 * One page of accounts.
 *
 * @param users the accounts on this page
 * @param next where the next page starts, empty on the last page
 */
public record UserPage(List<User> users, Optional<UserCursor> next) {
  public UserPage {
    users = List.copyOf(users);
  }
}
