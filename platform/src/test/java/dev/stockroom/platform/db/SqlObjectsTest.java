package dev.stockroom.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.ExtensionMetadata;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;

class SqlObjectsTest {
  interface Probe {
    @SqlQuery("SELECT 1")
    int one();
  }

  private final Jdbi jdbi =
      Jdbi.create("jdbc:h2:mem:sqlobjects;DB_CLOSE_DELAY=-1").installPlugin(new SqlObjectPlugin());

  @Test
  void everyNewHandleReusesTheMetadataBuiltOnce() {
    SqlObjects.prepare(jdbi, Probe.class);

    ExtensionMetadata first = jdbi.withHandle(SqlObjectsTest::probeMetadata);
    ExtensionMetadata second = jdbi.withHandle(SqlObjectsTest::probeMetadata);

    assertThat(first).isSameAs(second);
    assertThat(jdbi.withExtension(Probe.class, Probe::one)).isEqualTo(1);
  }

  @Test
  void withoutItEachHandleBuildsItsOwn() {
    // What SqlObjects works around; if JDBI starts sharing handle-built metadata, this fails and
    // SqlObjects can go.
    ExtensionMetadata first = jdbi.withHandle(SqlObjectsTest::probeMetadata);
    ExtensionMetadata second = jdbi.withHandle(SqlObjectsTest::probeMetadata);

    assertThat(first).isNotSameAs(second);
  }

  @Test
  void refusesWhatIsNotASqlObject() {
    assertThatThrownBy(() -> SqlObjects.prepare(jdbi, String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
    assertThatThrownBy(() -> SqlObjects.prepare(Jdbi.create("jdbc:h2:mem:plain"), Probe.class))
        .isInstanceOf(IllegalStateException.class);
  }

  private static ExtensionMetadata probeMetadata(org.jdbi.v3.core.Handle handle) {
    Extensions extensions = handle.getConfig(Extensions.class);
    ExtensionFactory factory = extensions.findFactory(SqlObjectFactory.class).orElseThrow();
    return extensions.findMetadata(Probe.class, factory);
  }
}
