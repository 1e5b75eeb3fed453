package org.emrqc.console.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.emrqc.console.ingest.FindingsConsumer;

/** Ready: the database answers, and the findings consumer runs when Kafka is configured. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
    @Inject
    DataSource dataSource;
    @Inject
    FindingsConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("emrqc-console");
        boolean db;
        try (var c = dataSource.getConnection()) {
            db = c.isValid(2);
        } catch (Exception e) {
            db = false;
        }
        b.withData("database", db ? "up" : "down");
        boolean kafka = true;
        if (consumer.configured()) {
            kafka = consumer.running();
            b.withData("findingsConsumer", kafka ? "running" : "stopped" + (consumer.failure() == null ? "" : ": " + consumer.failure()));
            b.withData("findingsStored", consumer.storedMessages());
            b.withData("findingsSkipped", consumer.skippedMessages());
        } else {
            b.withData("findingsConsumer", "not configured");
        }
        return b.status(db && kafka).build();
    }
}
