package dev.stockroom.user.db;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The log of welcome e-mails sent ({@code welcome_mails}), one row per registration event. */
public interface WelcomeMailDao {
  @SqlUpdate(
      """
      INSERT INTO welcome_mails (event_id, user_id, recipient, sent_at)
      VALUES (:eventId, :userId, :recipient, :sentAt)
      """)
  void insert(
      @Bind("eventId") UUID eventId,
      @Bind("userId") UUID userId,
      @Bind("recipient") String recipient,
      @Bind("sentAt") Instant sentAt);

  @SqlQuery("SELECT count(*) FROM welcome_mails WHERE user_id = :userId")
  int countFor(@Bind("userId") UUID userId);
}
