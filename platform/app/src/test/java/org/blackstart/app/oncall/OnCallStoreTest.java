package org.blackstart.app.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.blackstart.testkit.PostgresDatabase;
import org.blackstart.testkit.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * API entries on both databases Blackstart runs on: the V4 table and its SQL work on H2 and
 * PostgreSQL, entries survive a restart (a new catalog over the same database), the configuration
 * wins over a stored entry of the same name, and other nodes' edits arrive after the refresh interval.
 */
class OnCallStoreTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();
    private static final Person ANN = new Person("Ann", "+31205550111", null);

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    static Stream<Arguments> databases() {
        PostgresDatabase postgres = PostgresServer.shared().createDatabase();
        return Stream.of(
                Arguments.of("H2", new DriverManagerDataSource("jdbc:h2:mem:oncall-store-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")),
                Arguments.of("PostgreSQL", new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())));
    }

    private static JdbcTemplate migrated(DriverManagerDataSource dataSource) throws IOException {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(new ClassPathResource("db/migration/V4__oncall.sql").getContentAsString(StandardCharsets.UTF_8));
        return jdbc;
    }

    private static ConfiguredOnCall configured(Map<String, Person> people) {
        OnCallProperties properties = new OnCallProperties(Duration.ofMinutes(1), Duration.ofSeconds(5), people, Map.of(), Map.of());
        return new ConfiguredOnCall(properties, new DemoOnCallProperties(null, null, null), new MockEnvironment(),
                VALIDATION.getValidator());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void entriesSurviveARestartAndOtherNodesEditsArriveAfterTheRefreshInterval(String name, DriverManagerDataSource dataSource)
            throws IOException {
        JdbcTemplate jdbc = migrated(dataSource);
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ConfiguredOnCall configured = configured(Map.of("configured-cem", new Person("Cem", "+31205550113", null)));
        OnCallStore store = new OnCallStore(jdbc, JSON, clock);
        OnCallProperties properties = new OnCallProperties(Duration.ofMinutes(1), Duration.ofSeconds(5), Map.of(), Map.of(), Map.of());
        OnCallCatalog thisNode = new OnCallCatalog(configured, store, properties, clock);
        OnCallEditor editor = new OnCallEditor(thisNode, store, configured);

        assertThat(editor.putPerson("ann", ANN, "commander")).isTrue();
        Schedule schedule = new Schedule(ZoneId.of("Europe/Amsterdam"), List.of(new Layer("weekly", RotationType.WEEKLY, null,
                LocalTime.of(9, 0), DayOfWeek.MONDAY, LocalDate.of(2026, 1, 5), List.of("ann", "configured-cem"))), List.of());
        assertThat(editor.putSchedule("ops", schedule, "commander")).isTrue();
        assertThat(editor.putPerson("ann", new Person("Ann", "+31205550112", "ann@example.com"), "admin")).isFalse();

        OnCallCatalog afterRestart = new OnCallCatalog(configured, new OnCallStore(jdbc, JSON, clock), properties, clock);
        assertThat(afterRestart.current().people().get("ann").spec()).isEqualTo(new Person("Ann", "+31205550112", "ann@example.com"));
        assertThat(afterRestart.current().schedules().get("ops").spec()).isEqualTo(schedule);
        assertThat(afterRestart.current().people().get("ann").source()).isEqualTo(Entry.Source.API);

        // another node (here: afterRestart's store) adds a person; this node has read the database moments ago
        thisNode.current();
        new OnCallStore(jdbc, JSON, clock).put(Kind.PERSON, "bob", new Person("Bob", "+31205550114", null), "admin");
        assertThat(thisNode.current().people()).doesNotContainKey("bob");
        now.set(now.get().plusSeconds(5));
        assertThat(thisNode.current().people()).containsKey("bob");

        // a stored entry that the configuration now also defines: the configuration wins
        new OnCallStore(jdbc, JSON, clock).put(Kind.PERSON, "configured-cem", new Person("Stale", "+31205550199", null), "admin");
        assertThat(new OnCallCatalog(configured, store, properties, clock).current().people().get("configured-cem").spec().name())
                .isEqualTo("Cem");

        assertThat(store.delete(Kind.PERSON, "bob")).isTrue();
        assertThat(store.delete(Kind.PERSON, "bob")).isFalse();
    }
}
