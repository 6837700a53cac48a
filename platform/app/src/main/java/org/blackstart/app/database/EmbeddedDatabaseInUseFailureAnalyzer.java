package org.blackstart.app.database;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The embedded H2 database file is held by another process: H2 allows one at a time. A second
 * Blackstart started from the same directory is the usual reason; the stack trace H2 and Flyway give
 * for it does not say so.
 */
class EmbeddedDatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** H2's DATABASE_ALREADY_OPEN_1: "Database may be already in use". */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final Pattern QUOTED_FILE = Pattern.compile("\"([^\"]+)\"");

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (cause.getErrorCode() != H2_DATABASE_ALREADY_OPEN) {
            return null;
        }
        Matcher file = QUOTED_FILE.matcher(String.valueOf(cause.getMessage()));
        String which = file.find() ? file.group(1) : "of spring.datasource.url";
        return new FailureAnalysis("The embedded database file " + which + " is in use by another process, most likely "
                + "another Blackstart started from the same directory. H2 lets one process open it at a time.",
                "Stop the other Blackstart, or start this one with a database of its own, e.g. "
                        + "--spring.datasource.url=jdbc:h2:file:./data-2/blackstart (and other ports: --server.port, "
                        + "--blackstart.demo.mail.smtp-port, --blackstart.demo.mail.imap-port).", cause);
    }
}
