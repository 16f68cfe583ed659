package dev.stockroom.user.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.events.EventEnvelope;
import dev.stockroom.events.EventJson;
import dev.stockroom.events.UserRegistered;
import dev.stockroom.events.UserUpdated;
import dev.stockroom.platform.consumer.ProcessedEvents;
import dev.stockroom.platform.outbox.Outbox;
import dev.stockroom.user.core.EmailAlreadyUsedException;
import dev.stockroom.user.core.RefreshToken;
import dev.stockroom.user.core.User;
import dev.stockroom.user.core.UserCursor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stores against a real database; subclasses run it on PostgreSQL and on H2, which must behave
 * the same. Each test uses its own e-mail addresses, so tests share one migrated database.
 */
abstract class UserStoreContract {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");

  private Jdbi jdbi;
  private JdbiUserStore users;
  private JdbiRefreshTokenStore tokens;
  private String tag;

  /** The migrated database of this class. */
  abstract Jdbi jdbi();

  @BeforeEach
  void setUp() {
    jdbi = jdbi();
    users = new JdbiUserStore(jdbi, new Outbox(Clock.systemUTC(), () -> {}));
    tokens = new JdbiRefreshTokenStore(jdbi);
    tag = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void storesAUserAndItsUserRegisteredEventTogether() {
    User ada = user("Ada." + tag + "@Example.com", "Ada");

    users.create(ada);

    assertThat(users.findById(ada.id())).contains(ada);
    assertThat(users.findByEmail(ada.emailNormalized())).contains(ada);
    List<Map<String, Object>> outbox = outboxFor(ada.id());
    assertThat(outbox)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.get("event_type")).isEqualTo("UserRegistered");
              assertThat(row.get("topic")).isEqualTo("users.v1");
              EventEnvelope<UserRegistered> event =
                  EventJson.read((String) row.get("payload"), UserRegistered.class);
              assertThat(event.data()).isEqualTo(new UserRegistered(ada.id(), ada.email(), "Ada"));
              assertThat(event.eventId()).isEqualTo(row.get("event_id"));
            });
  }

  @Test
  void rejectsASecondAccountWithTheSameNormalizedEmailAndWritesNoEvent() {
    users.create(user("bob." + tag + "@example.com", "Bob"));
    User twin = user("BOB." + tag + "@EXAMPLE.COM", "Twin");

    assertThatThrownBy(() -> users.create(twin)).isInstanceOf(EmailAlreadyUsedException.class);
    assertThat(users.findById(twin.id())).isEmpty();
    assertThat(outboxFor(twin.id())).isEmpty();
  }

  @Test
  void updatesOnlyFromTheExpectedVersion() {
    User ada = user("ada2." + tag + "@example.com", "Ada");
    users.create(ada);
    User renamed = ada.withDisplayName("Countess").stored(T0.plusSeconds(5));

    assertThat(users.update(ada, renamed)).contains(renamed);
    assertThat(users.findById(ada.id())).contains(renamed);
    // A second writer that read version 1 loses instead of overwriting.
    assertThat(users.update(ada, ada.withDisplayName("Lost").stored(T0.plusSeconds(6)))).isEmpty();
    assertThat(users.findById(ada.id()).orElseThrow().displayName()).isEqualTo("Countess");
    assertThat(outboxFor(ada.id()))
        .extracting(row -> row.get("event_type"))
        .containsExactly("UserRegistered", "UserUpdated");
    EventEnvelope<UserUpdated> updated =
        EventJson.read((String) outboxFor(ada.id()).get(1).get("payload"), UserUpdated.class);
    assertThat(updated.data())
        .isEqualTo(new UserUpdated(ada.id(), "Countess", List.of("customer")));
  }

  @Test
  void aPasswordChangeRevokesEveryRefreshTokenButPublishesNothing() {
    User ada = user("ada3." + tag + "@example.com", "Ada");
    users.create(ada);
    RefreshToken phone = token(ada, UUID.randomUUID());
    RefreshToken laptop = token(ada, UUID.randomUUID());
    tokens.insert(phone);
    tokens.insert(laptop);

    users.update(ada, ada.withPasswordHash("$argon2id$new").stored(T0.plusSeconds(1)));

    assertThat(tokens.findByHash(phone.tokenHash()).orElseThrow().revokedAt()).isNotNull();
    assertThat(tokens.findByHash(laptop.tokenHash()).orElseThrow().revokedAt()).isNotNull();
    assertThat(outboxFor(ada.id())).hasSize(1);
  }

  @Test
  void listsInEmailOrderWithALiteralPrefixAndAKeysetCursor() {
    for (String local : List.of("carl", "al_x", "alfa", "alba", "alpha", "al%y")) {
      users.create(user(tag + local + "@example.com", local));
    }

    List<User> firstPage = users.list(Optional.of(tag + "al"), Optional.empty(), 2);
    assertThat(firstPage).extracting(User::displayName).containsExactly("al%y", "al_x");
    List<User> rest =
        users.list(Optional.of(tag + "al"), Optional.of(UserCursor.after(firstPage.get(1))), 10);
    assertThat(rest).extracting(User::displayName).containsExactly("alba", "alfa", "alpha");
    // % and _ are literal, not wildcards.
    assertThat(users.list(Optional.of(tag + "al_"), Optional.empty(), 10))
        .extracting(User::displayName)
        .containsExactly("al_x");
    assertThat(users.list(Optional.of(tag + "%"), Optional.empty(), 10)).isEmpty();
    assertThat(users.list(Optional.of("' OR '1'='1"), Optional.empty(), 10)).isEmpty();
  }

  @Test
  void rotatesARefreshTokenOnlyOnce() {
    User ada = user("ada4." + tag + "@example.com", "Ada");
    users.create(ada);
    RefreshToken first = token(ada, UUID.randomUUID());
    tokens.insert(first);
    RefreshToken second = token(ada, first.familyId());
    RefreshToken racing = token(ada, first.familyId());

    assertThat(tokens.rotate(first.id(), T0.plusSeconds(1), second)).isTrue();
    assertThat(tokens.rotate(first.id(), T0.plusSeconds(2), racing)).isFalse();

    assertThat(tokens.findByHash(first.tokenHash()).orElseThrow().rotatedAt())
        .isEqualTo(T0.plusSeconds(1));
    assertThat(tokens.findByHash(second.tokenHash())).contains(second);
    assertThat(tokens.findByHash(racing.tokenHash())).isEmpty();
  }

  @Test
  void revokesAFamilyAndNothingElse() {
    User ada = user("ada5." + tag + "@example.com", "Ada");
    users.create(ada);
    UUID family = UUID.randomUUID();
    RefreshToken a = token(ada, family);
    RefreshToken b = token(ada, family);
    RefreshToken other = token(ada, UUID.randomUUID());
    List.of(a, b, other).forEach(tokens::insert);

    assertThat(tokens.revokeFamily(family, T0.plusSeconds(3))).isEqualTo(2);
    assertThat(tokens.revokeFamily(family, T0.plusSeconds(4))).isZero();

    assertThat(tokens.findByHash(a.tokenHash()).orElseThrow().revokedAt())
        .isEqualTo(T0.plusSeconds(3));
    assertThat(tokens.findByHash(other.tokenHash()).orElseThrow().revokedAt()).isNull();
  }

  @Test
  void sweepsRefreshTokensLongExpired() {
    User ada = user("ada6." + tag + "@example.com", "Ada");
    users.create(ada);
    RefreshToken old =
        RefreshToken.issue(
            ada.id(),
            UUID.randomUUID(),
            "old-" + tag,
            T0.minus(Duration.ofDays(40)),
            T0.minus(Duration.ofDays(10)));
    RefreshToken live = token(ada, UUID.randomUUID());
    tokens.insert(old);
    tokens.insert(live);

    new ExpiredRefreshTokenSweeper(
            jdbi, Duration.ofDays(1), Clock.fixed(T0, java.time.ZoneOffset.UTC))
        .run();

    assertThat(tokens.findByHash(old.tokenHash())).isEmpty();
    assertThat(tokens.findByHash(live.tokenHash())).isPresent();
  }

  @Test
  void recordsAWelcomeMailOncePerEvent() {
    UUID eventId = UUID.randomUUID();
    UUID userId = UUID.randomUUID();

    boolean first =
        jdbi.inTransaction(
            h -> {
              boolean fresh = ProcessedEvents.markProcessed(h, "welcome-test", eventId);
              h.attach(WelcomeMailDao.class).insert(eventId, userId, "a@example.com", T0);
              return fresh;
            });
    boolean second =
        jdbi.inTransaction(h -> ProcessedEvents.markProcessed(h, "welcome-test", eventId));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(jdbi.onDemand(WelcomeMailDao.class).countFor(userId)).isEqualTo(1);
  }

  private User user(String email, String name) {
    return new User(
        UUID.randomUUID(),
        email,
        email.toLowerCase(java.util.Locale.ROOT),
        name,
        "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA",
        new TreeSet<>(Set.of("customer")),
        1,
        T0,
        T0);
  }

  private RefreshToken token(User user, UUID family) {
    return RefreshToken.issue(
        user.id(), family, UUID.randomUUID().toString(), T0, T0.plus(30, ChronoUnit.DAYS));
  }

  private List<Map<String, Object>> outboxFor(UUID userId) {
    // Read column by column: H2 hands text columns to mapToMap() as CLOBs.
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT event_id, topic, event_type, payload FROM outbox_events"
                        + " WHERE message_key = :key ORDER BY id")
                .bind("key", userId.toString())
                .map(
                    (rs, ctx) ->
                        Map.<String, Object>of(
                            "event_id", rs.getObject("event_id", UUID.class),
                            "topic", rs.getString("topic"),
                            "event_type", rs.getString("event_type"),
                            "payload", rs.getString("payload")))
                .list());
  }
}
