package org.blackstart.app.vendor.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.blackstart.spi.vendor.VendorAttachment;
import org.blackstart.spi.vendor.VendorMessage;
import org.blackstart.spi.vendor.VendorMessage.Kind;
import org.blackstart.testkit.PostgresDatabase;
import org.blackstart.testkit.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Vendor messages and their files on the real schema, on H2 and on PostgreSQL. */
class VendorMessageStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    static Stream<Arguments> databases() {
        PostgresDatabase postgres = PostgresServer.shared().createDatabase();
        return Stream.of(
                Arguments.of("H2", new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")),
                Arguments.of("PostgreSQL", new DriverManagerDataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())));
    }

    private VendorMessageStore store(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM bs_vendor_message_file");
        jdbc.update("DELETE FROM bs_vendor_message");
        return new VendorMessageStore(jdbc);
    }

    private static VendorMessage message(String messageId, String caseNumber, VendorAttachment... files) {
        return new VendorMessage("servicenow", "main", caseNumber, messageId, Kind.REPLY, "Sam Storage", "Re: CS-12",
                "We are on it", "In Progress", NOW.minusSeconds(30), List.of(files));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMessageIsStoredWithItsFilesOnce(String db, DataSource dataSource) {
        VendorMessageStore store = store(dataSource);
        byte[] graph = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};

        long id = store.insert(message("j-1", "CS-12", new VendorAttachment("../../iops.png", "image/png", graph)),
                VendorMessageRecord.RECEIVED, "CS-12", "INC-2026-0042", "storeco", NOW);

        VendorMessageRecord stored = store.find(id).orElseThrow();
        assertThat(stored.state()).isEqualTo("RECEIVED");
        assertThat(stored.files()).isEqualTo(1);
        assertThat(stored.receivedAt()).isEqualTo(NOW.minusSeconds(30));
        VendorMessageFile file = store.files(id).get(0);
        assertThat(file.fileName()).isEqualTo("iops.png");
        assertThat(file.size()).isEqualTo(graph.length);
        assertThat(store.content(id, file.id()).orElseThrow().content()).isEqualTo(graph);
        assertThat(store.content(id + 1, file.id())).as("a file only through its own message").isEmpty();
        assertThatThrownBy(() -> store.insert(message("j-1", "CS-12"), VendorMessageRecord.RECEIVED, "CS-12",
                "INC-2026-0042", "storeco", NOW)).isInstanceOf(DuplicateKeyException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStoredMessageIsDeliveredOnlyOnceAndFoundLaterIfNot(String db, DataSource dataSource) {
        VendorMessageStore store = store(dataSource);
        long old = store.insert(message("j-1", "CS-12"), VendorMessageRecord.RECEIVED, "CS-12", "INC-2026-0042", "storeco",
                NOW.minusSeconds(120));
        long fresh = store.insert(message("j-2", "CS-12"), VendorMessageRecord.RECEIVED, "CS-12", "INC-2026-0042", "storeco",
                NOW);

        assertThat(store.undeliveredSince(NOW.minusSeconds(60))).containsExactly(old);
        assertThat(store.move(old, VendorMessageRecord.RECEIVED, VendorMessageRecord.DELIVERED)).isTrue();
        assertThat(store.move(old, VendorMessageRecord.RECEIVED, VendorMessageRecord.DELIVERED)).isFalse();
        assertThat(store.undeliveredSince(NOW.plusSeconds(1))).containsExactly(fresh);
        assertThat(store.ofCase("servicenow", "cs-12")).extracting(VendorMessageRecord::id).containsExactly(old, fresh);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aParkedMessageIsResolvedOnce(String db, DataSource dataSource) {
        VendorMessageStore store = store(dataSource);
        long id = store.insert(message("j-9", null, new VendorAttachment("a.txt", null, "x".getBytes(StandardCharsets.UTF_8))),
                VendorMessageRecord.PARKED, null, null, null, NOW);
        assertThat(store.inState("PARKED", 10)).extracting(VendorMessageRecord::id).containsExactly(id);

        assertThat(store.resolve(id, VendorMessageRecord.FILED, "CS-12", "INC-2026-0042", "storeco", "commander",
                "filed under CS-12", NOW)).isTrue();
        assertThat(store.resolve(id, VendorMessageRecord.DISMISSED, null, null, null, "other", "spam", NOW)).isFalse();

        VendorMessageRecord filed = store.find(id).orElseThrow();
        assertThat(filed.state()).isEqualTo("FILED");
        assertThat(filed.caseNumber()).isEqualTo("CS-12");
        assertThat(filed.incidentKey()).isEqualTo("INC-2026-0042");
        assertThat(filed.resolvedBy()).isEqualTo("commander");
        assertThat(store.inState("PARKED", 10)).isEmpty();
        assertThat(store.inState(null, 10)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aParkedMessageKeepsWhyAndATextTooLongToKeepSaysItWasCut(String db, DataSource dataSource) {
        // given
        VendorMessageStore store = store(dataSource);
        VendorMessage longOne = new VendorMessage("email", null, "INC-2026-0001-STORECO", "<m-1@evil.example>", Kind.REPLY,
                "x@evil.example", "[Case INC-2026-0001-STORECO] ok", "ok ".repeat(60_000), null, NOW, List.of());

        // when
        long id = store.insert(longOne, VendorMessageRecord.PARKED, longOne.caseNumber(), null, null,
                "sender x@evil.example is not one of the mail-senders of StoreCo Storage Systems", NOW);

        // then
        VendorMessageRecord parked = store.find(id).orElseThrow();
        assertThat(parked.parkedReason()).isEqualTo("sender x@evil.example is not one of the mail-senders of StoreCo Storage Systems");
        assertThat(parked.account()).isNull();
        assertThat(parked.text()).hasSize(100_000).startsWith("ok ok")
                .endsWith("(Cut here: the message is longer than 100000 characters.)");
    }
}
