package org.emrqc.rules.engine;

import java.time.ZoneId;
import org.emrqc.model.Localized;

/** A document's name with the time it was completed, for a message; shown in the record's zone at its precision. */
public record DocTime(Localized name, ShownTime time) {
    public Localized shown(ZoneId zone) {
        String t = time.format(zone);
        return new Localized(name.en() + " (" + t + ")", name.zh() + "（" + t + "）");
    }
}
