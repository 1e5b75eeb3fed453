package org.emrqc.rules.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rules check which kind of defect, for scoring a run against a corpus's listed defects: the defect kinds of
 * the Chinese development corpus (corpus/zh-dev) mapped to the core pack's rule ids. A file given with
 * {@code --kinds} (YAML: kind: [rule, …]) replaces or adds kinds.
 */
public final class DefectKinds {
    private final Map<String, Set<String>> rules = new LinkedHashMap<>();

    public static DefectKinds core() {
        DefectKinds k = new DefectKinds();
        k.put("identity-age", "CNS-ID-AGE");
        k.put("identity-sex", "CNS-ID-SEX", "CNS-SEX-IDCARD");
        k.put("identity-marital", "CNS-ID-MARITAL", "CNS-MARITAL");
        k.put("identity-obstetric", "CNS-ID-OBSTETRIC");
        k.put("identity-menopause", "CNS-ID-MENOPAUSE");
        k.put("laterality-text", "CNS-LATERALITY-TEXT", "CNS-LATERALITY-DX", "CNS-LATERALITY-PROC");
        k.put("allergy-text", "CNS-ALLERGY-STATEMENTS", "CNS-ALLERGY-TEXT", "CNS-ALLERGY-NKA");
        k.put("diagnosis-fpn-admission", "CNS-DX-FPN-ADM");
        k.put("principal-dx-symptom", "ERR-PDX-SYMPTOM", "UNR-PDX-SYMPTOM");
        k.put("date-op-mismatch", "CNS-DATE-OPERATION", "CNS-OP-DATE");
        k.put("document-before-admission", "ERR-NOTE-BEFORE-ADM", "ERR-DOC-BEFORE-ADM", "ERR-BEFORE-ADMISSION");
        k.put("template-unfilled", "INC-TEMPLATE-UNFILLED", "INC-SECTION-EMPTY");
        k.put("blank-duplicate", "UNR-DOC-BLANK-DUP", "UNR-BLANK-DUPLICATE");
        k.put("duplicate-same-day", "UNR-DUP-SAMEDAY", "UNR-DUP-SAME-DAY", "UNR-COPY-CONSEC");
        k.put("near-copy", "UNR-COPY-NEAR", "UNR-NEAR-COPY", "UNR-COPY-CONSEC");
        k.put("cc-too-long", "UNR-CC-LENGTH");
        k.put("cc-no-duration", "INC-CC-DURATION");
        k.put("cc-diagnosis", "UNR-CC-DIAGNOSIS");
        k.put("vital-implausible", "UNR-NARR-VITALS", "UNR-VITALS-RANGE");
        k.put("symptom-conflict", "CNS-SYMPTOM-CONFLICT");
        k.put("history-conflict", "CNS-HX-DENIAL", "CNS-HX-CONFLICT");
        k.put("late-admission-record", "TIM-ADM-24H");
        k.put("late-first-progress-note", "TIM-FPN-8H");
        k.put("missing-attending-round", "TIM-ATT-ROUND");
        k.put("late-operative-note", "TIM-OPNOTE-24H");
        k.put("missing-first-progress-note", "INC-FPN-MISSING");
        k.put("missing-discharge-record", "INC-DISCH");
        k.put("section-missing", "INC-ADM-SECTIONS", "INC-ADM-KEY-SECTIONS", "INC-FPN-PARTS");
        k.put("section-empty", "INC-SECTION-EMPTY");
        return k;
    }

    private void put(String kind, String... ruleIds) { rules.put(kind, new TreeSet<>(List.of(ruleIds))); }

    /** The rules that check a kind of defect (empty for an unknown kind). */
    public Set<String> rules(String kind) { return rules.getOrDefault(kind, Set.of()); }

    public Map<String, Set<String>> all() { return rules; }

    /** These kinds with the ones of a YAML file (kind: [rule, …]) replacing or added. */
    public DefectKinds with(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not readable as YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        DefectKinds k = new DefectKinds();
        k.rules.putAll(rules);
        if (root == null || !root.isObject()) throw new IllegalArgumentException(file + ": expected kind: [rule, …] entries");
        root.fields().forEachRemaining(e -> {
            Set<String> ids = new TreeSet<>();
            if (e.getValue().isArray()) e.getValue().forEach(v -> ids.add(v.asText()));
            else ids.add(e.getValue().asText());
            k.rules.put(e.getKey(), ids);
        });
        return k;
    }
}
