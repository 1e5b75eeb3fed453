package org.emrqc.extractor.terminology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The four Chinese lexicon tables emrqc ships: their sizes, that every row is well-formed, that a concept's rows
 * agree, that no written form names two concepts, and that every reference between concepts resolves.
 */
class ShippedLexiconTablesTest {
    static final String SYSTEM = "https://emrqc.org/fhir/CodeSystem/zh-lexicon";
    static final List<String> FILES = List.of("zh-symptoms.tsv", "zh-diseases.tsv", "zh-anatomy.tsv", "zh-drugs.tsv");
    static final Map<String, Pattern> CODE_OF_KIND = Map.of(
            "symptom", Pattern.compile("SYM-\\d{4}"), "sign", Pattern.compile("SGN-\\d{4}"),
            "diagnosis", Pattern.compile("DIS-\\d{4}"), "anatomy", Pattern.compile("ANA-\\d{4}"),
            "medication", Pattern.compile("DRG-\\d{4}"));
    static final Map<String, Set<String>> KINDS_OF_FILE = Map.of(
            "zh-symptoms.tsv", Set.of("symptom", "sign"), "zh-diseases.tsv", Set.of("diagnosis"),
            "zh-anatomy.tsv", Set.of("anatomy"), "zh-drugs.tsv", Set.of("medication"));
    static final Set<String> ORGAN_SYSTEMS = Set.of("respiratory", "cardiovascular", "digestive", "urinary", "reproductive",
            "nervous", "musculoskeletal", "skin", "general", "ent", "eye", "endocrine", "psychiatric", "haematologic");
    static final Set<String> DISEASE_GROUPS = Set.of("infectious", "neoplasm", "cardiovascular", "cerebrovascular", "respiratory",
            "digestive", "hepatobiliary", "renal", "urological", "endocrine", "nervous", "haematologic", "rheumatic",
            "gynaecological", "obstetric", "breast", "musculoskeletal", "injury", "ent", "oral", "eye", "skin", "neonatal",
            "psychiatric", "congenital", "poisoning", "general");

    /** Names where 左/右/双 is part of the structure's or the disease's name, not a side. */
    static final Set<String> NOT_A_SIDE = Set.of("右心衰竭", "右心功能不全", "右心衰", "左束支传导阻滞", "右束支传导阻滞",
            "双胎妊娠", "双胎", "双踝骨折", "双相情感障碍", "双相障碍");

    /** One row of a table, as written. */
    record Row(String file, int line, String term, String kind, String system, String code, String display, String source,
               Map<String, String> attributes) { }

    static List<Row> rows(String file) throws IOException {
        List<Row> out = new ArrayList<>();
        try (InputStream in = ShippedLexiconTablesTest.class.getClassLoader().getResourceAsStream("emrqc/lexicon/" + file)) {
            assertNotNull(in, file + " on the classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            boolean header = false;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.startsWith("#")) {
                    header |= line.contains("term, kind, system, code, display, source, attributes");
                    continue;
                }
                String[] f = line.split("\t", -1);
                assertEquals(7, f.length, file + ":" + n + " has 7 columns: " + line);
                Map<String, String> attributes = new LinkedHashMap<>();
                for (String kv : f[6].split(";")) {
                    if (kv.isEmpty()) continue;
                    String[] p = kv.split("=", 2);
                    assertEquals(2, p.length, file + ":" + n + " attribute " + kv);
                    assertEquals(null, attributes.put(p[0], p[1]), file + ":" + n + " attribute given once: " + kv);
                }
                out.add(new Row(file, n, f[0], f[1], f[2], f[3], f[4], f[5], attributes));
            }
            assertTrue(header, file + " has a header comment naming the columns");
        }
        return out;
    }

    static List<Row> all() throws IOException {
        List<Row> out = new ArrayList<>();
        for (String f : FILES) out.addAll(rows(f));
        return out;
    }

    /** Distinct concept ids per kind, for one file. */
    static Map<String, Integer> conceptsPerKind(String file) throws IOException {
        Map<String, Set<String>> ids = new TreeMap<>();
        for (Row r : rows(file)) ids.computeIfAbsent(r.kind(), k -> new HashSet<>()).add(r.code());
        Map<String, Integer> out = new TreeMap<>();
        ids.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }

    @Test
    void eachTableHoldsTheConceptsItPromises() throws IOException {
        assertEquals(Map.of("sign", 369, "symptom", 334), conceptsPerKind("zh-symptoms.tsv"));
        assertEquals(Map.of("diagnosis", 1350), conceptsPerKind("zh-diseases.tsv"));
        assertEquals(Map.of("anatomy", 308), conceptsPerKind("zh-anatomy.tsv"));
        assertEquals(Map.of("medication", 766), conceptsPerKind("zh-drugs.tsv"));
        Set<String> classes = new HashSet<>();
        Set<String> generics = new HashSet<>();
        for (Row r : rows("zh-drugs.tsv")) ("class".equals(r.attributes().get("level")) ? classes : generics).add(r.code());
        assertEquals(127, classes.size(), "drug classes");
        assertEquals(639, generics.size(), "generic drugs");
        assertEquals(2139, rows("zh-symptoms.tsv").size());
        assertEquals(2671, rows("zh-diseases.tsv").size());
        assertEquals(387, rows("zh-anatomy.tsv").size());
        assertEquals(1142, rows("zh-drugs.tsv").size());
    }

    @Test
    void everyRowIsWellFormed() throws IOException {
        for (Row r : all()) {
            String at = r.file() + ":" + r.line() + " " + r.term();
            assertTrue(KINDS_OF_FILE.get(r.file()).contains(r.kind()), at + " kind " + r.kind());
            assertEquals(SYSTEM, r.system(), at);
            assertTrue(CODE_OF_KIND.get(r.kind()).matcher(r.code()).matches(), at + " code " + r.code());
            assertTrue(TsvTerminology.SOURCE_KINDS.contains(r.source()), at + " source kind " + r.source());
            assertTrue(r.term().length() >= 2, at + " is at least 2 characters");
            assertEquals(r.term().strip(), r.term(), at + " has no surrounding space");
            assertFalse(r.term().contains(" "), at + " has no space");
            if (!"medication".equals(r.kind()) && !NOT_A_SIDE.contains(r.term())) {
                assertFalse(r.term().matches("^([左右两]|双侧|双[上下]肢|双[手足腿眼耳肺肾乳]).*"), at + " holds no laterality");
            }
            switch (r.kind()) {
                case "symptom", "sign" -> assertTrue(ORGAN_SYSTEMS.contains(r.attributes().get("system")), at + " system=" + r.attributes());
                case "diagnosis" -> {
                    assertTrue(DISEASE_GROUPS.contains(r.attributes().get("group")), at + " group=" + r.attributes());
                    String chronic = r.attributes().get("chronic");
                    assertTrue(chronic == null || chronic.equals("yes"), at + " chronic=" + chronic);
                }
                case "anatomy" -> assertTrue(Set.of("yes", "no").contains(r.attributes().get("paired")), at + " paired=" + r.attributes());
                case "medication" -> assertTrue("class".equals(r.attributes().get("level")) || r.attributes().containsKey("class")
                        || r.attributes().isEmpty(), at + " " + r.attributes());
                default -> throw new AssertionError(at);
            }
        }
    }

    @Test
    void aConceptsRowsAgreeOnDisplayAndAttributesAndItsIdsRunWithoutGaps() throws IOException {
        Map<String, List<Row>> byCode = new LinkedHashMap<>();
        for (Row r : all()) byCode.computeIfAbsent(r.code(), k -> new ArrayList<>()).add(r);
        Map<String, Integer> highest = new HashMap<>();
        for (Map.Entry<String, List<Row>> e : byCode.entrySet()) {
            List<Row> rs = e.getValue();
            Row first = rs.get(0);
            assertEquals(first.term(), first.display(), e.getKey() + ": the first row is the preferred term");
            for (Row r : rs) {
                assertEquals(first.display(), r.display(), r.file() + ":" + r.line() + " display");
                assertEquals(first.kind(), r.kind(), r.file() + ":" + r.line() + " kind");
                assertEquals(first.attributes(), r.attributes(), r.file() + ":" + r.line() + " attributes");
                assertEquals(first.file(), r.file(), e.getKey() + " lives in one file");
            }
            String prefix = e.getKey().substring(0, 3);
            highest.merge(prefix, Integer.parseInt(e.getKey().substring(4)), Math::max);
        }
        Map<String, Integer> count = new HashMap<>();
        for (String code : byCode.keySet()) count.merge(code.substring(0, 3), 1, Integer::sum);
        assertEquals(count, highest, "ids are numbered 0001, 0002 ... without gaps");
        assertEquals(Map.of("SYM", 334, "SGN", 369, "DIS", 1350, "ANA", 308, "DRG", 766), count);
    }

    @Test
    void noWrittenFormNamesTwoConcepts() throws IOException {
        Map<String, Row> seen = new HashMap<>();
        for (Row r : all()) {
            String key = DictionaryTerminology.normalize(r.term());
            Row before = seen.put(key, r);
            assertTrue(before == null, "'" + r.term() + "' at " + r.file() + ":" + r.line()
                    + (before == null ? "" : " also at " + before.file() + ":" + before.line()));
        }
    }

    @Test
    void everySiteParentAndClassReferenceResolves() throws IOException {
        Map<String, Row> concept = new HashMap<>();
        for (Row r : all()) concept.putIfAbsent(r.code(), r);
        for (Row r : all()) {
            String at = r.file() + ":" + r.line() + " " + r.term();
            String site = r.attributes().get("site");
            if (site != null) assertEquals("anatomy", concept.get(site) == null ? null : concept.get(site).kind(), at + " site=" + site);
            String parent = r.attributes().get("part-of");
            if (parent != null) assertEquals("anatomy", concept.get(parent) == null ? null : concept.get(parent).kind(), at + " part-of=" + parent);
            String classes = r.attributes().get("class");
            if (classes != null) {
                for (String c : classes.split(",")) {
                    assertNotNull(concept.get(c), at + " class=" + c);
                    assertEquals("class", concept.get(c).attributes().get("level"), at + " class=" + c + " is a class row");
                }
            }
        }
        // part-of and class chains end (no cycles)
        for (Row r : all()) {
            for (String key : List.of("part-of", "class")) {
                Set<String> path = new HashSet<>();
                String at = r.code();
                while (at != null) {
                    assertTrue(path.add(at), r.term() + ": " + key + " cycle through " + at);
                    String next = concept.get(at).attributes().get(key);
                    at = next == null ? null : next.split(",")[0];
                }
            }
        }
    }

    @Test
    void theLinksLateralityAndAllergyChecksNeed() throws IOException {
        Map<String, Row> byTerm = new HashMap<>();
        for (Row r : all()) byTerm.put(r.term(), r);
        assertEquals("yes", byTerm.get("卵巢").attributes().get("paired"));
        assertEquals(byTerm.get("附件").code(), byTerm.get("卵巢").attributes().get("part-of"));
        assertEquals(byTerm.get("附件").code(), byTerm.get("输卵管").attributes().get("part-of"));
        assertEquals(byTerm.get("腋窝淋巴结").code(), byTerm.get("前哨淋巴结").attributes().get("part-of"));
        assertEquals("no", byTerm.get("子宫").attributes().get("paired"));
        assertEquals(byTerm.get("卵巢").code(), byTerm.get("卵巢囊肿").attributes().get("site"));
        assertEquals(byTerm.get("乳腺").code(), byTerm.get("乳腺癌").attributes().get("site"));
        assertEquals(byTerm.get("乳腺").code(), byTerm.get("乳房").code(), "乳房 and 乳腺 are one site");
        assertEquals(byTerm.get("肾脏").code(), byTerm.get("肾结石").attributes().get("site"));
        for (String t : List.of("高血压", "糖尿病", "冠心病", "慢阻肺", "肺结核", "慢性乙型肝炎")) {
            assertEquals("yes", byTerm.get(t).attributes().get("chronic"), t);
        }
        assertEquals(byTerm.get("高血压").code(), byTerm.get("原发性高血压").code());
        assertEquals(byTerm.get("冠状动脉粥样硬化性心脏病").code(), byTerm.get("冠心病").code());
        assertEquals(byTerm.get("2型糖尿病").code(), byTerm.get("II型糖尿病").code());
        assertEquals(byTerm.get("慢性阻塞性肺疾病").code(), byTerm.get("慢阻肺").code());
        assertEquals("abbreviation", byTerm.get("慢阻肺").source());
        assertEquals(byTerm.get("腹痛").code(), byTerm.get("肚子痛").code());
        assertEquals("colloquial", byTerm.get("肚子痛").source());
        assertEquals(byTerm.get("气促").code(), byTerm.get("呼吸急促").code());
        assertEquals(byTerm.get("食欲减退").code(), byTerm.get("纳差").code());
        assertEquals("sign", byTerm.get("杵状指").kind());
        assertEquals("class", byTerm.get("青霉素类").attributes().get("level"));
        assertEquals(byTerm.get("青霉素类").code(), byTerm.get("阿莫西林").attributes().get("class"));
        assertEquals(byTerm.get("β-内酰胺类").code(), byTerm.get("青霉素类").attributes().get("class"));
        assertEquals(byTerm.get("头孢菌素类").code(), byTerm.get("头孢类").code());
        for (String c : List.of("磺胺类", "喹诺酮类", "大环内酯类", "碘造影剂", "非甾体抗炎药")) {
            assertEquals("class", byTerm.get(c).attributes().get("level"), c);
        }
    }

    @Test
    void theLoaderKeepsSourceKindAndAttributesOfEveryRow() throws IOException {
        List<Concept> shipped = TsvTerminology.shippedConcepts();
        List<Row> rows = all();
        List<Concept> zh = shipped.stream().filter(c -> SYSTEM.equals(c.codes().get(0).getSystem())).toList();
        assertEquals(rows.size(), zh.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Concept c = zh.get(i);
            assertEquals(r.term(), c.term());
            assertEquals(r.kind(), c.kind());
            assertEquals(r.code(), c.codes().get(0).getCode());
            assertEquals(r.display(), c.codes().get(0).getDisplay());
            assertEquals(r.source(), c.sourceKind());
            assertEquals(r.attributes(), c.attributes());
            assertEquals("emrqc/lexicon/" + r.file(), c.source());
        }
    }
}
