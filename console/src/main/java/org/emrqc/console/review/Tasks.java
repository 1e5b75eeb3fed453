package org.emrqc.console.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.console.api.ProblemException;
import org.emrqc.console.audit.AuditLog;
import org.emrqc.console.security.Roles;
import org.emrqc.console.store.QcRecord;
import org.emrqc.console.store.TaskRow;
import org.emrqc.console.store.UserAccount;

/**
 * Rectification tasks: a reviewer sends a record back to a physician with a due date; the physician fixes it (done)
 * or appeals with a reason; a reviewer accepts or rejects the appeal (rejected: the task is the physician's again).
 */
@ApplicationScoped
public class Tasks {
    @Inject
    AuditLog audit;
    @Inject
    RecordStatus status;

    @Transactional
    public Map<String, Object> create(String recordId, String assignee, LocalDate due, String note, UserAccount by) {
        QcRecord r = QcRecord.findById(recordId);
        if (r == null) throw ProblemException.notFound("no record " + recordId);
        UserAccount physician = UserAccount.byUsername(assignee)
                .orElseThrow(() -> ProblemException.badRequest("assignee: no user " + assignee));
        if (!Roles.PHYSICIAN.equals(physician.role) || !physician.active) throw ProblemException.badRequest("assignee: " + assignee + " is not an active physician");
        if (due.isBefore(LocalDate.now())) throw ProblemException.badRequest("dueDate: " + due + " is in the past");
        TaskRow t = new TaskRow();
        t.recordId = r.id;
        t.assigneeId = physician.id;
        t.createdBy = by.id;
        t.dueDate = due;
        t.note = note == null || note.isBlank() ? null : note.strip();
        t.status = "open";
        t.createdAt = Instant.now();
        t.updatedAt = t.createdAt;
        t.persist();
        TaskRow.flush();
        audit.record("task.create", "task", String.valueOf(t.id), null, view(t));
        recompute(r);
        return view(t);
    }

    @Transactional
    public Map<String, Object> appeal(long id, String reason, UserAccount by) {
        if (reason == null || reason.isBlank()) throw ProblemException.badRequest("reason: required for an appeal");
        TaskRow t = task(id);
        if (!t.assigneeId.equals(by.id)) throw ProblemException.forbidden("task " + id + " is not assigned to you");
        require(t, "open", "appeal");
        return change(t, "task.appeal", () -> {
            t.status = "appealed";
            t.appealReason = reason.strip();
        });
    }

    @Transactional
    public Map<String, Object> decide(long id, Boolean accept, String reason, UserAccount by) {
        if (accept == null) throw ProblemException.badRequest("accept: required (true or false)");
        if (!accept && (reason == null || reason.isBlank())) throw ProblemException.badRequest("reason: required when rejecting an appeal");
        TaskRow t = task(id);
        require(t, "appealed", "decide on");
        return change(t, "task.decision", () -> {
            t.status = accept ? "appeal_accepted" : "appeal_rejected";
            t.decisionReason = reason == null || reason.isBlank() ? null : reason.strip();
        });
    }

    @Transactional
    public Map<String, Object> done(long id, UserAccount by, boolean reviewer) {
        TaskRow t = task(id);
        if (!reviewer && !t.assigneeId.equals(by.id)) throw ProblemException.forbidden("task " + id + " is not assigned to you");
        if (!"open".equals(t.status) && !"appeal_rejected".equals(t.status)) {
            throw ProblemException.conflict("task " + id + " is " + t.status + "; only an open task or one whose appeal was rejected can be done");
        }
        return change(t, "task.done", () -> t.status = "done");
    }

    /** Tasks: a physician's own, everyone's for reviewers and admins; optionally by status. */
    public List<Map<String, Object>> list(UserAccount who, boolean all, String statusFilter) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new LinkedHashMap<>();
        if (!all) {
            q.append(" and assigneeId = :me");
            p.put("me", who.id);
        }
        if (statusFilter != null) {
            q.append(" and status = :status");
            p.put("status", statusFilter);
        }
        return TaskRow.<TaskRow>find(q + " order by dueDate, id", p).list().stream().map(Tasks::view).toList();
    }

    private Map<String, Object> change(TaskRow t, String action, Runnable mutation) {
        Map<String, Object> before = view(t);
        mutation.run();
        t.updatedAt = Instant.now();
        TaskRow.flush();
        Map<String, Object> after = view(t);
        audit.record(action, "task", String.valueOf(t.id), before, after);
        recompute(QcRecord.findById(t.recordId));
        return after;
    }

    private void recompute(QcRecord r) {
        String before = r.status;
        r.status = status.compute(r.id);
        if (!before.equals(r.status)) audit.record("record.status", "record", r.id, Map.of("status", before), Map.of("status", r.status));
    }

    private static TaskRow task(long id) {
        TaskRow t = TaskRow.findById(id);
        if (t == null) throw ProblemException.notFound("no task " + id);
        return t;
    }

    private static void require(TaskRow t, String state, String what) {
        if (!state.equals(t.status)) throw ProblemException.conflict("cannot " + what + " task " + t.id + ": it is " + t.status + ", not " + state);
    }

    static Map<String, Object> view(TaskRow t) {
        Map<String, Object> m = new LinkedHashMap<>();
        UserAccount assignee = UserAccount.findById(t.assigneeId);
        UserAccount creator = UserAccount.findById(t.createdBy);
        QcRecord r = QcRecord.findById(t.recordId);
        m.put("id", t.id);
        m.put("recordId", t.recordId);
        m.put("patientName", r == null ? null : r.patientName);
        m.put("department", r == null ? null : r.department);
        m.put("assignee", assignee == null ? null : assignee.username);
        m.put("createdBy", creator == null ? null : creator.username);
        m.put("dueDate", t.dueDate.toString());
        m.put("status", t.status);
        m.put("note", t.note);
        m.put("appealReason", t.appealReason);
        m.put("decisionReason", t.decisionReason);
        m.put("overdue", !"done".equals(t.status) && !"appeal_accepted".equals(t.status) && t.dueDate.isBefore(LocalDate.now()));
        m.put("createdAt", t.createdAt);
        m.put("updatedAt", t.updatedAt);
        return m;
    }
}
