package org.emrqc.extractor.statements;

import java.util.ArrayList;
import java.util.List;
import org.emrqc.model.Coding;

/** One statement a reader found: what is stated, its value normalized, and the span of the value as written. */
final class Found {
    final String attribute;
    final String normalized;
    final int start;
    final int end;
    String laterality;
    String bodySite;
    Double order;
    boolean negated;
    boolean historical;
    /** A section code that overrides the block's (imaging-in-note). */
    String section;
    final List<Coding> codes = new ArrayList<>();

    Found(String attribute, String normalized, int start, int end) {
        this.attribute = attribute;
        this.normalized = normalized;
        this.start = start;
        this.end = end;
    }

    /** The same statement starting later (leading white space dropped). */
    Found movedTo(int newStart) {
        Found f = new Found(attribute, normalized, newStart, end);
        f.laterality = laterality;
        f.bodySite = bodySite;
        f.order = order;
        f.negated = negated;
        f.historical = historical;
        f.section = section;
        f.codes.addAll(codes);
        return f;
    }
}
