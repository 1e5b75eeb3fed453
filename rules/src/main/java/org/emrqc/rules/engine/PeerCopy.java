package org.emrqc.rules.engine;

import org.emrqc.model.Localized;
import org.emrqc.model.SectionFact;

/** A section of a record that repeats another patient's section in the same batch, and how similar they are (0..1). */
public record PeerCopy(SectionFact toSection, PeerSection peer, double similarity) {
    /** The copying part as a message names it: "的拟诊讨论" / " (diagnostic discussion)". */
    public Localized toPart() {
        Localized n = ClinicalNames.section(toSection);
        return new Localized(" (" + n.en() + ")", "的" + n.zh());
    }

    /** The peer's document and when it was completed: "首次病程记录（2025-03-01 14:00）". */
    public Localized peerDocument(java.time.ZoneId zone) {
        PeerSection p = peer;
        if (p.at() == null) return p.document();
        String when = new ShownTime(p.at(), p.latest() == null ? p.at() : p.latest()).format(zone);
        return new Localized(p.document().en() + " (" + when + ")", p.document().zh() + "（" + when + "）");
    }
}
