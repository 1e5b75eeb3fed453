package org.emrqc.console.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.emrqc.console.store.AuditRow;

/** Writes the audit trail: every state change and every view of patient data, in the caller's transaction. */
@ApplicationScoped
public class AuditLog {
    @Inject
    ObjectMapper json;
    @Inject
    Instance<SecurityIdentity> identity;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entity, String entityId, Object before, Object after) {
        write(currentUser(), action, entity, entityId, before, after);
    }

    /** An entry made by the console itself (first-start seeding, Kafka ingest). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void system(String action, String entity, String entityId, Object before, Object after) {
        write("system", action, entity, entityId, before, after);
    }

    private void write(String username, String action, String entity, String entityId, Object before, Object after) {
        AuditRow a = new AuditRow();
        a.at = Instant.now();
        a.username = username;
        a.action = action;
        a.entity = entity;
        a.entityId = entityId;
        a.before = before == null ? null : json.valueToTree(before);
        a.after = after == null ? null : json.valueToTree(after);
        a.persist();
    }

    private String currentUser() {
        try {
            SecurityIdentity id = identity.get();
            return id == null || id.isAnonymous() ? "anonymous" : id.getPrincipal().getName();
        } catch (RuntimeException e) {
            return "system";
        }
    }
}
