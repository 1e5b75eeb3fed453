package org.emrqc.rules.admin;

import java.util.List;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.Concepts;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.rules.TestPacks;
import org.emrqc.rules.check.RecordStage;
import org.emrqc.rules.pack.RulePack;
import org.emrqc.rules.pack.Row;

/** The core pack as an archive, and the structuring stage as bin/emrqc builds it for a pack. */
final class AdminPacks {
    private static PackArchive core;

    private AdminPacks() { }

    static synchronized PackArchive core() {
        if (core == null) core = PackArchive.of(TestPacks.CORE_DIR);
        return core;
    }

    static RecordStage stage(RulePack pack) {
        NarrativeStage s = new NarrativeStage(new OfflineExtractor(), DictionaryTerminology.combine(List.of(
                TsvTerminology.shipped(),
                Concepts.medicationsFromIngredientNames(pack.knowledge().get("ingredient-names").rows().stream().map(Row::values).toList()))));
        return s::apply;
    }

    /** A core file with one exact piece of text replaced (which must be there). */
    static PackArchive replace(PackArchive a, String path, String from, String to) {
        String text = a.text(path);
        if (!text.contains(from)) throw new AssertionError("test setup: " + path + " has no '" + from + "'");
        return a.with(path, text.replace(from, to));
    }
}
