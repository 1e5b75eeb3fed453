package org.emrqc.rules.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.fhir.RecordAssembler;
import org.emrqc.model.Finding;
import org.emrqc.model.PatientRecord;
import org.emrqc.rules.TestPacks;
import org.emrqc.rules.check.FixtureRunner;
import org.emrqc.rules.engine.RecordEvaluator;
import org.emrqc.rules.engine.RuleBaseCache;
import org.junit.jupiter.api.Test;

/**
 * The text-against-text rules on the nine hm-editor records (../shared/data/hm-editor, when present): exactly the
 * findings a QC reviewer confirmed, one line each (the judgement is in the report of the change that added them).
 * Skipped when the data is absent.
 */
class HmEditorTextChecksTest {
    private static final Path DIR = Path.of("..", "..", "shared", "data", "hm-editor", "fhir");
    private static final Set<String> RULES = Set.of("CNS-ID-AGE", "CNS-ID-SEX", "CNS-ID-MARITAL", "CNS-ID-OBSTETRIC", "CNS-ID-MENOPAUSE",
            "CNS-DATE-ADMISSION", "CNS-LATERALITY-TEXT", "CNS-ALLERGY-STATEMENTS", "CNS-DX-FPN-ADM", "CNS-DX-PREOP", "CNS-DATE-OPERATION",
            "ERR-PDX-SYMPTOM", "ERR-NOTE-BEFORE-ADM", "INC-TEMPLATE-UNFILLED", "UNR-COPY-NEAR", "UNR-DUP-SAMEDAY", "UNR-DOC-BLANK-DUP");

    @Test
    void findingsAReviewerConfirmed() throws Exception {
        assumeTrue(Files.isDirectory(DIR), "hm-editor data not present");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        NarrativeStage stage = new NarrativeStage(new OfflineExtractor(), TsvTerminology.shipped());
        RecordEvaluator evaluator = new RecordEvaluator();
        RuleBaseCache cache = new RuleBaseCache();
        Set<String> found = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            ParsedInput in = new FhirInputReader().parse(f.getFileName().toString(), Files.readAllBytes(f));
            for (PatientRecord r : new RecordAssembler(zone).assemble(in.source(), in.entries())) {
                stage.apply(r);
                for (Finding x : evaluator.evaluate(cache.get(TestPacks.core(), "CN"), r, FixtureRunner.AS_OF, "CN", zone).findings()) {
                    if (RULES.contains(x.ruleId())) found.add(f.getFileName().toString().replace(".json", "") + " " + x.ruleId() + " " + x.implicated().get(0));
                }
            }
        }
        assertEquals(new TreeSet<>(List.of(
                "hm_S2VPWB3391943 UNR-DOC-BLANK-DUP Composition/doc1",          // blank 出院记录 beside the written one
                "hm_S2VPWB3391943 CNS-DATE-ADMISSION Composition/doc3",         // 首程: 于2024-01-03 16:30收入院; admitted 2025-07-09
                "hm_S2VPWB3391943 ERR-NOTE-BEFORE-ADM Composition/doc3",        // 首程 dated 2025-02-28
                "hm_S2VPWB3391943 INC-TEMPLATE-UNFILLED Composition/doc3",      // 因于…收入院 (no chief complaint), 心率：次/分
                "hm_S2VT794334788 CNS-DX-FPN-ADM Composition/doc9",             // 睡眠障碍、高脂血症 left out of 首程
                "hm_S2VT794334788 CNS-DX-PREOP Composition/doc13",              // 心房颤动 vs 偏瘫、窦性心律失常
                "hm_S2VT794334788 CNS-ID-AGE Composition/doc12",                // 术前讨论: 16岁, the patient is 70
                "hm_S2VT794334788 CNS-ID-MARITAL Composition/doc8",             // 婚姻：已婚 / 婚育史 未婚
                "hm_S2VT794334788 CNS-DATE-ADMISSION Composition/doc9",         // 首程: 2025-05-27; admitted 2025-07-17
                "hm_S2VT794334788 ERR-NOTE-BEFORE-ADM Composition/doc13",       // 手术日期 2025-07-07; rounds 2025-07-15
                "hm_S2VT794334788 INC-TEMPLATE-UNFILLED Composition/doc9",      // T℃ P次/分 …; 手术者：; 在下进行 …
                "hm_S2VTOMT739144 CNS-DX-FPN-ADM Composition/doc4",             // 脑出血 … left out, 急性支气管炎？ added
                "hm_S2VTOMT739144 CNS-DATE-ADMISSION Composition/doc4",         // 首程: 2024-01-03
                "hm_S2VTOMT739144 ERR-NOTE-BEFORE-ADM Composition/doc4",        // 首程 dated 2025-02-28
                "hm_S2VTOMT739144 INC-TEMPLATE-UNFILLED Composition/doc3",      // T：℃ P：次/分 BP：/mmHg
                "hm_S2W0MMZ611031 INC-TEMPLATE-UNFILLED Composition/doc2",      // 体重：kg, 心率：次/分; 血压，
                "hm_S2W30YS290548 INC-TEMPLATE-UNFILLED Composition/doc1",      // 吸烟史：有：, 体重：kg
                "hm_S2W6JMO856722 INC-TEMPLATE-UNFILLED Composition/doc2",
                "hm_S2WBSDM981989 INC-TEMPLATE-UNFILLED Composition/doc1",
                "hm_S2WDU6T614595 INC-TEMPLATE-UNFILLED Composition/doc1",
                "hm_S2WE36F582881 CNS-DX-PREOP Composition/doc11",              // 心房颤动 vs 窦性心律失常
                "hm_S2WE36F582881 CNS-ID-AGE Composition/doc10",                // 16岁
                "hm_S2WE36F582881 CNS-ID-MARITAL Composition/doc6",             // 已婚 / 未婚
                "hm_S2WE36F582881 CNS-DATE-ADMISSION Composition/doc7",         // 首程 2025-05-27; 出院记录 2025-07-17; admitted 07-22
                "hm_S2WE36F582881 ERR-NOTE-BEFORE-ADM Composition/doc11",       // 手术日期 2025-07-07; rounds 07-04 … 07-15
                "hm_S2WE36F582881 INC-TEMPLATE-UNFILLED Composition/doc8")), found);
    }
}
