package org.blackstart.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseInUseFailureAnalyzerTest {

    private final EmbeddedDatabaseInUseFailureAnalyzer analyzer = new EmbeddedDatabaseInUseFailureAnalyzer();

    @Test
    void aLockedH2FileSaysWhichFileAndWhatToDo() {
        // The chain a second start from the same directory produces, with H2's own message and code.
        SQLException locked = new SQLException("Database may be already in use: \"/srv/blackstart/data/blackstart.mv.db\". "
                + "Possible solutions: close all other connection(s); use the server mode [90020-232]", "90020",
                EmbeddedDatabaseInUseFailureAnalyzer.H2_DATABASE_ALREADY_OPEN);
        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("flywayInitializer",
                "Unable to obtain connection from database", new IllegalStateException(locked)));

        assertThat(analysis.getDescription()).contains("/srv/blackstart/data/blackstart.mv.db", "another Blackstart");
        assertThat(analysis.getAction()).contains("--spring.datasource.url=jdbc:h2:file:./data-2/blackstart");
    }

    @Test
    void otherDatabaseFailuresAreLeftToSpringBoot() {
        SQLException refused = new SQLException("Connection refused", "08001", 0);

        assertThat(analyzer.analyze(new IllegalStateException(refused))).isNull();
    }
}
