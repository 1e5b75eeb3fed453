package org.emrqc.rules.pack;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.model.DefectClass;
import org.emrqc.model.Severity;

/**
 * Loads a rule pack from its {@code pack.yaml} and the files it lists. Every problem is reported as a
 * {@link PackException} naming the file, the line where known, and what is wrong.
 */
public final class PackLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final CsvMapper CSV = new CsvMapper();

    /** The pack shipped with emrqc (module emrqc-rule-packs). */
    public static RulePack loadBundled() { return load(PackSource.classpath("emrqc/packs/core")); }

    public static RulePack load(PackSource source) {
        ManifestDoc m = yaml(source, "pack.yaml", ManifestDoc.class);
        require(m.id, "pack.yaml", "id");
        require(m.version, "pack.yaml", "version");
        Map<String, String> templates = new LinkedHashMap<>();
        for (String t : m.templates) {
            String name = t.replaceAll("^.*/", "").replaceAll("\\.drl$", "");
            templates.put(name, source.read(t));
        }
        Map<String, KnowledgeTable> knowledge = new LinkedHashMap<>();
        m.knowledge.forEach((name, doc) -> knowledge.put(name, csv(source, name, doc)));
        Map<String, RuleDefinition> rules = new LinkedHashMap<>();
        for (String f : m.rules) {
            RulesDoc doc = yaml(source, f, RulesDoc.class);
            for (RuleDoc r : doc.rules) {
                RuleDefinition def = rule(r, f, templates);
                if (rules.put(def.id(), def) != null) throw new PackException(f + ": rule " + def.id() + " is defined twice");
            }
        }
        indicators(knowledge.get("indicators"), m.knowledge.get("indicators"), rules);
        Map<String, RegionOverlay> regions = new LinkedHashMap<>();
        for (String f : m.regions) {
            RegionOverlay o = region(yaml(source, f, RegionDoc.class), f, rules, knowledge);
            if (regions.put(o.code(), o) != null) throw new PackException(f + ": region " + o.code() + " is defined twice");
        }
        if (!regions.containsKey("base")) throw new PackException("pack.yaml: the pack has no 'base' region");
        for (RegionOverlay o : regions.values()) {
            if (o.parent() != null && !regions.containsKey(o.parent())) {
                throw new PackException(o.sourceFile() + ": parent region '" + o.parent() + "' is not defined in the pack");
            }
        }
        Scoring scoring = scoring(m.scoring, "pack.yaml");
        if (scoring == null) throw new PackException("pack.yaml: missing 'scoring'");
        return new RulePack(m.id, m.version, text(m.title), m.docs, templates, rules, regions, knowledge, scoring,
                List.copyOf(m.fixtures), source);
    }

    /** The indicators table names rules of the pack and a denominator the evaluator knows. */
    private static void indicators(KnowledgeTable table, TableDoc doc, Map<String, RuleDefinition> rules) {
        if (table == null) return;
        int line = 1;
        for (Row r : table.rows()) {
            line++;
            String where = doc.file + ": line " + line + " (" + r.str("code") + ")";
            String base = r.str("base") == null ? "" : r.str("base").trim();
            if (!base.equals("discharged") && !base.equals("principal-diagnosis") && !(base.startsWith("event:") && base.length() > 6)) {
                throw new PackException(where + ": base must be discharged, principal-diagnosis or event:<kinds>, not '" + base + "'");
            }
            String polarity = r.str("polarity");
            if (!"conforming".equals(polarity) && !"occurrence".equals(polarity)) {
                throw new PackException(where + ": polarity must be conforming or occurrence, not '" + polarity + "'");
            }
            try {
                Integer.parseInt(r.str("number") == null ? "" : r.str("number").trim());
            } catch (NumberFormatException e) {
                throw new PackException(where + ": number must be the indicator's number in the national list, not '" + r.str("number") + "'");
            }
            String ids = r.str("rules") == null ? "" : r.str("rules").trim();
            if (ids.isEmpty()) throw new PackException(where + ": names no rules");
            for (String id : ids.split("\\s+")) {
                if (!rules.containsKey(id)) throw new PackException(where + ": rule '" + id + "' is not defined in the pack");
            }
        }
    }

    private static void require(Object v, String file, String field) {
        if (v == null) throw new PackException(file + ": missing '" + field + "'");
    }

    private static <T> T yaml(PackSource source, String file, Class<T> type) {
        String text = source.read(file);
        try {
            T t = YAML.readValue(text, type);
            if (t == null) throw new PackException(file + ": empty file");
            return t;
        } catch (UnrecognizedPropertyException e) {
            throw new PackException(file + ": line " + e.getLocation().getLineNr() + ": unknown field '" + e.getPropertyName()
                    + "' (known: " + e.getKnownPropertyIds() + ")");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new PackException(file + (line > 0 ? ": line " + line : "") + ": " + e.getOriginalMessage());
        }
    }

    private static KnowledgeTable csv(PackSource source, String name, TableDoc doc) {
        if (doc.file == null || doc.key.isEmpty()) throw new PackException("pack.yaml: knowledge table '" + name + "' needs 'file' and 'key'");
        KnowledgeTable table = new KnowledgeTable(name, doc.key);
        String text = source.read(doc.file);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema)
                .with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS).readValues(text)) {
            int line = 1;
            while (it.hasNextValue()) {
                Map<String, String> row = it.nextValue();
                line = it.getCurrentLocation().getLineNr();
                for (String k : doc.key) {
                    if (!row.containsKey(k)) throw new PackException(doc.file + ": key column '" + k + "' is not in the header");
                }
                table.add(new Row(row, doc.file + ":" + line));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PackException p) throw p;
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            String where = e instanceof JsonProcessingException j && j.getLocation() != null ? ": line " + j.getLocation().getLineNr() : "";
            throw new PackException(doc.file + where + ": " + msg);
        }
        return table;
    }

    private static RuleDefinition rule(RuleDoc r, String file, Map<String, String> templates) {
        String where = file + ": rule " + (r.id == null ? "(without id)" : r.id);
        require(r.id, file, "id");
        if (r.template == null || !templates.containsKey(r.template)) {
            throw new PackException(where + ": template '" + r.template + "' is not one of " + templates.keySet());
        }
        if (r.message == null || r.message.en == null || r.message.zh == null) throw new PackException(where + ": needs message.zh and message.en");
        try {
            return new RuleDefinition(r.id, DefectClass.fromCode(r.defectClass), r.template, text(r.title),
                    Severity.fromCode(r.severity), r.points, r.veto, stages(r.stages, where),
                    new DepartmentScope(r.departments.include, r.departments.exclude), r.regulation,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r.params)), text(r.message), text(r.fix), file,
                    narrative(r, where), r.family);
        } catch (IllegalArgumentException e) {
            throw new PackException(where + ": " + e.getMessage());
        }
    }

    private static boolean narrative(RuleDoc r, String where) {
        if (r.data == null || "structured".equals(r.data)) return false;
        if (!"narrative".equals(r.data)) throw new PackException(where + ": data must be structured or narrative, not '" + r.data + "'");
        if (r.veto) throw new PackException(where + ": a narrative rule cannot be a veto item");
        return true;
    }

    private static List<String> stages(List<String> stages, String where) {
        for (String s : stages) {
            if (!"running".equals(s) && !"terminal".equals(s)) throw new PackException(where + ": unknown stage '" + s + "' (running or terminal)");
        }
        return List.copyOf(stages);
    }

    private static RegionOverlay region(RegionDoc d, String file, Map<String, RuleDefinition> rules, Map<String, KnowledgeTable> knowledge) {
        require(d.region, file, "region");
        if (!"base".equals(d.region) && d.parent == null) throw new PackException(file + ": region " + d.region + " needs a 'parent'");
        List<String> all = new ArrayList<>(d.enable);
        all.addAll(d.disable);
        all.addAll(d.rules.keySet());
        for (String id : all) {
            if (!rules.containsKey(id)) throw new PackException(file + ": rule '" + id + "' is not defined in the pack");
        }
        for (String t : d.knowledge.keySet()) {
            if (!knowledge.containsKey(t)) throw new PackException(file + ": knowledge table '" + t + "' is not defined in pack.yaml");
        }
        Map<String, RuleSettings> settings = new LinkedHashMap<>();
        d.rules.forEach((id, s) -> {
            if (Boolean.TRUE.equals(s.veto) && rules.get(id).narrative()) {
                throw new PackException(file + ": rule " + id + " rests on narrative and cannot be made a veto item");
            }
            try {
                settings.put(id, new RuleSettings(s.params, s.severity == null ? null : Severity.fromCode(s.severity), s.points, s.veto,
                        s.stages == null ? null : stages(s.stages, file + ": rule " + id),
                        s.departments == null ? null : new DepartmentScope(s.departments.include, s.departments.exclude)));
            } catch (IllegalArgumentException e) {
                throw new PackException(file + ": rule " + id + ": " + e.getMessage());
            }
        });
        return new RegionOverlay(d.region, d.parent, text(d.name), d.language, List.copyOf(d.enable), List.copyOf(d.disable),
                settings, d.knowledge, scoring(d.scoring, file), d.note, file);
    }

    private static Scoring scoring(ScoringDoc s, String file) {
        if (s == null) return null;
        List<Scoring.Grade> grades = new ArrayList<>();
        for (GradeDoc g : s.grades) grades.add(new Scoring.Grade(g.grade, g.en, g.min));
        grades.sort((a, b) -> Double.compare(b.min(), a.min()));
        if (grades.isEmpty()) throw new PackException(file + ": scoring needs at least one grade");
        return new Scoring(s.start, grades, s.vetoGrade);
    }

    private static Text text(TextDoc t) { return t == null ? null : new Text(t.zh, t.en); }

    // ---- the YAML documents, bound by Jackson (unknown fields are errors) ----

    static final class ManifestDoc {
        public String id;
        public String version;
        public TextDoc title;
        public String docs;
        public List<String> templates = List.of();
        public List<String> rules = List.of();
        public List<String> regions = List.of();
        public Map<String, TableDoc> knowledge = Map.of();
        public ScoringDoc scoring;
        public List<String> fixtures = List.of();
    }

    static final class TableDoc {
        public String file;
        public List<String> key = List.of();
        public String description;
        public String licence;
    }

    static final class TextDoc {
        public String zh;
        public String en;
    }

    static final class RulesDoc {
        public List<RuleDoc> rules = List.of();
    }

    static final class ScopeDoc {
        public List<String> include = List.of();
        public List<String> exclude = List.of();
    }

    static final class RuleDoc {
        public String id;
        @JsonProperty("class") public String defectClass;
        public String template;
        public TextDoc title;
        public String severity;
        public double points;
        public boolean veto;
        public List<String> stages = List.of("running", "terminal");
        public ScopeDoc departments = new ScopeDoc();
        public String regulation;
        public Map<String, Object> params = Map.of();
        public TextDoc message;
        public TextDoc fix;
        public String data;
        /** Optional: the document family the rule belongs to (code or Chinese name), when derivation would get it wrong. */
        @JsonDeserialize(using = DocumentFamily.Reader.class) public DocumentFamily family;
    }

    static final class SettingsDoc {
        public Map<String, Object> params;
        public String severity;
        public Double points;
        public Boolean veto;
        public List<String> stages;
        public ScopeDoc departments;
        public String note;
    }

    static final class RegionDoc {
        public String region;
        public String parent;
        public TextDoc name;
        public String language;
        public List<String> enable = List.of();
        public List<String> disable = List.of();
        public Map<String, SettingsDoc> rules = Map.of();
        public Map<String, List<Map<String, String>>> knowledge = Map.of();
        public ScoringDoc scoring;
        public String note;
    }

    static final class ScoringDoc {
        public double start = 100;
        public List<GradeDoc> grades = List.of();
        public String vetoGrade;
    }

    static final class GradeDoc {
        public String grade;
        public String en;
        public double min;
    }
}
