package org.emrqc.rules.engine;

import java.util.ArrayList;
import java.util.List;
import org.emrqc.model.Fact;

/** The global {@code hits} of every rule session: consequences report their findings here. */
public final class Hits {
    private final List<Hit> hits = new ArrayList<>();

    /** Reports that a rule fired on a fact (the implicated resource). */
    public Hit fire(String ruleId, Fact implicated) {
        Hit h = new Hit(ruleId, implicated);
        hits.add(h);
        return h;
    }

    public List<Hit> all() { return hits; }
}
