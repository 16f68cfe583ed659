package dev.stockroom.user.events;

import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.InvalidEventException;
import dev.stockroom.events.UserRegistered;
import dev.stockroom.platform.consumer.ProcessedEvents;
import dev.stockroom.platform.consumer.RecordHandler;
import dev.stockroom.platform.db.SqlObjects;
import dev.stockroom.user.db.WelcomeMailDao;
import dev.stockroom.user.mail.MailSender;
import dev.stockroom.user.mail.WelcomeMail;
import java.time.Clock;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the welcome e-mail for every {@code UserRegistered} on {@code users.v1}, once per event.
 *
 * <p>The processed-event mark, the {@code welcome_mails} row and the send happen in one
 * transaction: the mark is written first (so a redelivery finds it and skips), the mail is sent
 * before commit (so a failed send rolls the mark back and the record is retried). The only
 * duplicate left is a crash between a successful send and the commit, which no mail protocol can
 * close.
 */
public final class WelcomeMailHandler implements RecordHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WelcomeMailHandler.class);

  private final String consumerName;
  private final Jdbi jdbi;
  private final MailSender mail;
  private final Clock clock;

  /**
   * @param consumerName the name marks are recorded under (the consumer group id)
   */
  public WelcomeMailHandler(String consumerName, Jdbi jdbi, MailSender mail, Clock clock) {
    this.consumerName = Objects.requireNonNull(consumerName, "consumerName");
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    SqlObjects.prepare(jdbi, WelcomeMailDao.class);
    this.mail = Objects.requireNonNull(mail, "mail");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void handle(ConsumerRecord<String, String> record) {
    if (record.value() == null) {
      return;
    }
    String type;
    EventEnvelope<UserRegistered> event;
    try {
      type = EventJson.typeOf(record.value());
      if (!UserRegistered.TYPE.equals(type)) {
        return;
      }
      event = EventJson.read(record.value(), UserRegistered.class);
    } catch (InvalidEventException e) {
      // Retrying cannot fix a malformed record; skipping it keeps the partition moving.
      LOG.error(
          "Skipping malformed record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return;
    }
    UserRegistered user = event.data();
    if (user.userId() == null || user.email() == null || user.displayName() == null) {
      LOG.error("Skipping incomplete UserRegistered {}", event.eventId());
      return;
    }
    jdbi.useTransaction(
        handle -> {
          if (!ProcessedEvents.markProcessed(handle, consumerName, event.eventId())) {
            LOG.debug("Welcome mail for event {} already sent", event.eventId());
            return;
          }
          handle
              .attach(WelcomeMailDao.class)
              .insert(event.eventId(), user.userId(), user.email(), clock.instant());
          mail.send(WelcomeMail.to(user));
          LOG.info("Sent welcome mail to user {}", user.userId());
        });
  }
}
