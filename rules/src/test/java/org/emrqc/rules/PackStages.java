package org.emrqc.rules;

import java.util.List;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.Concepts;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.rules.pack.Row;

/** The offline structuring stage as bin/emrqc builds it for the core pack: shipped lexicon + the pack's drug names. */
public final class PackStages {
    private static NarrativeStage offline;

    private PackStages() { }

    public static synchronized NarrativeStage offline() {
        if (offline == null) {
            offline = new NarrativeStage(new OfflineExtractor(), DictionaryTerminology.combine(List.of(
                    TsvTerminology.shipped(),
                    Concepts.medicationsFromIngredientNames(TestPacks.core().knowledge().get("ingredient-names").rows().stream().map(Row::values).toList()))));
        }
        return offline;
    }
}
