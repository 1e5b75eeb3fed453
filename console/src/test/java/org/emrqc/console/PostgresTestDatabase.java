package org.emrqc.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The tests' database on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth): emrqc_console_test,
 * dropped and created anew for each test run so every run starts from the Flyway schema and the seeded users.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {
    static final String SERVER = System.getProperty("emrqc.test.pg", "jdbc:postgresql://127.0.0.1:5432/");
    static final String NAME = "emrqc_console_test";

    @Override
    public Map<String, String> start() {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + NAME + " with (force)");
            s.execute("create database " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("the tests need PostgreSQL on " + SERVER + " (user postgres, trust auth): " + e.getMessage(), e);
        }
        return Map.of("quarkus.datasource.jdbc.url", SERVER + NAME, "quarkus.datasource.username", "postgres");
    }

    @Override
    public void stop() { }
}
