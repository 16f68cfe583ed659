package dev.stockroom.user.events;

import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.Topics;
import dev.stockroom.events.UserRegistered;
import dev.stockroom.events.UserUpdated;
import dev.stockroom.platform.outbox.OutboxMessage;
import dev.stockroom.user.core.User;
import java.util.List;

/**
 * Turns account changes into {@code users.v1} events for the outbox. Key = user id, so every event
 * of one account lands on one partition in order.
 */
public final class UserEvents {
  private UserEvents() {}

  /** {@code UserRegistered} for a new account. */
  public static OutboxMessage registered(User user) {
    return message(
        EventEnvelope.of(
            UserRegistered.TYPE,
            user.id().toString(),
            new UserRegistered(user.id(), user.email(), user.displayName())));
  }

  /** {@code UserUpdated} carrying the account's current public fields. */
  public static OutboxMessage updated(User user) {
    return message(
        EventEnvelope.of(
            UserUpdated.TYPE,
            user.id().toString(),
            new UserUpdated(user.id(), user.displayName(), List.copyOf(user.roles()))));
  }

  private static OutboxMessage message(EventEnvelope<?> envelope) {
    return OutboxMessage.of(
        envelope.eventId(),
        Topics.USERS,
        envelope.aggregateId(),
        envelope.type(),
        EventJson.write(envelope));
  }
}
