package org.emrqc.fhir.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.fhir.QcCodeSystems;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * emrqc's conformance package: every extension its findings carry and every extension of the input it documents
 * (docs/fhir-mapping.md) as a StructureDefinition, its code systems (the rules of the pack, one concept each; the
 * defect classes; the grades; the 病案首页 codes it documents) with a ValueSet each, and the Measure of the record score.
 * All canonical URLs lie under {@link QcCodeSystems#BASE}. Built from the pack's rules, so the qc-rule CodeSystem
 * follows the pack; {@code bin/emrqc fhir-package} writes it as an NPM-style FHIR package.
 */
public final class ConformancePackage {
    public static final String NAME = "org.emrqc.fhir";
    public static final String VERSION = "0.1.0";
    public static final String PUBLISHER = "emrqc";

    private static final String SD = QcCodeSystems.BASE + "/StructureDefinition/";
    private static final List<String> DI = List.of("DetectedIssue");
    private static final List<String> MR = List.of("MeasureReport");
    private static final List<String> DI_MR = List.of("DetectedIssue", "MeasureReport");

    /** The extensions, in the order the package lists them. */
    public static final List<ExtensionDefinition> EXTENSIONS = List.of(
            new ExtensionDefinition("qc-evidence-span", "Evidence span",
                    "A span of a document's text that a finding rests on. start and end are offsets into the document's text as "
                            + "emrqc reads it (a DocumentReference's decoded attachment; a Composition's section titles and texts joined "
                            + "by newlines), counted in UTF-16 code units from 0, end exclusive; quote is the text between them.",
                    List.of("DetectedIssue.evidence"), List.of(), List.of(
                    new ExtensionDefinition.Part("document", "Reference", 1, "The document (Composition, DocumentReference, DiagnosticReport …) the span is in."),
                    new ExtensionDefinition.Part("start", "integer", 1, "Offset of the first character, UTF-16 code units from 0."),
                    new ExtensionDefinition.Part("end", "integer", 1, "Offset after the last character (exclusive), UTF-16 code units."),
                    new ExtensionDefinition.Part("quote", "string", 0, "The text of the span, as written."),
                    new ExtensionDefinition.Part("section", "code", 0, "The section the span is in (chief-complaint, hpi, past-history …)."),
                    new ExtensionDefinition.Part("confidence", "decimal", 0, "How sure the extractor is of the fact (0–1)."),
                    new ExtensionDefinition.Part("backend", "code", 0, "What read the fact: offline, pattern, or the model's name."),
                    new ExtensionDefinition.Part("degraded", "boolean", 0, "True when the model failed and the offline extractor answered instead."))),
            ExtensionDefinition.simple("qc-deduction", "Deduction", "Points the finding deducts from the record's score.", DI, "decimal"),
            ExtensionDefinition.simple("qc-veto", "Veto item", "True when the finding is a veto item (单项否决): the record cannot be graded above the region's veto grade.", DI, "boolean"),
            ExtensionDefinition.simple("qc-rule-pack", "Rule pack", "The rule pack and version that made the finding or score (core@2026.11.0).", DI_MR, "string"),
            ExtensionDefinition.simple("qc-region", "Region", "The region whose overlays were in effect (CN, CN-GD, US …).", DI_MR, "string"),
            ExtensionDefinition.simple("qc-regulation", "Regulation", "The regulation or standard the rule applies, with its article.", DI, "string"),
            ExtensionDefinition.simple("qc-fix-hint", "Fix hint", "What the author should do to resolve the finding.", DI, "string"),
            ExtensionDefinition.simple("qc-encounter", "Encounter", "The encounter (stay) the finding belongs to (R4 DetectedIssue has no encounter element).", DI, "Reference"),
            ExtensionDefinition.simple("qc-vetoed", "Vetoed", "True when a veto item capped the record's grade.", MR, "boolean"),
            ExtensionDefinition.simple("qc-finding-count", "Finding count", "How many findings the record has.", List.of("MeasureReport.group"), "integer"),
            // the 病案首页 fields of the input (docs/fhir-mapping.md)
            ExtensionDefinition.simple("admission-condition", "入院病情", "Condition on admission of a discharge diagnosis (1 有, 2 临床未确定, 3 情况不明, 4 无).",
                    List.of("Encounter.diagnosis"), "CodeableConcept", "Coding"),
            ExtensionDefinition.simple("procedure-rank", "手术排序", "Order of a procedure on the front sheet (1 = 主要手术及操作).", List.of("Procedure"), "integer"),
            ExtensionDefinition.simple("incision-class", "切口等级", "Wound class of an operation (0, Ⅰ, Ⅱ, Ⅲ).", List.of("Procedure"), "CodeableConcept"),
            ExtensionDefinition.simple("healing-grade", "愈合等级", "Healing grade of the incision (甲, 乙, 丙, 其他).", List.of("Procedure"), "CodeableConcept"),
            ExtensionDefinition.simple("anesthesia-method", "麻醉方式", "How the operation was anaesthetised (全身麻醉, 局部麻醉 …).", List.of("Procedure"), "CodeableConcept"),
            ExtensionDefinition.simple("operation-grade", "手术级别", "Surgical grade 一级–四级 (1–4).", List.of("Procedure"), "integer", "CodeableConcept"),
            ExtensionDefinition.simple("autopsy", "死亡患者尸检", "Whether an autopsy was done (for a patient who died).", List.of("Encounter"), "boolean"),
            ExtensionDefinition.simple("transfusion", "输血", "Whether blood was given during the stay, as the front sheet records it.", List.of("Encounter"), "boolean"));

    private final List<RuleConcept> rules;

    public ConformancePackage(List<RuleConcept> rules) { this.rules = List.copyOf(rules); }

    /** Every resource of the package, in a stable order. */
    public List<MetadataResource> resources() {
        List<MetadataResource> out = new ArrayList<>();
        for (ExtensionDefinition e : EXTENSIONS) out.add(structureDefinition(e));
        List<CodeSystem> systems = List.of(ruleSystem(), defectClasses(), grades(), measureParts(),
                open("qc-input", "QcInput", "Input of a findings bundle", "meta.tag of a findings bundle from the Kafka pipeline: the topic/partition/offset of the input message."),
                open("qc-rule-pack", "QcRulePack", "Rule pack version", "meta.tag of a findings bundle: the rule pack and version that made it (core@2026.11.0)."),
                codes("admission-condition", "入院病情", new String[][] {{"1", "有"}, {"2", "临床未确定"}, {"3", "情况不明"}, {"4", "无"}}),
                codes("admission-route", "入院途径", new String[][] {{"1", "急诊"}, {"2", "门诊"}, {"3", "其他医疗机构转入"}, {"9", "其他"}}),
                codes("discharge-disposition", "离院方式", new String[][] {{"1", "医嘱离院"}, {"2", "医嘱转院"}, {"3", "医嘱转社区卫生服务机构/乡镇卫生院"},
                        {"4", "非医嘱离院"}, {"5", "死亡"}, {"9", "其他"}}));
        for (CodeSystem cs : systems) {
            out.add(cs);
            out.add(valueSet(cs));
        }
        out.add(measure());
        out.add(qcOperation());
        return out;
    }

    /** package.json of the NPM-style package. */
    public Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", NAME);
        m.put("version", VERSION);
        m.put("canonical", QcCodeSystems.BASE);
        m.put("url", QcCodeSystems.BASE);
        m.put("title", "emrqc conformance package");
        m.put("description", "Extensions, code systems, value sets and the Measure of the FHIR R4 findings emrqc writes, and the extensions of the input it reads.");
        m.put("fhirVersions", List.of("4.0.1"));
        m.put("dependencies", Map.of("hl7.fhir.r4.core", "4.0.1"));
        m.put("type", "fhir.ig");
        m.put("license", "GPL-3.0-or-later");
        m.put("author", PUBLISHER);
        return m;
    }

    static StructureDefinition structureDefinition(ExtensionDefinition e) {
        StructureDefinition sd = new StructureDefinition();
        sd.setId(e.id());
        sd.setUrl(SD + e.id());
        sd.setVersion(VERSION);
        sd.setName(name(e.id()));
        sd.setTitle(e.title());
        sd.setStatus(Enumerations.PublicationStatus.ACTIVE);
        sd.setPublisher(PUBLISHER);
        sd.setDescription(e.description());
        sd.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        sd.setKind(StructureDefinition.StructureDefinitionKind.COMPLEXTYPE);
        sd.setAbstract(false);
        for (String c : e.contexts()) sd.addContext().setType(StructureDefinition.ExtensionContextType.ELEMENT).setExpression(c);
        sd.setType("Extension");
        sd.setBaseDefinition("http://hl7.org/fhir/StructureDefinition/Extension");
        sd.setDerivation(StructureDefinition.TypeDerivationRule.CONSTRAINT);
        List<ElementDefinition> d = sd.getDifferential().getElement();
        ElementDefinition root = new ElementDefinition().setPath("Extension").setShort(e.title()).setDefinition(e.description());
        root.setId("Extension");
        d.add(root);
        if (e.parts().isEmpty()) {
            d.add(element("Extension.extension", "Extension.extension").setMax("0"));
            d.add(element("Extension.url", "Extension.url").setFixed(new org.hl7.fhir.r4.model.UriType(SD + e.id())));
            ElementDefinition value = element("Extension.value[x]", "Extension.value[x]").setMin(1);
            for (String t : e.valueTypes()) value.addType().setCode(t);
            d.add(value);
        } else {
            ElementDefinition ext = element("Extension.extension", "Extension.extension");
            ext.getSlicing().addDiscriminator().setType(ElementDefinition.DiscriminatorType.VALUE).setPath("url");
            ext.getSlicing().setRules(ElementDefinition.SlicingRules.CLOSED);
            d.add(ext);
            for (ExtensionDefinition.Part p : e.parts()) {
                String sid = "Extension.extension:" + p.url();
                d.add(element(sid, "Extension.extension").setSliceName(p.url()).setMin(p.min()).setMax("1").setShort(p.description()).setDefinition(p.description()));
                d.add(element(sid + ".extension", "Extension.extension.extension").setMax("0"));
                d.add(element(sid + ".url", "Extension.extension.url").setFixed(new org.hl7.fhir.r4.model.UriType(p.url())));
                ElementDefinition v = element(sid + ".value[x]", "Extension.extension.value[x]").setMin(1);
                v.addType().setCode(p.type());
                d.add(v);
            }
            d.add(element("Extension.url", "Extension.url").setFixed(new org.hl7.fhir.r4.model.UriType(SD + e.id())));
            d.add(element("Extension.value[x]", "Extension.value[x]").setMax("0"));
        }
        return sd;
    }

    private static ElementDefinition element(String id, String path) {
        ElementDefinition e = new ElementDefinition().setPath(path);
        e.setId(id);
        return e;
    }

    CodeSystem ruleSystem() {
        CodeSystem cs = system("qc-rule", "QcRule", "emrqc rules",
                "The rules of emrqc's core pack: one concept per rule, with its title in English (display) and Chinese (designation), its defect class and the regulation it applies.");
        cs.addProperty().setCode("defect-class").setUri(QcCodeSystems.DEFECT_CLASS).setType(CodeSystem.PropertyType.CODING)
                .setDescription("The defect class of the rule (qc-defect-class).");
        for (RuleConcept r : rules) {
            CodeSystem.ConceptDefinitionComponent c = cs.addConcept().setCode(r.code()).setDisplay(r.titleEn());
            if (r.regulation() != null) c.setDefinition(r.regulation());
            if (r.titleZh() != null) c.addDesignation().setLanguage("zh-CN").setValue(r.titleZh());
            if (r.defectClass() != null) c.addProperty().setCode("defect-class").setValue(new Coding(QcCodeSystems.DEFECT_CLASS, r.defectClass(), null));
        }
        return count(cs);
    }

    static CodeSystem defectClasses() {
        CodeSystem cs = system("qc-defect-class", "QcDefectClass", "emrqc defect classes", "What kind of defect a finding is.");
        String[][] c = {{"incomplete", "Incomplete", "不完整"}, {"inconsistent", "Inconsistent", "不一致"}, {"incorrect", "Incorrect", "不正确"},
                {"unreasonable", "Unreasonable", "不合理"}, {"untimely", "Untimely", "不及时"}};
        for (String[] x : c) cs.addConcept().setCode(x[0]).setDisplay(x[1]).addDesignation().setLanguage("zh-CN").setValue(x[2]);
        return count(cs);
    }

    static CodeSystem grades() {
        CodeSystem cs = system("qc-grade", "QcGrade", "Medical record grades", "The grade of a record's quality score (病历质量等级).");
        String[][] c = {{"甲", "Grade A (甲级)"}, {"乙", "Grade B (乙级)"}, {"丙", "Grade C (丙级)"}};
        for (String[] x : c) cs.addConcept().setCode(x[0]).setDisplay(x[0]).addDesignation().setLanguage("en").setValue(x[1]);
        return count(cs);
    }

    static CodeSystem measureParts() {
        CodeSystem cs = system("qc-measure", "QcMeasure", "Parts of the record score Measure", "The group and stratifier codes of the record-quality-score Measure.");
        cs.addConcept().setCode(QcCodeSystems.SCORE_GROUP).setDisplay("Record quality score")
                .setDefinition("The record's score: the region's starting points less its findings' deductions.");
        cs.addConcept().setCode(QcCodeSystems.GRADE_STRATIFIER).setDisplay("Grade")
                .setDefinition("The grade (qc-grade: 甲, 乙, 丙) the score and the veto items give the record.");
        return count(cs);
    }

    /** A code system whose codes are made as they are used (message offsets, pack versions): content not-present. */
    static CodeSystem open(String id, String name, String title, String description) {
        CodeSystem cs = system(id, name, title, description);
        cs.setContent(CodeSystem.CodeSystemContentMode.NOTPRESENT);
        return cs;
    }

    static CodeSystem codes(String id, String title, String[][] concepts) {
        CodeSystem cs = system(id, name(id), title, title + " (住院病案首页, 卫医政发〔2011〕84号).");
        for (String[] x : concepts) cs.addConcept().setCode(x[0]).setDisplay(x[1]);
        return count(cs);
    }

    private static CodeSystem system(String id, String name, String title, String description) {
        CodeSystem cs = new CodeSystem();
        cs.setId(id);
        cs.setUrl(QcCodeSystems.BASE + "/CodeSystem/" + id);
        cs.setVersion(VERSION);
        cs.setName(name);
        cs.setTitle(title);
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setPublisher(PUBLISHER);
        cs.setDescription(description);
        cs.setCaseSensitive(true);
        cs.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        cs.setValueSet(QcCodeSystems.BASE + "/ValueSet/" + id);
        return cs;
    }

    private static CodeSystem count(CodeSystem cs) {
        cs.setCount(cs.getConcept().size());
        return cs;
    }

    static ValueSet valueSet(CodeSystem cs) {
        ValueSet vs = new ValueSet();
        vs.setId(cs.getId());
        vs.setUrl(QcCodeSystems.BASE + "/ValueSet/" + cs.getId());
        vs.setVersion(VERSION);
        vs.setName(cs.getName());
        vs.setTitle(cs.getTitle());
        vs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        vs.setPublisher(PUBLISHER);
        vs.setDescription("Every code of " + cs.getUrl() + ".");
        vs.getCompose().addInclude().setSystem(cs.getUrl());
        return vs;
    }

    static Measure measure() {
        Measure m = new Measure();
        m.setId("record-quality-score");
        m.setUrl(QcCodeSystems.MEASURE_SCORE);
        m.setVersion(VERSION);
        m.setName("RecordQualityScore");
        m.setTitle("Medical record quality score (病历质量评分)");
        m.setStatus(Enumerations.PublicationStatus.ACTIVE);
        m.setPublisher(PUBLISHER);
        m.setDescription("A record's quality score: the region's starting points (100) less the deductions of its findings, "
                + "and the grade (甲/乙/丙, qc-grade) the region's thresholds give it; a veto item caps the grade.");
        m.getScoring().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/measure-scoring", "continuous-variable", "Continuous Variable"));
        m.getImprovementNotation().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/measure-improvement-notation", "increase", "Increased score indicates improvement"));
        Measure.MeasureGroupComponent g = m.addGroup();
        g.getCode().addCoding(new Coding(QcCodeSystems.MEASURE_PARTS, QcCodeSystems.SCORE_GROUP, "Record quality score"));
        g.setDescription("The record's score in points (measureScore, unit points).");
        Measure.MeasureGroupStratifierComponent st = g.addStratifier();
        st.getCode().addCoding(new Coding(QcCodeSystems.MEASURE_PARTS, QcCodeSystems.GRADE_STRATIFIER, "Grade"));
        st.setDescription("The record's grade: the stratum's value is a qc-grade code (甲, 乙, 丙).");
        return m;
    }

    /**
     * $qc: checks the records of a Bundle (or of one resource) against the region's rule pack and returns the findings
     * Bundle. The console serves it today at POST /api/v1/records/$qc with the Bundle as the body and region as a query
     * parameter; the FHIR endpoint that takes it as a Parameters resource is not built yet.
     */
    static org.hl7.fhir.r4.model.OperationDefinition qcOperation() {
        org.hl7.fhir.r4.model.OperationDefinition op = new org.hl7.fhir.r4.model.OperationDefinition();
        op.setId("qc");
        op.setUrl(QcCodeSystems.BASE + "/OperationDefinition/qc");
        op.setVersion(VERSION);
        op.setName("Qc");
        op.setTitle("Quality-check medical records");
        op.setStatus(Enumerations.PublicationStatus.ACTIVE);
        op.setKind(org.hl7.fhir.r4.model.OperationDefinition.OperationKind.OPERATION);
        op.setPublisher(PUBLISHER);
        op.setDescription("Checks the patient records in a Bundle (or a single resource) against the rule pack of a region and returns "
                + "a Bundle (type collection) with one DetectedIssue per finding and one MeasureReport (record-quality-score) per record. "
                + "Nothing is stored.");
        op.setAffectsState(false);
        op.setCode("qc");
        op.addResource("Bundle");
        op.setSystem(true);
        op.setType(true);
        op.setInstance(false);
        param(op, "resource", org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse.IN, 1, "1", "Resource",
                "The records: a Bundle of any type, or one resource.");
        param(op, "region", org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse.IN, 0, "1", "string",
                "Region code (base, CN, CN-GD …); an unknown region is an error. Default: the server's.");
        param(op, "as-of", org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse.IN, 0, "1", "dateTime",
                "Check as of this instant instead of now (the 'future' and 'open stay' rules use it).");
        param(op, "lang", org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse.IN, 0, "1", "code",
                "Language of DetectedIssue.detail: zh or en. Default: the region's.");
        param(op, "return", org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse.OUT, 1, "1", "Bundle",
                "The findings Bundle.");
        return op;
    }

    private static void param(org.hl7.fhir.r4.model.OperationDefinition op, String name, org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse use,
                              int min, String max, String type, String doc) {
        op.addParameter().setName(name).setUse(use).setMin(min).setMax(max).setType(type).setDocumentation(doc);
    }

    private static String name(String id) {
        StringBuilder b = new StringBuilder();
        for (String p : id.split("-")) if (!p.isEmpty()) b.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
        return b.toString();
    }
}
