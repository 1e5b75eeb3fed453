package org.emrqc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.Concepts;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.rules.pack.KnowledgeTable;
import org.emrqc.rules.pack.Row;
import org.emrqc.rules.pack.RulePack;
import org.emrqc.extractor.terminology.Terminology;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.extractor.zh.TaggerSpans;
import org.emrqc.rules.check.RecordStage;
import picocli.CommandLine.Option;

/** Options of the structuring stage (narrative → facts) shared by the commands that check records. */
final class StructuringOptions {
    @Option(names = "--no-narrative", description = "Do not extract facts from narrative (structured rules only).")
    boolean noNarrative;

    @Option(names = "--terminology", paramLabel = "PATH",
            description = "Terminology tables to normalize narrative terms against: a .tsv file or a folder of them (term, kind, system, code, display). For tables emrqc may not ship, such as ICD-10-CM, WHO ICD-10, 国家临床版 2.0 or ATC.")
    Path terminology;

    @Option(names = "--zh-model", paramLabel = "MODEL",
            description = "Chinese entity tagger written by 'emrqc train-zh' (built from your own annotated data, e.g. cEHRNER format). Default: the environment variable EMRQC_ZH_MODEL when set; without one, Chinese entities come from dictionaries only.")
    Path zhModel;

    /** The structuring stage, or NONE when narrative is off. */
    RecordStage stage(RulePack pack) {
        if (noNarrative) return RecordStage.NONE;
        NarrativeStage s = narrativeStage(pack);
        return s::apply;
    }

    /** Terminology: the shipped lexicon, the pack's drug names (ingredient-names), and the user's tables. */
    NarrativeStage narrativeStage(RulePack pack) {
        List<Terminology> tables = new ArrayList<>();
        tables.add(TsvTerminology.shipped());
        KnowledgeTable names = pack.knowledge().get("ingredient-names");
        if (names != null) tables.add(Concepts.medicationsFromIngredientNames(names.rows().stream().map(Row::values).toList()));
        if (terminology != null) {
            if (!Files.exists(terminology)) throw new UserError("--terminology " + terminology + ": no such file or folder");
            try {
                tables.add(TsvTerminology.load(terminology));
            } catch (IOException | IllegalArgumentException e) {
                throw new UserError("--terminology: " + e.getMessage());
            }
        }
        Path model = zhModel != null ? zhModel : System.getenv("EMRQC_ZH_MODEL") == null ? null : Path.of(System.getenv("EMRQC_ZH_MODEL"));
        OfflineExtractor.ChineseSpansTagger tagger = model == null ? null : new TaggerSpans(ZhNerFiles.readModel("--zh-model", model));
        return new NarrativeStage(new OfflineExtractor(tagger), DictionaryTerminology.combine(tables));
    }
}
