package org.emrqc.console.view;

import java.util.LinkedHashMap;
import java.util.Map;
import org.emrqc.console.store.FindingRow;
import org.emrqc.console.store.QcRecord;

/** A record as a worklist row. */
public final class WorklistItems {
    private WorklistItems() { }

    public static Map<String, Object> summary(QcRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordId", r.id);
        m.put("patientRef", r.patientRef);
        m.put("patientName", r.patientName);
        m.put("department", r.department);
        m.put("attending", r.attending);
        m.put("region", r.region);
        m.put("grade", r.grade);
        m.put("score", r.score);
        m.put("findings", FindingRow.count("recordId", r.id));
        m.put("openFindings", FindingRow.count("recordId = ?1 and status = 'open'", r.id));
        m.put("status", r.status);
        m.put("checkedAt", r.checkedAt);
        return m;
    }
}
