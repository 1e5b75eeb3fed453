package org.emrqc.console.review;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.emrqc.console.api.ProblemException;
import org.emrqc.console.security.CurrentUser;
import org.emrqc.console.security.Roles;
import org.emrqc.console.store.QcRecord;
import org.emrqc.console.store.TaskRow;
import org.emrqc.console.store.UserAccount;

/** Which records the current user may see: reviewers and admins all; a physician those he attends or holds a task for. */
@RequestScoped
public class Access {
    @Inject
    CurrentUser user;

    public QcRecord readableRecord(String id) {
        QcRecord r = QcRecord.findById(id);
        if (r == null) throw ProblemException.notFound("no record " + id);
        if (user.is(Roles.PHYSICIAN) && !ownRecord(r, user.account())) throw ProblemException.forbidden("record " + id + " is not one of your records");
        return r;
    }

    public static boolean ownRecord(QcRecord r, UserAccount physician) {
        if (physician.username.equals(r.attendingUsername)) return true;
        return TaskRow.count("recordId = ?1 and assigneeId = ?2", r.id, physician.id) > 0;
    }
}
