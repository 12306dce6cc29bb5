package org.solidarityhub.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal data that must never reach a log, and a way to make the database fail on it: while
 * {@link #failWritesOf} is in force, every insert or update of a row holding the canary marker fails with a
 * connection error (SQLState 08006) whose message quotes the whole row, as drivers quote batch statements.
 * The pool then marks the connection as broken and the rollback fails, the paths that once logged values.
 */
public final class LogCanary {

    /** Lower case on purpose: emails are stored lower-cased. */
    public static final String MARKER = "zqcanary";

    public final String name;
    public final String email;
    public final String ip;

    public LogCanary() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        this.name = "Zqcanary Olenka " + id;
        this.email = MARKER + "-" + id + "@example.org";
        this.ip = "203.0.113." + (1 + (int) (Math.random() * 250));
    }

    /** Fails every write of a canary row to the table until the returned handle is closed. */
    public static AutoCloseable failWritesOf(JdbcClient db, String table) {
        String trigger = "canary_fail_" + table;
        if (postgres(db)) {
            db.sql("""
                    CREATE OR REPLACE FUNCTION canary_fail() RETURNS trigger AS $$
                    BEGIN
                      IF lower(NEW::text) LIKE '%zqcanary%' THEN
                        RAISE EXCEPTION 'connection lost while writing %', NEW::text USING ERRCODE = '08006';
                      END IF;
                      RETURN NEW;
                    END $$ LANGUAGE plpgsql""").update();
            db.sql("CREATE TRIGGER " + trigger + " BEFORE INSERT OR UPDATE ON " + table
                    + " FOR EACH ROW EXECUTE FUNCTION canary_fail()").update();
        } else {
            db.sql("CREATE TRIGGER " + trigger + " BEFORE INSERT, UPDATE ON " + table
                    + " FOR EACH ROW CALL '" + H2Trigger.class.getName() + "'").update();
        }
        return () -> db.sql("DROP TRIGGER " + trigger + (postgres(db) ? " ON " + table : "")).update();
    }

    /**
     * Lets the libraries that handle a failing write log at debug level until the handle is closed, to show that
     * no level prints the canary.
     */
    public static AutoCloseable verbose() {
        LoggingSystem logging = LoggingSystem.get(LogCanary.class.getClassLoader());
        String[] loggers = {"com.zaxxer.hikari", "org.springframework.transaction", "org.springframework.jdbc",
                "org.springframework.web", "org.springframework.mail", "org.postgresql", "org.h2", "org.solidarityhub"};
        for (String logger : loggers) {
            logging.setLogLevel(logger, LogLevel.TRACE);
        }
        return () -> {
            for (String logger : loggers) {
                logging.setLogLevel(logger, null);
            }
        };
    }

    /** The canary is nowhere in the text: not its name, email (nor its local part), IP address or marker. */
    public void assertAbsentFrom(String log) {
        String lower = log.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain(MARKER).doesNotContain(email).doesNotContain(name.toLowerCase(Locale.ROOT))
                .doesNotContain(ip);
        assertThat(lower).doesNotContain(ipHex(ip));
    }

    /** How the appeal stores an IPv4 address. */
    private static String ipHex(String ip) {
        StringBuilder hex = new StringBuilder();
        for (String part : ip.split("\\.")) {
            hex.append(String.format("%02x", Integer.parseInt(part)));
        }
        return hex.toString();
    }

    private static boolean postgres(JdbcClient db) {
        // H2 has no pg_toast schema, even in PostgreSQL mode
        return db.sql("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'pg_toast'")
                .query(Long.class).single() > 0;
    }

    /** H2's side of the failing trigger. */
    public static final class H2Trigger implements org.h2.api.Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            String row = Arrays.toString(newRow);
            if (row.toLowerCase(Locale.ROOT).contains(MARKER)) {
                throw new SQLException("connection lost while writing " + row, "08006");
            }
        }
    }
}
