package org.emrqc.console.review;

import jakarta.enterprise.context.ApplicationScoped;
import org.emrqc.console.store.FindingRow;
import org.emrqc.console.store.TaskRow;
import org.emrqc.console.store.VerdictRow;

/**
 * A record's review status follows from its findings and tasks: returned while a rectification task is pending
 * (open, appealed, appeal rejected); open while no finding has been reviewed; in_review while a finding is open or
 * confirmed (not yet rectified); closed when every finding is dismissed or rectified (or there are none).
 */
@ApplicationScoped
public class RecordStatus {
    public String compute(String recordId) {
        if (TaskRow.count("recordId = ?1 and status in ('open', 'appealed', 'appeal_rejected')", recordId) > 0) return "returned";
        long total = FindingRow.count("recordId", recordId);
        long open = FindingRow.count("recordId = ?1 and status = 'open'", recordId);
        long confirmed = FindingRow.count("recordId = ?1 and status = 'confirmed'", recordId);
        if (total == 0 || open + confirmed == 0) return "closed";
        boolean reviewed = VerdictRow.count("findingId in (select f.id from FindingRow f where f.recordId = ?1)", recordId) > 0;
        return open == total && !reviewed ? "open" : "in_review";
    }
}
