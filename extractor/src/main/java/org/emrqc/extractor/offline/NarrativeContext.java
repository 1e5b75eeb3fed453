package org.emrqc.extractor.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.sections.SectionDetector;
import org.emrqc.model.MentionFact;
import org.emrqc.model.SectionFact;

/**
 * What a mention's place in a note says about it, the same for every extraction backend (offline patterns and
 * the LLM): whether its section states the patient's state at all (a differential diagnosis, the basis of a
 * diagnosis, a plan, the indications and risks of an operation do not: their mentions are hypothetical), its
 * time frame ({@link TimeFrames}), and the statements a chief complaint makes by its form (how long; "发现X", "X术后",
 * "化疗第3周期": {@link #complaintStatements}).
 */
public final class NarrativeContext {
    /** Sections whose mentions are not statements about the patient's state. */
    public static final Set<String> HYPOTHETICAL_SECTIONS = Set.of("differential-diagnosis", "diagnostic-basis", "plan",
            "surgical-indication", "risks", "planned-operation", "planned-anesthesia");
    /**
     * Sections that tell a story over time (a history, a hospital course, a day's round): a mention without a frame in
     * its sentence takes its paragraph's. A note without sections is read the same way.
     */
    public static final Set<String> NARRATIVE_SECTIONS = Set.of("hpi", "case-features", "admission-status", "hospital-course", "case-summary",
            "ward-round", "progress", "nursing");
    /** Kinds of mention that get a time frame. */
    private static final Set<String> TIMED = Set.of("symptom", "sign", "diagnosis", "procedure", "medication", "lab", "imaging", "anatomy");
    /** In a 拟诊讨论, the differential and the basis of the diagnosis begin at these words. */
    private static final Pattern DISCUSSION_PARTS = Pattern.compile("鉴别|需与|应与|诊断依据|依据[:：]|differential", Pattern.CASE_INSENSITIVE);

    private NarrativeContext() { }

    /**
     * Sets a mention's hypothetical flag from its section (and, in a 拟诊讨论, from the differential part it is in)
     * and its time frame from the text.
     */
    public static void decorate(String text, String language, List<SectionFact> sections, List<TimeFrames.Frame> frames, MentionFact f) {
        SectionFact s = SectionDetector.at(sections, f.getStart());
        String code = s == null ? f.getSection() : s.getCode();
        if (code != null && HYPOTHETICAL_SECTIONS.contains(code)) f.setHypothetical(true);
        if ("diagnostic-discussion".equals(code) && s != null && f.getStart() >= s.getStart()
                && DISCUSSION_PARTS.matcher(text.substring(s.getStart(), f.getStart())).find()) f.setHypothetical(true);
        if (TIMED.contains(f.getKind()) && frames != null) {
            int floor = s == null ? 0 : Math.max(0, Math.min(s.getStart(), f.getStart()));
            TimeFrames.Frame t = TimeFrames.anchor(text, frames, f.getStart(), f.getEnd(), floor, code == null || NARRATIVE_SECTIONS.contains(code));
            if (t != null) {
                f.setTimeFrame(t.key());
                f.setTimeFrameText(t.text());
                // "病程中无X" speaks of the whole illness only in its own sentence, and not in a stay for a further treatment
                // ("现为行第3程化疗再次入院。病程中无发热" is the course since the last stay)
                if ("illness".equals(t.key()) && (t.start() < ContextRules.sentenceStart(text, f.getStart(), 200) || readmission(text, f.getStart()))) {
                    f.setTimeFrame("illness-course");
                }
            } else if ("hpi".equals(code)) {
                // 现病史 tells this illness: a paragraph that dates nothing ("患者无恶心、呕吐。发病以来，…") speaks of all of it
                f.setTimeFrame(readmission(text, f.getStart()) ? "illness-course" : "illness");
            }
        }
    }

    /**
     * Decorates every mention of a document ({@link #decorate}); with {@code cues}, also marks as hypothetical the
     * mentions the pattern code reads as template prompts, differentials, plans or conditionals, and gives a Chinese
     * symptom the body site written before it when it has none (for a backend that does not read them itself, such
     * as the LLM).
     */
    public static void decorateAll(String text, String language, List<SectionFact> sections, List<MentionFact> mentions, boolean cues) {
        List<TimeFrames.Frame> frames = TimeFrames.find(text, language);
        for (MentionFact f : mentions) {
            if (cues && TIMED.contains(f.getKind()) && ContextRules.of(text, f.getStart(), f.getEnd(), language).hypothetical()) f.setHypothetical(true);
            // the body site as the pattern code reads it when the backend gave none (two sites, two findings)
            if (cues && "zh".equals(language) && f.getBodySite() == null && ("symptom".equals(f.getKind()) || "sign".equals(f.getKind()))) {
                f.setBodySite(ContextRules.bodySite(text, f.getStart()));
            }
            decorate(text, language, sections, frames, f);
        }
    }

    /** A stay for a further treatment or a check: its history's "病程中" is the course since the last stay. */
    private static final Pattern READMISSION = Pattern.compile("再次入院|再入院|返院|按约|复查|化疗入院|继续[^。；;\\n]{0,10}(?:治疗|化疗|放疗)|为行[^。；;\\n]{0,10}(?:治疗|化疗|放疗)|再次就诊");

    /** Whether the sentence of an offset or the one before it tells of a stay for a further treatment. */
    private static boolean readmission(String text, int at) {
        int sentence = ContextRules.sentenceStart(text, at, 200);
        int previous = sentence > 0 ? ContextRules.sentenceStart(text, sentence - 1, 200) : sentence;
        return READMISSION.matcher(text.substring(previous, at)).find();
    }

    /** Attribute of the statement giving a chief complaint's duration (normalized: days). */
    public static final String COMPLAINT_DURATION = "complaint-duration";
    /** Attribute of the statement giving a chief complaint's form: finding, status-post, treatment, none. */
    public static final String COMPLAINT_FORM = "complaint-form";

    private static final Pattern ZH_FINDING = Pattern.compile("(?:体检|查体|健康检查|检查|复查|超声|B超|彩超|CT|MRI|胸片|X线|钼靶|胃镜|肠镜|镜检|化验)?(?:时|中)?发现");
    private static final Pattern ZH_STATUS_POST = Pattern.compile("(?:根治|切除|置换|成形|修补|植入|移植|介入|造瘘|穿刺)?术后|治疗后|放化疗后|化疗后|放疗后");
    private static final Pattern ZH_TREATMENT = Pattern.compile("化疗|放疗|靶向治疗|免疫治疗|内分泌治疗|第[0-9０-９一二三四五六七八九十]+(?:周期|程|疗程|次)|复查|随访|返院|定期治疗|拟行|要求手术|要求治疗");
    private static final Pattern ZH_NONE = Pattern.compile("^\\s*(?:无(?:特殊|明显)?(?:不适|主诉)|无)\\s*[。.]?\\s*$");
    private static final Pattern EN_FINDING = Pattern.compile("(?i)\\b(?:found to have|incidental(?:ly)?(?: found)?|screening|abnormal (?:finding|imaging|scan))\\b");
    private static final Pattern EN_STATUS_POST = Pattern.compile("(?i)\\b(?:s/p|status post|post-?op(?:erative)?)\\b");
    private static final Pattern EN_TREATMENT = Pattern.compile("(?i)\\b(?:chemotherapy|radiotherapy|cycle \\d+|follow-?up|scheduled|elective)\\b");
    private static final Pattern EN_NONE = Pattern.compile("(?i)^\\s*(?:no complaints?|none|asymptomatic)\\s*\\.?\\s*$");
    /** Vague counts a duration may have: 数天, 多年, 十余年, 半月. */
    private static final Pattern ZH_VAGUE_DURATION = Pattern.compile("(?:数|多|十余|几|半|若干)\\s*(?:个)?\\s*(?:小时|分钟|天|日|周|星期|月|年)(?:余)?");

    /**
     * The statements the document's chief complaints make by their form: how long (attribute
     * {@value #COMPLAINT_DURATION}, normalized to days, the span the duration as written) and how they are put
     * (attribute {@value #COMPLAINT_FORM}: "finding" for 发现甲状腺结节 / 体检发现肺结节, "status-post" for 左乳癌术后,
     * "treatment" for 化疗第3周期 / 复查, "none" for 无不适), read from the section's text whatever the terms in it.
     */
    public static List<MentionFact> complaintStatements(NarrativeDocument doc, List<SectionFact> sections) {
        List<MentionFact> out = new ArrayList<>();
        String text = doc.text();
        boolean zh = "zh".equals(doc.language());
        for (SectionFact s : sections) {
            if (!"chief-complaint".equals(s.getCode()) || s.getEnd() <= s.getStart()) continue;
            Durations.Found d = Durations.first(text, s.getStart(), s.getEnd(), zh ? "zh" : "en");
            if (d != null) {
                out.add(statement(doc, s, d.start(), d.end(), COMPLAINT_DURATION, format(d.days())));
            } else if (zh) {
                Matcher v = ZH_VAGUE_DURATION.matcher(text).region(s.getStart(), s.getEnd());
                if (v.find()) out.add(statement(doc, s, v.start(), v.end(), COMPLAINT_DURATION, null));
            }
            String content = text.substring(s.getStart(), s.getEnd());
            if ((zh ? ZH_NONE : EN_NONE).matcher(content).matches()) {
                out.add(statement(doc, s, s.getStart(), s.getEnd(), COMPLAINT_FORM, "none"));
                continue;
            }
            form(doc, s, text, zh ? ZH_FINDING : EN_FINDING, "finding", out);
            form(doc, s, text, zh ? ZH_STATUS_POST : EN_STATUS_POST, "status-post", out);
            form(doc, s, text, zh ? ZH_TREATMENT : EN_TREATMENT, "treatment", out);
        }
        return out;
    }

    private static void form(NarrativeDocument doc, SectionFact s, String text, Pattern p, String value, List<MentionFact> out) {
        Matcher m = p.matcher(text).region(s.getStart(), s.getEnd());
        if (m.find()) out.add(statement(doc, s, m.start(), m.end(), COMPLAINT_FORM, value));
    }

    private static MentionFact statement(NarrativeDocument doc, SectionFact s, int start, int end, String attribute, String normalized) {
        MentionFact f = new MentionFact(doc.resourceType(), doc.id(), "statement", doc.text().substring(start, end), start, end);
        f.setPatientId(doc.patientId());
        f.setEncounterId(doc.encounterId());
        f.setSection(s.getCode());
        f.setAttribute(attribute);
        f.setNormalized(normalized);
        return f;
    }

    private static String format(double days) {
        return days == Math.rint(days) ? String.valueOf((long) days) : String.valueOf(Math.round(days * 1000) / 1000d);
    }
}
