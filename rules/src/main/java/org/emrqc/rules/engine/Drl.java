package org.emrqc.rules.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.emrqc.model.AllergyFact;
import org.emrqc.model.CodeSystems;
import org.emrqc.model.ConditionFact;
import org.emrqc.model.ConsentFact;
import org.emrqc.model.DiagnosticReportFact;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.EventFact;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.Fact;
import org.emrqc.model.MedicationFact;
import org.emrqc.model.ObservationFact;
import org.emrqc.model.ProcedureFact;
import org.emrqc.rules.codes.ChineseResidentId;
import org.emrqc.rules.codes.Icd10Code;
import org.emrqc.rules.codes.LoincCode;
import org.emrqc.rules.codes.SnomedIdentifier;

/** Functions the DRL templates call. Kept here, typed and unit-tested, so the templates stay short. */
public final class Drl {

    private Drl() { }

    /** Hours from a to b (negative when b is before a), rounded to 0.1. */
    public static double hours(Long a, Long b) {
        if (a == null || b == null) return Double.NaN;
        return Math.round((b - a) / 360_000d) / 10d;
    }

    /** A time for messages; formatted (yyyy-MM-dd HH:mm in the record's zone) when the finding is made. */
    public static Object time(Long t) { return t == null ? ClinicalNames.NOT_RECORDED : Instant.ofEpochMilli(t); }

    /** A time for messages at the precision the data has (a date shows as a date, not as midnight). */
    public static Object time(Long earliest, Long latest) {
        if (earliest == null) return ClinicalNames.NOT_RECORDED;
        return new ShownTime(earliest, latest == null ? earliest : latest);
    }

    // --- time at the precision of the data: a value known to a day stands for any instant of that day ---

    /**
     * The fewest hours that can lie between a (known to lie in [a, aLatest]) and b (in [b, bLatest]): what a
     * deadline rule may count as certainly elapsed. NaN when either is missing; rounded to 0.1.
     */
    public static double minHours(Long a, Long aLatest, Long b, Long bLatest) {
        if (a == null || b == null) return Double.NaN;
        long hiA = aLatest == null ? a : aLatest;
        return Math.round((b - hiA) / 360_000d) / 10d;
    }

    /** The most hours that can lie between a and b at their precision; NaN when either is missing. */
    public static double maxHours(Long a, Long aLatest, Long b, Long bLatest) {
        if (a == null || b == null) return Double.NaN;
        long hiB = bLatest == null ? b : bLatest;
        return Math.round((hiB - a) / 360_000d) / 10d;
    }

    /** True when b is certainly more than limitHours after a, whatever instants within their precision they are. */
    public static boolean certainlyLater(Long a, Long aLatest, Long b, Long bLatest, double limitHours) {
        double min = minHours(a, aLatest, b, bLatest);
        return !Double.isNaN(min) && min > limitHours;
    }

    /** The earliest instant a stated time (a statement's normalized date or date-time) can be; null when none. */
    public static Long statedAt(org.emrqc.model.MentionFact s, RecordContext ctx) {
        long[] t = StatedTime.of(s, ctx.getZone());
        return t == null ? null : t[0];
    }

    /** The latest instant a stated time can be (the end of its minute or day); null when none. */
    public static Long statedLatest(org.emrqc.model.MentionFact s, RecordContext ctx) {
        long[] t = StatedTime.of(s, ctx.getZone());
        return t == null ? null : t[1];
    }

    /** True when a statement gives a time to the minute, not only a date. */
    public static boolean statedToTheMinute(org.emrqc.model.MentionFact s) { return StatedTime.toTheMinute(s); }

    /** The fewest whole minutes certainly between a (in [a, aLatest]) and b (in [b, bLatest]); 0 when none certain. */
    public static long minMinutes(Long a, Long aLatest, Long b, Long bLatest) {
        if (a == null || b == null) return 0;
        long hiA = aLatest == null ? a : aLatest;
        // to the second: a time sent as 09:05:00 stands until 09:05:00.999, which must not make 30 minutes 29
        return Math.max(0, (Math.floorDiv(b, 1000L) - Math.floorDiv(hiA, 1000L)) / 60L);
    }

    /** True when b may lie within [0, limitHours] after a at their precision (it is not certainly outside). */
    public static boolean mayBeWithin(Long a, Long aLatest, Long b, Long bLatest, double limitHours) {
        if (a == null || b == null) return false;
        return maxHours(a, aLatest, b, bLatest) >= 0 && minHours(a, aLatest, b, bLatest) <= limitHours;
    }

    /**
     * Time elapsed from a to b for a message: "62 h" when both are exact, "at least 62 h" / "至少62小时" when a date
     * without a time leaves only the fewest hours certain.
     */
    public static org.emrqc.model.Localized elapsed(Long a, Long aLatest, Long b, Long bLatest) {
        double min = minHours(a, aLatest, b, bLatest);
        if (Double.isNaN(min)) return ClinicalNames.NOT_RECORDED;
        String h = FindingFactory.format(min);
        boolean exact = (aLatest == null || aLatest.equals(a)) && (bLatest == null || bLatest.equals(b));
        return exact ? new org.emrqc.model.Localized(h + " h", h + "小时")
                : new org.emrqc.model.Localized("at least " + h + " h", "至少" + h + "小时");
    }

    /**
     * Why a deadline cannot be decided for a document (for an informational notice, never a finding): its time is
     * only a date, or it has none. {@code anchor} is "admission" or "discharge".
     */
    public static org.emrqc.model.Localized undecided(String anchor, DocumentFact d, Long anchorTime, Long anchorLatest, double limitHours,
                                                      java.time.ZoneId zone) {
        org.emrqc.model.Localized name = ClinicalNames.document(d);
        boolean discharge = "discharge".equals(anchor);
        String limit = FindingFactory.format(limitHours);
        String anchorShown = anchorTime == null ? "" : new ShownTime(anchorTime, anchorLatest == null ? anchorTime : anchorLatest).format(zone);
        if (d.getCompletedAt() == null) {
            return new org.emrqc.model.Localized(
                    "The " + name.en() + " has no date or signing time: whether it was completed within " + limit + " h of " + (discharge ? "discharge" : "admission") + " cannot be verified.",
                    name.zh() + "无记录时间，无法判断是否在" + (discharge ? "出院" : "入院") + "后" + limit + "小时内完成。");
        }
        String shown = new ShownTime(d.getCompletedAt(), d.getCompletedLatest()).format(zone);
        return new org.emrqc.model.Localized(
                "The " + name.en() + " is dated " + shown + " without a time (" + (discharge ? "discharged " : "admitted ") + anchorShown
                        + "): whether it was completed within " + limit + " h cannot be verified.",
                name.zh() + "记录时间仅为" + shown + "（" + (discharge ? "出院时间" : "入院时间") + anchorShown + "），无法判断是否在"
                        + (discharge ? "出院" : "入院") + "后" + limit + "小时内完成。");
    }

    /**
     * Why a document's time cannot be told against an event's limit (a notice, never a finding): the document is
     * dated without a time, or not dated.
     */
    public static org.emrqc.model.Localized undecidedAfter(org.emrqc.model.Localized event, Long at, Long atLatest, DocumentFact d,
                                                           double limitHours, java.time.ZoneId zone) {
        org.emrqc.model.Localized name = ClinicalNames.document(d);
        String limit = FindingFactory.format(limitHours);
        String when = at == null ? "" : new ShownTime(at, atLatest == null ? at : atLatest).format(zone);
        if (d.getCompletedAt() == null) {
            return new org.emrqc.model.Localized(
                    "The " + name.en() + " has no date or signing time: whether it was completed within " + limit + " h of " + event.en() + " (" + when + ") cannot be verified.",
                    name.zh() + "无记录时间，无法判断是否在" + event.zh() + "（" + when + "）后" + limit + "小时内完成。");
        }
        String shown = new ShownTime(d.getCompletedAt(), d.getCompletedLatest()).format(zone);
        return new org.emrqc.model.Localized(
                "The " + name.en() + " is dated " + shown + " without a time: whether it was completed within " + limit + " h of " + event.en() + " (" + when + ") cannot be verified.",
                name.zh() + "记录时间仅为" + shown + "，无法判断是否在" + event.zh() + "（" + when + "）后" + limit + "小时内完成。");
    }

    /**
     * Whether a document records a procedure: its text names the procedure (its whole name, or one part of a
     * combined name "A+B" of at least four characters). Links a procedure sent without a category to its operative
     * note, as HIS feeds often send procedures by name only.
     */
    public static boolean documents(DocumentFact d, ProcedureFact p) {
        String text = d.getNarrative();
        String name = p.getText();
        if (text == null || name == null || name.isBlank()) return false;
        String compact = text.replaceAll("\\s+", "");
        for (String part : (name + "+").split("[+＋、，,；;]")) {
            String t = part.replaceAll("\\s+", "");
            if (t.length() >= 4 && compact.contains(t)) return true;
        }
        return false;
    }

    /**
     * Whether the feed sends documents of these kinds at all: the record holds one (a document, or a Consent resource
     * of a consent kind), or no kinds are given. Rules that find a document missing use it where hospitals often keep
     * that family on paper: without one such document in the record, a missing one proves nothing. {@code any}
     * (the only kind) means no condition.
     */
    public static boolean feedCarries(RecordContext ctx, String[] kinds) {
        if (kinds == null || kinds.length == 0 || (kinds.length == 1 && "any".equals(kinds[0]))) return true;
        for (DocumentFact d : ctx.getDocuments()) if (isKind(d, kinds)) return true;
        for (org.emrqc.model.ConsentFact c : ctx.of(org.emrqc.model.ConsentFact.class)) {
            for (String k : kinds) if (k.equals(c.getKind())) return true;
        }
        return false;
    }

    /** Whether the record holds a consent of one of the kinds (a document or a Consent resource) for the stay. */
    public static boolean hasConsent(RecordContext ctx, String encounterId, String[] kinds) {
        for (DocumentFact d : ctx.getDocuments()) {
            if (isKind(d, kinds) && (d.getEncounterId() == null || d.getEncounterId().equals(encounterId))) return true;
        }
        for (org.emrqc.model.ConsentFact c : ctx.of(org.emrqc.model.ConsentFact.class)) {
            if (c.isVoided() || "entered-in-error".equals(c.getStatus()) || "rejected".equals(c.getStatus())) continue;
            for (String k : kinds) {
                if (k.equals(c.getKind()) && (c.getEncounterId() == null || c.getEncounterId().equals(encounterId))) return true;
            }
        }
        return false;
    }

    /** Intervals of a stay without progress notes longer than its condition allows ({@link NoteRhythm}). */
    public static List<NoteGap> noteGaps(RecordContext ctx, org.emrqc.model.EncounterFact e, String[] kinds, int stableDays, int seriousDays, int criticalDays) {
        return NoteRhythm.intervals(ctx, e, kinds, stableDays, seriousDays, criticalDays);
    }

    /** As above, with the event kinds that make a patient critical or serious (病危, 特级护理 …) as the region sets them. */
    public static List<NoteGap> noteGaps(RecordContext ctx, org.emrqc.model.EncounterFact e, String[] kinds, int stableDays, int seriousDays, int criticalDays,
                                         String[] criticalKinds, String[] seriousKinds) {
        return NoteRhythm.intervals(ctx, e, kinds, stableDays, seriousDays, criticalDays, criticalKinds, seriousKinds);
    }

    /** Key days after the admission or an operation without a progress note ({@link NoteRhythm}). */
    public static List<NoteGap> keyDaysWithoutNote(RecordContext ctx, org.emrqc.model.EncounterFact e, String[] kinds, String anchor, int days) {
        return NoteRhythm.keyDays(ctx, e, kinds, anchor, days);
    }

    /**
     * The parts of {@code to} that repeat parts of {@code from} ({@link CopyAcross}): for each of {@code toSections}
     * (section codes; "note" = the whole note) compared with each of {@code fromSections}, the most similar pair at or
     * above the threshold. Parts shorter than minChars characters (punctuation and spaces not counted) are not
     * compared; nor is a section with itself. With sameDocument, only sections of one document are compared; without,
     * only different documents.
     */
    public static List<CopiedText> copiedAcross(RecordContext ctx, org.emrqc.model.DocumentFact from, List<String> fromSections,
                                                org.emrqc.model.DocumentFact to, List<String> toSections, boolean sameDocument,
                                                double threshold, int minChars) {
        if (sameDocument != (from == to)) return List.of();
        return CopyAcross.find(ctx, from, fromSections, to, toSections, threshold, minChars);
    }

    /** The parts of a document that repeat another patient's section in the batch ({@link CopyAcross#fromPeers}). */
    public static List<PeerCopy> copiedFromPeers(RecordContext ctx, DocumentFact to, List<String> sections, double threshold, int minChars) {
        return CopyAcross.fromPeers(ctx, to, sections, threshold, minChars);
    }

    /**
     * A document of the kinds (or recording a round of them) whose authors and signers all hold a known title below
     * minRank (0 trainee, 1 医师, 2 主治, 3 副主任, 4 主任; {@link SignerTitles}); nothing when one title is unknown.
     */
    public static List<SignerTitles.Shortfall> signersBelow(RecordContext ctx, org.emrqc.rules.pack.Knowledge kb, org.emrqc.model.DocumentFact d,
                                                            String[] kinds, int minRank) {
        return SignerTitles.below(ctx, kb, d, kinds, minRank);
    }

    /** Whether a document is of one of the given kinds, by its kind or the round it records. */
    public static boolean isKind(DocumentFact d, String... kinds) {
        for (String k : kinds) if (k.equals(d.getKind()) || k.equals(d.getRoundKind())) return true;
        return false;
    }

    /**
     * True when the document's text names any of the terms (spaces ignored, Latin letters in any case): a note that
     * names the examination (胸部CT示…, 病理回报…, 痰培养结果…) is taken as its analysis; a looser match only silences.
     */
    public static boolean mentionsAny(DocumentFact d, String... terms) {
        String t = d.getCompactNarrative();
        if (t == null || t.isEmpty()) return false;
        for (String term : terms) if (t.contains(term.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT))) return true;
        return false;
    }

    /** As {@link #mentionsAny}, for a pack parameter where [none] (or an empty list) names no term. */
    public static boolean namesAnyTerm(DocumentFact d, String[] terms) {
        if (terms == null || terms.length == 0 || terms.length == 1 && "none".equals(terms[0])) return false;
        return mentionsAny(d, terms);
    }

    /** True when the result was certainly reported before the document was completed (issued, else its effective time). */
    public static boolean reportedBefore(org.emrqc.model.ObservationFact o, DocumentFact d) {
        Long t = o.getIssued() != null ? o.getIssued() : o.getEffectiveLatest();
        return t != null && d.getCompletedAt() != null && t < d.getCompletedAt();
    }

    /** True when the condition is one of the stay's admission diagnoses (Encounter.diagnosis with use AD). */
    public static boolean admissionDiagnosis(org.emrqc.model.FrontSheetFact fs, ConditionFact c) {
        for (org.emrqc.model.FrontSheetFact.Diagnosis d : fs.getDiagnoses()) {
            if ("AD".equals(d.use()) && c.getId().equals(d.conditionId())) return true;
        }
        return false;
    }

    /** True when the feed lists admission diagnoses for the stay: only then can one be missing from them. */
    public static boolean hasAdmissionDiagnoses(org.emrqc.model.FrontSheetFact fs) {
        return fs.getDiagnoses().stream().anyMatch(d -> "AD".equals(d.use()));
    }

    /** 低钾血症 → 低 + 钾: the parts a finding's name is also written in (低钾, 低血钾). */
    private static final java.util.regex.Pattern LOW_HIGH_BLOOD = java.util.regex.Pattern.compile("^(低|高)(.+)血症$");

    /**
     * True when the document's text names the lab finding in Chinese or English (低钾血症, 低钾, 低血钾, hypokalaemia):
     * a diagnosis written in its text is a diagnosis, coded or not.
     */
    public static boolean namesFinding(DocumentFact d, String finding) {
        org.emrqc.model.Localized n = ClinicalNames.finding(finding);
        java.util.List<String> terms = new java.util.ArrayList<>();
        String zh = n.in("zh");
        if (zh != null && !zh.isBlank()) {
            terms.add(zh);
            java.util.regex.Matcher m = LOW_HIGH_BLOOD.matcher(zh);
            if (m.matches()) {
                terms.add(m.group(1) + m.group(2));
                terms.add(m.group(1) + "血" + m.group(2));
            }
        }
        if (n.in("en") != null) {
            terms.add(n.in("en"));
            terms.add(n.in("en").replace("ae", "e"));
        }
        return mentionsAny(d, terms.toArray(String[]::new));
    }

    /** True when the document's text names the event by its label (胸部CT平扫, 人工股骨头假体), spaces and case ignored. */
    public static boolean mentionsLabel(DocumentFact d, EventFact e) {
        String label = e.getLabel() == null ? null : e.getLabel().in("zh");
        if (label == null || label.isBlank()) return false;
        for (String part : label.split("、")) if (part.strip().length() >= 2 && mentionsAny(d, part.strip())) return true;
        return false;
    }

    /** True when the report may have been issued at or after the time (or has no time at all). */
    public static boolean mayFollow(org.emrqc.model.DiagnosticReportFact r, Long at) {
        Long latest = r.getIssued() != null ? r.getIssuedLatest() : r.getEffectiveLatest();
        return latest == null || at == null || latest >= at;
    }

    /** A symptom's words for comparison: no spaces, 疼痛/疼 as 痛, no side (左/右/双) in front. */
    static String symptomWords(String t) {
        if (t == null) return "";
        String s = t.replaceAll("\\s+", "").replace("疼痛", "痛").replace("疼", "痛");
        return s.length() > 2 && (s.charAt(0) == '左' || s.charAt(0) == '右' || s.charAt(0) == '双') ? s.substring(1) : s;
    }

    /**
     * The same symptom in two mentions: the same code, or one's words contain the other's (腹痛 / 右下腹痛 / 右下腹疼痛),
     * at least two characters long.
     */
    public static boolean sameSymptom(org.emrqc.model.MentionFact a, org.emrqc.model.MentionFact b) {
        for (org.emrqc.model.Coding x : a.getCodes()) if (b.getCodes().contains(x)) return true;
        String x = symptomWords(a.getText());
        String y = symptomWords(b.getText());
        if (x.length() < 2 || y.length() < 2) return x.equals(y);
        return x.contains(y) || y.contains(x);
    }

    /** True when the section's text names the symptom in any words that contain it (a mention the tagger missed). */
    public static boolean namesSymptom(org.emrqc.model.SectionFact s, org.emrqc.model.MentionFact m) {
        String w = symptomWords(m.getText());
        if (w.length() < 2) return true;
        String t = symptomWords(s.getContent());
        if (spreadIn(t, w)) return true;
        // any word of its own: 多汗 / 大汗淋漓, 泡沫尿 / 小便泡沫增多, 肢体活动不利 / 肢体无力 are the same complaint told
        // in other words; only a symptom none of whose own characters the history uses is not told there
        for (int i = 0; i < w.length(); i++) if (GENERIC.indexOf(w.charAt(i)) < 0 && t.indexOf(w.charAt(i)) >= 0) return true;
        return false;
    }

    /** Characters that many symptoms share, which say nothing of which symptom a text tells. */
    private static final String GENERIC = "痛不适感增多减少大小性伴出现发异常加重无力难困部侧间阵持续反复明显轻度";

    /**
     * True when the characters of w occur in t in order within a window of 2 × |w| + 4 characters: the words a note
     * uses around a symptom (牙龈出血 / 牙龈渗血 is not, but 经量增多 / 经量较以往明显增多 and 咳痰 / 咳黄痰 are).
     */
    static boolean spreadIn(String t, String w) {
        int window = 2 * w.length() + 4;
        for (int i = t.indexOf(w.charAt(0)); i >= 0; i = t.indexOf(w.charAt(0), i + 1)) {
            int k = 1;
            for (int j = i + 1; j < t.length() && j < i + window && k < w.length(); j++) if (t.charAt(j) == w.charAt(k)) k++;
            if (k == w.length()) return true;
        }
        return false;
    }

    /**
     * Two durations of one complaint that cannot both be right: they differ by more than a day and by more than half
     * the longer (3 天 / 1 周 differ; 1 月 / 4 周, 1 天 / 2 天 do not).
     */
    public static boolean durationsDisagree(Double a, Double b) {
        if (a == null || b == null) return false;
        double diff = Math.abs(a - b);
        return diff > 1 && diff > 0.5 * Math.max(a, b);
    }

    /** True when the text contains any of the terms. */
    public static boolean containsAny(String text, String... terms) {
        if (text == null) return false;
        for (String t : terms) if (text.contains(t)) return true;
        return false;
    }

    private static final java.util.regex.Pattern ONSET_TEXT = java.util.regex.Pattern.compile(
            "(\\d{4}\\s*[-年./]\\s*\\d{1,2})|(\\d+|[一二两三四五六七八九十半余]+)\\s*(个)?\\s*(余)?\\s*(分钟|小时|天|日|周|星期|月|年)(余)?\\s*(前|来|以来)"
            + "|今晨|今日|今天|昨日|昨天|昨晚|昨夜|前日|入院前|自幼|出生后|生后|幼年|今年|去年|近期|近日|近来|病程中|\\d+\\s*[天周月年]余?");
    private static final String[] TREATMENT = {"诊治", "治疗", "就诊", "给予", "予以", "服用", "口服", "输液", "静滴", "静脉", "手术", "未予", "未诊",
            "未就诊", "未治疗", "未处理", "未用药", "处理", "检查", "查血", "查体", "门诊", "急诊", "收入", "收住", "收治", "入院", "住院", "转入", "就医"};

    /**
     * What the 现病史 does not record of the elements the 规范 asks (第十八条（三）: 发病情况, 主要症状特点及其发展变化情况,
     * 伴随症状, 发病后诊疗经过及结果, 与鉴别诊断有关的阳性或阴性资料): an onset (a time or a duration), the diagnosis and
     * treatment so far (or that there was none), the pertinent negatives (a denied symptom). Elements: onset, treatment,
     * negatives.
     */
    public static List<org.emrqc.model.Localized> hpiMissing(org.emrqc.model.SectionFact hpi, java.util.Collection<?> mentions, List<String> elements) {
        List<org.emrqc.model.Localized> out = new ArrayList<>();
        String text = hpi.getContent() == null ? "" : hpi.getContent();
        for (String e : elements) {
            switch (e) {
                case "onset" -> {
                    boolean has = ONSET_TEXT.matcher(text).find();
                    for (Object o : mentions) if (o instanceof org.emrqc.model.MentionFact m && m.getDurationDays() != null) has = true;
                    if (!has) out.add(new org.emrqc.model.Localized("onset", "起病时间"));
                }
                case "treatment" -> {
                    boolean has = false;
                    for (String t : TREATMENT) if (text.contains(t)) has = true;
                    if (!has) out.add(new org.emrqc.model.Localized("diagnosis and treatment so far", "诊疗经过"));
                }
                case "negatives" -> {
                    boolean has = text.contains("否认") || text.contains("不伴") || text.contains("未见") || text.contains("未诉");
                    for (Object o : mentions) if (o instanceof org.emrqc.model.MentionFact m && m.isNegated()) has = true;
                    if (!has) out.add(new org.emrqc.model.Localized("pertinent negatives", "有鉴别诊断意义的阴性症状"));
                }
                default -> throw new IllegalArgumentException("unknown history element '" + e + "'");
            }
        }
        return out;
    }

    /** True when b is certainly before a (b's latest instant precedes a's earliest). */
    public static boolean certainlyBefore(Long b, Long bLatest, Long a) {
        if (a == null || b == null) return false;
        return (bLatest == null ? b : bLatest) < a;
    }

    // --- names for messages ---

    /** A document and when it was completed, at its precision: "查房记录（2025-06-24）" / "ward round note (2025-06-24)". */
    public static Object docAt(DocumentFact d) {
        org.emrqc.model.Localized n = ClinicalNames.document(d);
        if (d.getCompletedAt() == null) return n;
        return new DocTime(n, new ShownTime(d.getCompletedAt(), d.getCompletedLatest()));
    }

    public static org.emrqc.model.Localized docName(org.emrqc.model.DocumentFact d) { return ClinicalNames.document(d); }
    public static org.emrqc.model.Localized kindName(String kind) { return ClinicalNames.kind(kind); }
    public static org.emrqc.model.Localized kindNames(List<?> kinds) { return ClinicalNames.kinds(kinds); }
    public static org.emrqc.model.Localized sectionName(org.emrqc.model.SectionFact s) { return ClinicalNames.section(s); }
    public static org.emrqc.model.Localized sectionName(String code) { return ClinicalNames.section(code); }
    public static org.emrqc.model.Localized sectionNames(List<String> codes) { return ClinicalNames.sections(codes); }
    public static org.emrqc.model.Localized text(String en, String zh) { return new org.emrqc.model.Localized(en, zh); }
    public static org.emrqc.model.Localized code(String table, String code) { return ClinicalNames.code(table, code); }
    public static org.emrqc.model.Localized unit(String ucum) { return ClinicalNames.unit(ucum); }
    public static org.emrqc.model.Localized analyte(String label, String loinc) { return ClinicalNames.analyte(label, loinc); }
    public static org.emrqc.model.Localized finding(String finding) { return ClinicalNames.finding(finding); }
    public static org.emrqc.model.Localized problem(String reason) { return ClinicalNames.problem(reason); }

    private static final java.util.regex.Pattern SIGNATURE_IN_TEXT = java.util.regex.Pattern.compile(
            "(?:医师|医生|记录者|书写者|记录人|签名)[^：:\\n]{0,6}[：:][ \\t]*(?:[\\p{IsHan}]{1,4}[*＊]{0,3}|[*＊]{1,3}[\\p{IsHan}]{1,3})(?=$|[\\s/、，,。;；）)])",
            java.util.regex.Pattern.MULTILINE);

    /** A signature label of the patient's side: 签名：, 患者签名：, 委托人（签字）：, not a physician's. */
    private static final java.util.regex.Pattern PATIENT_SIGNATURE_LABEL = java.util.regex.Pattern.compile(
            "([^：:\\n。；;，,]{0,8}?)(?:签名|签字)[)）]?[ \\t]*[：:]");

    /**
     * True when a consent's text has a signature line for the patient or a proxy left blank: the label is followed by
     * nothing, underscores, or the next label (日期, 时间, 与患者关系 …) before the line ends. A physician's line (医师签名)
     * is not the patient's; a text without any signature line (a scanned form) says nothing.
     */
    public static boolean blankPatientSignature(String narrative) {
        if (narrative == null) return false;
        java.util.regex.Matcher m = PATIENT_SIGNATURE_LABEL.matcher(narrative);
        while (m.find()) {
            String who = m.group(1);
            if (who.contains("医师") || who.contains("医生") || who.contains("谈话") || who.contains("护士") || who.contains("经治")) continue;
            int i = m.end();
            while (i < narrative.length() && " \t\u3000_＿‗—-".indexOf(narrative.charAt(i)) >= 0) i++;
            if (i >= narrative.length()) return true;
            String rest = narrative.substring(i, Math.min(narrative.length(), i + 6));
            if (rest.startsWith("\n") || rest.startsWith("日期") || rest.startsWith("时间") || rest.startsWith("与患者") || rest.startsWith("签名日期")
                    || rest.startsWith("年") || rest.startsWith("医师") || rest.startsWith("联系电话") || rest.startsWith("身份证")) return true;
        }
        return false;
    }

    /** Whether a note's text carries a filled signature line ("医师签名：苏*", "记录者：王**"); a blank label does not count. */
    public static boolean signedInText(String narrative) {
        return narrative != null && SIGNATURE_IN_TEXT.matcher(narrative).find();
    }

    /** The names of the practitioners with these ids among the session's facts (the id when a name is not known). */
    public static String practitionerNames(java.util.Collection<?> facts, java.util.Collection<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            String name = id;
            for (Object o : facts) {
                if (o instanceof org.emrqc.model.PractitionerFact p && p.getName() != null
                        && (id.equals(p.getId()) || id.equals(p.getPractitionerId()))) {
                    name = p.getName();
                    break;
                }
            }
            out.add(name);
        }
        return String.join("、", out);
    }

    /** Why a code is malformed in its system (SNOMED CT Verhoeff, LOINC mod 10, ICD-10 format), or null. */
    public static String codeProblem(String system, String code) {
        if (code == null) return null;
        if (CodeSystems.SNOMED.equals(system)) return SnomedIdentifier.problem(code);
        if (CodeSystems.LOINC.equals(system)) return LoincCode.problem(code);
        if (Icd10Code.isIcd10System(system)) return Icd10Code.problem(code, system);
        return null;
    }

    public static boolean isExternalCause(String icd10) { return icd10 != null && Icd10Code.isExternalCause(icd10); }
    public static boolean isMorphology(String code) { return code != null && Icd10Code.isMorphology(code); }

    private static final org.emrqc.model.Localized ENC_START = new org.emrqc.model.Localized("admission", "入院时间");
    private static final org.emrqc.model.Localized ENC_END = new org.emrqc.model.Localized("discharge", "出院时间");
    private static final org.emrqc.model.Localized ONSET = new org.emrqc.model.Localized("onset", "发病时间");
    private static final org.emrqc.model.Localized RECORDED = new org.emrqc.model.Localized("recorded date", "记录日期");
    private static final org.emrqc.model.Localized EFFECTIVE = new org.emrqc.model.Localized("effective time", "检查时间");
    private static final org.emrqc.model.Localized PERFORMED = new org.emrqc.model.Localized("procedure start", "手术/操作开始时间");
    private static final org.emrqc.model.Localized PERFORMED_END = new org.emrqc.model.Localized("procedure end", "手术/操作结束时间");
    private static final org.emrqc.model.Localized AUTHORED = new org.emrqc.model.Localized("order time", "医嘱开立时间");
    private static final org.emrqc.model.Localized GIVEN = new org.emrqc.model.Localized("administration time", "给药时间");
    private static final org.emrqc.model.Localized DOC_DATE = new org.emrqc.model.Localized("document date", "文书日期");
    private static final org.emrqc.model.Localized SIGNED = new org.emrqc.model.Localized("signing time", "签名时间");
    private static final org.emrqc.model.Localized CONSENT = new org.emrqc.model.Localized("consent signing time", "知情同意签署时间");

    /** The times a fact records, with what each is, for time-order rules; planned events record none. */
    public static List<EventTime> times(Fact f) {
        List<EventTime> out = new ArrayList<>(2);
        if (isPlanned(f)) return out;
        if (f instanceof EncounterFact e) {
            add(out, ENC_START, e.getStart(), e.getStartLatest());
            add(out, ENC_END, e.getEnd(), e.getEndLatest());
        } else if (f instanceof ConditionFact c) {
            add(out, ONSET, c.getOnset(), c.getOnsetLatest());
            add(out, RECORDED, c.getRecorded(), c.getRecordedLatest());
        } else if (f instanceof ObservationFact o) {
            if (!o.isComponent()) add(out, EFFECTIVE, o.getEffective(), o.getEffectiveLatest());
        } else if (f instanceof ProcedureFact p) {
            add(out, PERFORMED, p.getStart(), p.getStartLatest());
            if (p.getEnd() != null && !p.getEnd().equals(p.getStart())) add(out, PERFORMED_END, p.getEnd(), p.getEndLatest());
        } else if (f instanceof MedicationFact m) {
            add(out, m.isRequest() ? AUTHORED : GIVEN, m.getAuthoredOn(), m.getAuthoredOnLatest());
        } else if (f instanceof DocumentFact d) {
            add(out, DOC_DATE, d.getDate(), d.getDateLatest());
            if (d.getSignedAt() != null && !d.getSignedAt().equals(d.getDate())) add(out, SIGNED, d.getSignedAt(), d.getSignedAtLatest());
        } else if (f instanceof DiagnosticReportFact r) {
            add(out, EFFECTIVE, r.getEffective(), r.getEffectiveLatest());
        } else if (f instanceof AllergyFact a) {
            add(out, RECORDED, a.getRecorded(), a.getRecordedLatest());
        } else if (f instanceof ConsentFact c) {
            add(out, CONSENT, c.getDateTime(), c.getDateTimeLatest());
        }
        return out;
    }

    /** A booked encounter, a procedure in preparation or a planned order: its times are intentions, not events. */
    static boolean isPlanned(Fact f) {
        if (f instanceof EncounterFact e) return "planned".equals(e.getStatus());
        if (f instanceof ProcedureFact p) return "preparation".equals(p.getStatus());
        if (f instanceof MedicationFact m) return "plan".equals(m.getIntent()) || "proposal".equals(m.getIntent()) || "draft".equals(m.getStatus());
        return false;
    }

    private static void add(List<EventTime> out, org.emrqc.model.Localized what, Long at, Long latest) {
        if (at != null) out.add(new EventTime(what, at, latest == null ? at : latest));
    }

    /** When a fact happened: onset or recorded date, performed start, effective time, authored on; null if unknown. */
    public static Long when(Fact f) {
        List<EventTime> t = times(f);
        return t.isEmpty() ? null : t.get(0).at();
    }

    /** Times of clinical acts only (encounter start, procedures, medications, observations): documents may follow a death. */
    public static List<EventTime> actTimes(Fact f) {
        if (f instanceof EncounterFact e) return e.getStart() == null ? List.of() : List.of(new EventTime(ENC_START, e.getStart(), e.getStartLatest()));
        if (f instanceof ProcedureFact || f instanceof MedicationFact || f instanceof ObservationFact) return times(f);
        return List.of();
    }

    public static String idProblem(String id) { return ChineseResidentId.problem(id); }
    public static String idSex(String id) { return ChineseResidentId.sex(id); }
    public static java.time.LocalDate idBirthDate(String id) { return ChineseResidentId.birthDate(id); }

    /**
     * An infant registered under a parent's resident identity number, as hospitals register newborns who have none
     * yet: the number's birth date is at least 12 years before the patient's, and the patient was under one year
     * old at the first stay of the record (or on the check day). The number's sex and birth date are the parent's.
     */
    public static boolean registeredUnderParent(RecordContext ctx, org.emrqc.model.PatientFact p) {
        if (p == null || p.getBirthDate() == null || p.getNationalId() == null) return false;
        java.time.LocalDate idBirth = ChineseResidentId.birthDate(p.getNationalId());
        if (idBirth == null || idBirth.isAfter(p.getBirthDate().minusYears(12))) return false;
        Long at = null;
        for (org.emrqc.model.EncounterFact e : ctx.of(org.emrqc.model.EncounterFact.class)) {
            if (e.getStart() != null && (at == null || e.getStart() < at)) at = e.getStart();
        }
        java.time.LocalDate day = ctx.day(at != null ? at : ctx.getNow());
        return day.isBefore(p.getBirthDate().plusYears(1));
    }

    /** The male value for "male", else the female value (DRL constraints cannot hold a ternary). */
    public static int bySex(String gender, int male, int female) { return "male".equals(gender) ? male : female; }

    /** Whether a mention and a coded fact share a code (same system and code). */
    public static boolean sameConcept(org.emrqc.model.MentionFact m, org.emrqc.model.CodedFact f) {
        for (org.emrqc.model.Coding a : m.getCodes()) {
            for (org.emrqc.model.Coding b : f.getCodings()) if (a.equals(b)) return true;
            // a drug named by its ingredient matches an order of a product that contains it
            if (f instanceof MedicationFact med && org.emrqc.model.CodeSystems.RXNORM.equals(a.getSystem())
                    && med.getIngredientCodes().containsKey(a.getCode())) return true;
        }
        String t = f.getText();
        return t != null && m.getCodes().isEmpty() && t.strip().equalsIgnoreCase(m.getText().strip());
    }

    /**
     * Whether a note's allergen is the one an allergy-list entry names: the same code, or names that share their stem
     * (磺胺类 and 复方磺胺甲噁唑, 青霉素 and 青霉素G), read without the words 类, 药物, 过敏 around them. Generous on
     * purpose: it only keeps an "allergy not in the list" finding from being raised.
     */
    public static boolean sameAllergen(org.emrqc.model.MentionFact m, org.emrqc.model.CodedFact a) {
        if (sameConcept(m, a)) return true;
        String x = allergenStem(m.getText());
        String y = allergenStem(a.getText());
        if (x.length() < 2 || y.length() < 2) return false;
        if (x.contains(y) || y.contains(x)) return true;
        for (int i = 0; i + 2 <= x.length(); i++) {
            String bi = x.substring(i, i + 2);
            if (bi.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) && y.contains(bi)) return true;
        }
        return false;
    }

    private static String allergenStem(String s) {
        if (s == null) return "";
        return s.replaceAll("[\\s（）()]", "").replaceAll("(类药物|类药|药物|类|过敏史|过敏)$", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a body site names a side (左, 右, 双, 两): such a denial speaks of that side only. */
    public static boolean sided(String site) {
        return site != null && (site.contains("左") || site.contains("右") || site.contains("双") || site.contains("两"));
    }

    /** Whether a note's allergen is a drug: normalized to a drug code (the project's drug lexicon, RxNorm). */
    public static boolean isDrug(org.emrqc.model.MentionFact m) {
        for (org.emrqc.model.Coding c : m.getCodes()) {
            if (org.emrqc.model.CodeSystems.RXNORM.equals(c.getSystem())) return true;
            if (c.getCode() != null && c.getCode().startsWith("DRG-")) return true;
        }
        return false;
    }

    private static final java.util.regex.Pattern WEIGHT_IN_TEXT = java.util.regex.Pattern.compile(
            "(?:出生体重|入院体重|体重)[：:\\s为约]{0,3}\\d+(?:\\.\\d+)?\\s*(?:g|kg|克|千克|公斤)\\b?");

    /** Whether a note states a weight with its value and unit (出生体重3250g, 体重 3.1kg). */
    public static boolean statesWeight(String narrative) {
        return narrative != null && WEIGHT_IN_TEXT.matcher(narrative).find();
    }

    /** Whether two mentions share a code, or (uncoded) the same text. */
    public static boolean sameConcept(org.emrqc.model.MentionFact a, org.emrqc.model.MentionFact b) {
        for (org.emrqc.model.Coding x : a.getCodes()) if (b.getCodes().contains(x)) return true;
        return a.getCodes().isEmpty() && b.getCodes().isEmpty() && a.getText().equalsIgnoreCase(b.getText());
    }

    /** The required sections (codes; "a|b" = either) that none of the given sections has. */
    public static List<String> missingSections(List<String> required, java.util.Collection<?> sections) {
        java.util.Set<String> have = new java.util.HashSet<>();
        for (Object o : sections) if (o instanceof org.emrqc.model.SectionFact s && s.getCode() != null) have.add(s.getCode());
        List<String> missing = new ArrayList<>();
        for (String r : required) {
            boolean any = false;
            for (String alt : r.split("\\|")) any |= have.contains(alt);
            if (!any) missing.add(r);
        }
        return missing;
    }

    /** Under this age in years a patient is a child (儿科): a child's admission record has no 婚育史. */
    public static final int CHILD_AGE = 14;

    /**
     * Whether a document is a child's: its title says 儿科 or 新生儿, or the patient was younger than {@link #CHILD_AGE}
     * years on the document's date (else today). False when the data cannot say.
     */
    public static boolean child(org.emrqc.model.PatientFact p, DocumentFact d) {
        String title = d == null ? null : d.getTitle();
        if (title != null && (title.contains("儿科") || title.contains("新生儿"))) return true;
        if (p == null || p.getBirthDate() == null) return false;
        java.time.LocalDate at = d != null && d.getDate() != null
                ? Instant.ofEpochMilli(d.getDate()).atZone(java.time.ZoneOffset.UTC).toLocalDate() : java.time.LocalDate.now();
        return java.time.Period.between(p.getBirthDate(), at).getYears() < CHILD_AGE;
    }

    /** The required sections (as {@link #missingSections(List, java.util.Collection)}) none has; "x@adult" only when not a child's. */
    public static List<String> missingSections(List<String> required, java.util.Collection<?> sections, boolean child) {
        List<String> effective = new ArrayList<>();
        for (String r : required) {
            if (r.endsWith("@adult")) {
                if (!child) effective.add(r.substring(0, r.length() - "@adult".length()));
            } else {
                effective.add(r);
            }
        }
        return missingSections(effective, sections);
    }

    /** Similarity of two texts: Jaccard of their character 3-gram sets, whitespace and punctuation ignored. */
    public static double similarity(String a, String b) {
        if (a == null || b == null) return 0;
        java.util.Set<String> x = shingles(a);
        java.util.Set<String> y = shingles(b);
        if (x.isEmpty() || y.isEmpty()) return 0;
        int common = 0;
        for (String s : x) if (y.contains(s)) common++;
        return common / (double) (x.size() + y.size() - common);
    }

    /**
     * Similarity of two notes for copy detection: {@link #similarity} with every number read as the same number, so a
     * note copied with new vital signs, dates and day counts (术后第2天, T 36.6℃) is still a copy.
     */
    public static double copySimilarity(String a, String b) {
        if (a == null || b == null) return 0;
        return similarity(a.replaceAll("\\d+(?:\\.\\d+)?", "0"), b.replaceAll("\\d+(?:\\.\\d+)?", "0"));
    }

    private static java.util.Set<String> shingles(String s) {
        String t = s.replaceAll("[\\s\\p{Punct}，。；：、（）【】“”]", "").toLowerCase(java.util.Locale.ROOT);
        java.util.Set<String> out = new java.util.HashSet<>();
        for (int i = 0; i + 3 <= t.length(); i++) out.add(t.substring(i, i + 3));
        return out;
    }

    /**
     * Length of a text as a chief complaint's "20 characters" counts it: characters and digits, without spaces and
     * punctuation (a comma between two symptoms is not a character of the complaint).
     */
    public static int visibleLength(String s) {
        if (s == null) return 0;
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (Character.isLetterOrDigit(c)) n++;
            i += Character.charCount(c);
        }
        return n;
    }

    // --- narrative ---

    /** Equal, or both null (two mentions in the same time frame, or both without one). */
    public static boolean same(Object a, Object b) { return java.util.Objects.equals(a, b); }

    /**
     * Whether two mentions are written the same way (case and blanks aside): a lexicon that maps 气促 and 呼吸困难 to
     * one code does not make "活动后气促…无夜间阵发性呼吸困难" a contradiction.
     */
    public static boolean sameWords(org.emrqc.model.MentionFact a, org.emrqc.model.MentionFact b) {
        return a.getText().replaceAll("\\s+", "").equalsIgnoreCase(b.getText().replaceAll("\\s+", ""));
    }

    /**
     * Whether an affirmation falls within the time frame of a denial: the same frame (or both without one), or a denial
     * of the whole illness ("病程中无发热", a 现病史 paragraph that dates nothing) after an affirmation told before it
     * and dated within the illness (3天前, 近1周, 目前, 入院时, a date). What is told after "病程中无X" is a later
     * development; a stay's course or a former stay (入院后, 术后, 出院后) is not the illness told.
     */
    public static boolean withinFrame(org.emrqc.model.MentionFact affirmed, org.emrqc.model.MentionFact denied) {
        String a = affirmed.getTimeFrame();
        String d = denied.getTimeFrame();
        if (java.util.Objects.equals(a, d)) return true;
        return "illness".equals(d) && a != null && affirmed.getStart() < denied.getStart()
                && a.matches("(?:after:)?(?:ago:.*|recent|now|admission|date:.*)");
    }

    /**
     * Whether an affirmed disease is the denied one or a narrower name that contains it: same code, or the denied
     * name written inside the affirmed one (糖尿病 in 2型糖尿病, 肝炎 in 慢性乙型病毒性肝炎, 高血压 in 高血压病3级).
     */
    public static boolean sameOrNarrower(org.emrqc.model.MentionFact affirmed, org.emrqc.model.MentionFact denied) {
        if (sameConcept(affirmed, denied)) return true;
        for (org.emrqc.model.Coding x : affirmed.getCodes()) if (denied.getCodes().contains(x)) return true;
        String a = affirmed.getText().replaceAll("\\s+", "");
        String d = denied.getText().replaceAll("\\s+", "");
        return d.length() >= 2 && a.contains(d);
    }

    /** A side as a reader writes it: left → 左, right → 右, bilateral → 双. */
    public static org.emrqc.model.Localized side(String laterality) {
        if (laterality == null) return ClinicalNames.NOT_RECORDED;
        return switch (laterality) {
            case "left" -> new org.emrqc.model.Localized("left", "左");
            case "right" -> new org.emrqc.model.Localized("right", "右");
            case "bilateral" -> new org.emrqc.model.Localized("both", "双");
            default -> org.emrqc.model.Localized.of(laterality);
        };
    }

    /**
     * The document a narrative fact is in, by name: the first DocumentFact of the collection (collected by the
     * fact's resource type and id), else the name of its document kind.
     */
    public static org.emrqc.model.Localized docName(java.util.Collection<?> docs, String kind) {
        for (Object o : docs) if (o instanceof DocumentFact d) return ClinicalNames.document(d);
        return ClinicalNames.kind(kind);
    }

    /** Where in a note: "入院记录「现病史」" / "the history of present illness of the admission record"; without a section, the note. */
    public static org.emrqc.model.Localized place(java.util.Collection<?> docs, String kind, String section) {
        org.emrqc.model.Localized d = docName(docs, kind);
        if (section == null) return d;
        org.emrqc.model.Localized s = ClinicalNames.section(section);
        return new org.emrqc.model.Localized("the " + s.en() + " of the " + d.en(), d.zh() + "「" + s.zh() + "」");
    }

    /** The distinct quoted texts of mentions, in order, at most max of them. */
    public static List<String> texts(java.util.Collection<?> mentions, int max) {
        List<org.emrqc.model.MentionFact> ms = new ArrayList<>();
        for (Object o : mentions) if (o instanceof org.emrqc.model.MentionFact m) ms.add(m);
        ms.sort(java.util.Comparator.comparingInt(org.emrqc.model.MentionFact::getStart));
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (org.emrqc.model.MentionFact m : ms) if (out.size() < max) out.add(m.getText());
        return new ArrayList<>(out);
    }

    /**
     * Whether a condition is a past condition of a stay's illness: its onset (else its recorded date) lies certainly
     * before the illness began, that is before the admission minus the longest duration a chief complaint states
     * (statements of attribute complaint-duration, normalized to days). False when the data cannot decide: no
     * admission time, no stated duration (or only a vague one, "数年"), no onset or recorded date.
     */
    public static boolean pastCondition(ConditionFact c, Long admitted, java.util.Collection<?> durations) {
        if (c == null || admitted == null) return false;
        Double days = null;
        for (Object o : durations) {
            if (!(o instanceof org.emrqc.model.MentionFact m)) continue;
            if (m.getNormalized() == null) return false; // "数年": how long is not known
            try {
                double d = Double.parseDouble(m.getNormalized());
                days = days == null ? d : Math.max(days, d);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (days == null) return false;
        Long known = c.getOnset() != null ? c.getOnsetLatest() : c.getRecordedLatest();
        if (known == null) return false;
        return known < admitted - (long) (days * 86_400_000L);
    }

    // --- text against text (org.emrqc.rules.text): each returns what a rule reports, both sides as evidence ---

    /** Parameter lists for the text checks: Drl.list(@{kinds}). */
    public static List<String> list(String... items) { return java.util.Arrays.asList(items); }

    /** Age, sex, marital status, obstetric history or menopause stated against another note or the record. */
    public static List<org.emrqc.rules.text.TextFinding> identityStatements(String attribute, List<?> statements, List<?> documents,
            List<?> observations, List<?> encounters, RecordContext ctx, double toleranceYears, int recentDays) {
        return org.emrqc.rules.text.IdentityCheck.findings(attribute, statements, documents, observations, encounters, ctx, toleranceYears, recentDays);
    }

    /** Left against right for one diagnosed or operated site in the free text of a stay. */
    public static List<org.emrqc.rules.text.TextFinding> lateralityStatements(List<?> statements, List<?> documents) {
        return org.emrqc.rules.text.LateralityCheck.findings(statements, documents);
    }

    /** A listed allergen against a denial of that kind of allergy. */
    public static List<org.emrqc.rules.text.TextFinding> allergyStatements(List<?> statements, List<?> documents) {
        return org.emrqc.rules.text.AllergyCheck.findings(statements, documents);
    }

    /** Diagnoses dropped or added between the 初步诊断 of two kinds of notes, without a word. */
    public static List<org.emrqc.rules.text.TextFinding> diagnosisListMismatch(List<?> statements, List<?> documents, List<String> fromKinds,
            List<String> toKinds, List<String> sections, List<String> report, org.emrqc.rules.pack.Knowledge kb) {
        return org.emrqc.rules.text.DiagnosisCheck.listMismatch(statements, documents, fromKinds, toKinds, sections, report, kb);
    }

    /** A symptom as principal diagnosis beside a definitive diagnosis. */
    public static List<org.emrqc.rules.text.TextFinding> principalSymptom(List<?> statements, List<?> documents, List<?> conditions,
            List<String> kinds, org.emrqc.rules.pack.Knowledge kb) {
        return org.emrqc.rules.text.DiagnosisCheck.principalSymptom(statements, documents, conditions, kinds, kb);
    }

    /** The operation date of a post-operative note that no operative note of the stay states. */
    public static List<org.emrqc.rules.text.TextFinding> operationDates(List<?> statements, List<?> documents, List<String> operativeKinds,
            List<String> postopKinds) {
        return org.emrqc.rules.text.DateCheck.operationDates(statements, documents, operativeKinds, postopKinds);
    }

    /** Notes (and operation dates they state) before the admission of their stay. */
    public static List<org.emrqc.rules.text.TextFinding> notesBeforeAdmission(List<?> documents, List<?> statements, List<?> encounters,
            List<String> kinds, List<String> operationKinds, RecordContext ctx) {
        return org.emrqc.rules.text.DateCheck.beforeAdmission(documents, statements, encounters, kinds, operationKinds, ctx);
    }

    /** Per document, the template controls left unfilled. */
    public static List<org.emrqc.rules.text.TextFinding> unfilledControls(List<?> statements, List<?> documents, int maxShown, List<String> ignore) {
        return org.emrqc.rules.text.DocumentCheck.unfilledControls(statements, documents, maxShown, ignore);
    }

    /** A blank document beside a filled one of the same kind. */
    public static List<org.emrqc.rules.text.TextFinding> blankDuplicates(List<?> documents, int minSections, int minChars) {
        return org.emrqc.rules.text.DocumentCheck.blankDuplicates(documents, minSections, minChars);
    }

    /** The same note saved twice on one day. */
    public static List<org.emrqc.rules.text.TextFinding> sameDayDuplicates(List<?> documents, List<String> kinds, int minChars, RecordContext ctx) {
        return org.emrqc.rules.text.DocumentCheck.sameDayDuplicates(documents, kinds, minChars, ctx);
    }

    /** Whether two notes are one note saved twice on one day (reported as a duplicate, not as a copy). */
    public static boolean sameDayDuplicate(DocumentFact a, DocumentFact b, RecordContext ctx) {
        return org.emrqc.rules.text.DocumentCheck.identical(a, b, ctx);
    }

    /** Round to one decimal for messages. */
    public static double round1(double v) { return Math.round(v * 10) / 10d; }
}
