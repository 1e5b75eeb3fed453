package org.emrqc.extractor.offline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrqc.extractor.Extraction;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.NarrativeExtractor;
import org.emrqc.extractor.sections.SectionDetector;
import org.emrqc.extractor.terminology.Candidate;
import org.emrqc.extractor.terminology.Concept;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.extractor.terminology.Terminology;
import org.emrqc.model.Coding;
import org.emrqc.model.MentionFact;
import org.emrqc.model.SectionFact;

/**
 * The offline extractor (no network, no GPU): section detection; dictionary matching of the terminology's terms
 * (the record's own coded resources, the shipped lexicon, user tables) with context attributes; for Chinese, an
 * optional learned tagger for terms no dictionary knows; vital signs, allergy statements, durations and
 * laterality by pattern. Context (negation and its scope, uncertainty, hypothetical statements, family, history)
 * comes from {@link ContextRules}; section roles, time frames and the chief complaint's statements from
 * {@link NarrativeContext}, as for every backend. English sentences come from Stanford CoreNLP (tokenize, ssplit)
 * and bound the context window. Every mention's offsets slice the document text to exactly its quote.
 */
public final class OfflineExtractor implements NarrativeExtractor {
    private static final Pattern EN_DENIAL = Pattern.compile("(?i)\\b(no known (?:drug |medication )?allergies|nkda|no known drug allergy|denies (?:any )?(?:drug )?allergies|no (?:drug )?allergies)\\b");
    private static final Pattern ZH_DENIAL = Pattern.compile("(否认|无)[^。；;，,\\n]{0,8}?过敏史|(药物|食物)?过敏史[：:\\s]*(无|否认)|否认药敏史");
    private static final Pattern ZH_ALLERGY = Pattern.compile("对([\\p{IsHan}A-Za-z0-9]{1,10}?)(?:类药物|类|药物)?(?:有)?过敏|([\\p{IsHan}]{2,8}?)过敏史");
    /** Words before a substance in "X过敏史" that are not the substance. */
    private static final Pattern ZH_ALLERGY_LEAD = Pattern.compile("(?:患者|自诉|诉|既往|平素|曾|有|对|存在|明确)+");
    /** A category, not a substance: "有药物过敏史" names nothing the allergy list could hold. */
    private static final Pattern ZH_ALLERGY_UNNAMED = Pattern.compile("(?:药物|药品|食物|食品|其他|多种|某种|不明|不详|[、及和或])+");
    private static final Pattern EN_ALLERGY = Pattern.compile("(?i)\\ballerg(?:ic|y) to ([a-z][a-z -]{1,30}?)(?=[.,;\\n]|$| and )");

    private final SectionDetector sections = new SectionDetector();
    private final ChineseSpansTagger tagger;

    /** A Chinese tagger adapter: spans [start, end) with a mention kind (diagnosis, symptom ...). */
    public interface ChineseSpansTagger {
        /** Each int[] is {start, end}; the kind is at the same index of kinds. */
        List<Tagged> tag(String text);

        record Tagged(int start, int end, String kind) { }
    }

    public OfflineExtractor(ChineseSpansTagger tagger) { this.tagger = tagger; }

    public OfflineExtractor() { this(null); }

    @Override public String name() { return "offline"; }

    @Override
    public Extraction extract(NarrativeDocument doc, Terminology terminology) {
        String text = doc.text();
        String lang = doc.language();
        List<SectionFact> secs = sections.detect(doc);
        List<TermMatcher.Match> matches = TermMatcher.of(terminology).find(text);
        // sentences bound the context of a mention; a note without dictionary matches needs none
        int[] sentences = new int[0];
        if ("en".equals(lang)) {
            // only the paragraphs holding a dictionary match or an allergy statement are split into sentences
            List<Integer> at = new ArrayList<>();
            for (TermMatcher.Match m : matches) at.add(m.start());
            Matcher allergy = EN_ALLERGY.matcher(text);
            while (allergy.find()) at.add(allergy.start(1));
            if (!at.isEmpty()) sentences = EnglishSentences.starts(text, at.stream().mapToInt(Integer::intValue).toArray());
        }
        List<MentionFact> out = new ArrayList<>();
        boolean[] covered = new boolean[text.length() + 1];

        for (TermMatcher.Match m : matches) {
            Concept first = m.concepts().get(0);
            MentionFact f = mention(doc, first.kind(), m.start(), m.end(), secs, sentences);
            Set<Coding> codes = new LinkedHashSet<>();
            boolean uncodedTerm = false;
            String matched = DictionaryTerminology.normalize(f.getText());
            for (Concept c : m.concepts()) {
                if (!c.kind().equals(first.kind())) continue;
                codes.addAll(c.codes());
                uncodedTerm |= c.codes().isEmpty() && DictionaryTerminology.normalize(c.term()).equals(matched);
            }
            // a table that names this very term without a code (the record's own uncoded diagnosis) wins: the
            // mention stays uncoded, so it still meets that fact by its text; the other tables' codes stay candidates
            if (!uncodedTerm) f.getCodes().addAll(codes);
            for (Coding c : codes) f.getCandidates().add(new org.emrqc.model.CodeCandidate(c, 1.0));
            decorate(f, text, lang);
            out.add(f);
            for (int i = m.start(); i < m.end(); i++) covered[i] = true;
        }
        if ("zh".equals(lang) && tagger != null) {
            for (ChineseSpansTagger.Tagged t : tagger.tag(text)) {
                boolean overlaps = false;
                for (int i = t.start(); i < t.end() && !overlaps; i++) overlaps = covered[i];
                if (overlaps) continue;
                MentionFact f = mention(doc, t.kind(), t.start(), t.end(), secs, sentences);
                List<Candidate> c = terminology.candidates(f.getText(), t.kind(), 3);
                for (Candidate k : c) for (Coding code : k.concept().codes()) f.getCandidates().add(new org.emrqc.model.CodeCandidate(code, k.score()));
                // only an exact term match normalizes; weaker candidates stay candidates
                if (!c.isEmpty() && c.get(0).score() >= 1.0) f.getCodes().addAll(c.get(0).concept().codes());
                f.setConfidence(0.8);
                decorate(f, text, lang);
                out.add(f);
            }
        }
        for (MentionFact v : VitalSigns.find(doc.resourceType(), doc.id(), text)) {
            place(v, doc, secs);
            out.add(v);
        }
        allergies(doc, text, lang, secs, sentences, terminology, out);
        // the same section roles and time frames as every backend gives
        NarrativeContext.decorateAll(text, lang, secs, out, false);
        out.addAll(NarrativeContext.complaintStatements(doc, secs));
        out.sort((a, b) -> Integer.compare(a.getStart(), b.getStart()));
        return new Extraction(secs, out, 0, name(), false);
    }

    private MentionFact mention(NarrativeDocument doc, String kind, int start, int end, List<SectionFact> secs, int[] sentences) {
        String text = doc.text();
        MentionFact f = new MentionFact(doc.resourceType(), doc.id(), kind, text.substring(start, end), start, end);
        place(f, doc, secs);
        int sentenceStart = 0;
        for (int s : sentences) if (s <= start) sentenceStart = s;
        ContextRules.Attributes a = ContextRules.of(text, start, end, doc.language(), sentenceStart);
        f.setNegated(a.negated());
        f.setUncertain(a.uncertain());
        f.setHistorical(a.historical());
        f.setFamily(a.family() || "family-history".equals(f.getSection()));
        f.setHypothetical(a.hypothetical());
        if ("past-history".equals(f.getSection())) f.setHistorical(true);
        return f;
    }

    private static void place(MentionFact f, NarrativeDocument doc, List<SectionFact> secs) {
        f.setPatientId(doc.patientId());
        f.setEncounterId(doc.encounterId());
        SectionFact s = SectionDetector.at(secs, f.getStart());
        if (s != null) f.setSection(s.getCode());
    }

    /**
     * Laterality just before the mention, and a duration just after a symptom, sign or diagnosis. A drug has no
     * side: 左氧氟沙星, 左甲状腺素 and 右美沙芬 start with 左/右 without naming one.
     */
    private static void decorate(MentionFact f, String text, String lang) {
        int s = f.getStart();
        if ("medication".equals(f.getKind())) {
            // no laterality
        } else if ("zh".equals(lang)) {
            String before = text.substring(Math.max(0, s - 3), s);
            if (before.endsWith("双侧") || before.endsWith("双")) f.setLaterality("bilateral");
            else if (before.endsWith("左侧") || before.endsWith("左")) f.setLaterality("left");
            else if (before.endsWith("右侧") || before.endsWith("右")) f.setLaterality("right");
        } else {
            String before = text.substring(Math.max(0, s - 12), s).toLowerCase();
            if (before.matches(".*\\bbilateral\\s*$")) f.setLaterality("bilateral");
            else if (before.matches(".*\\bleft\\s*$")) f.setLaterality("left");
            else if (before.matches(".*\\bright\\s*$")) f.setLaterality("right");
        }
        if ("medication".equals(f.getKind())) Relations.medication(f, text);
        if ("lab".equals(f.getKind())) Relations.labValue(f, text);
        String t = f.getText();
        boolean sided = !"medication".equals(f.getKind());
        if (sided && (t.startsWith("左") || t.toLowerCase().startsWith("left "))) f.setLaterality("left");
        if (sided && (t.startsWith("右") || t.toLowerCase().startsWith("right "))) f.setLaterality("right");
        if ("zh".equals(lang) && ("symptom".equals(f.getKind()) || "sign".equals(f.getKind())) && f.getBodySite() == null) {
            f.setBodySite(ContextRules.bodySite(text, s));
        }
        if ("symptom".equals(f.getKind()) || "sign".equals(f.getKind()) || "diagnosis".equals(f.getKind())) {
            int clauseEnd = f.getEnd();
            while (clauseEnd < text.length() && clauseEnd < f.getEnd() + 15 && "。；;，,\n".indexOf(text.charAt(clauseEnd)) < 0) clauseEnd++;
            Durations.Found d = Durations.first(text, f.getEnd(), clauseEnd, lang);
            if (d == null && "zh".equals(lang)) {
                int clauseStart = f.getStart();
                while (clauseStart > 0 && clauseStart > f.getStart() - 10 && "。；;，,\n".indexOf(text.charAt(clauseStart - 1)) < 0) clauseStart--;
                d = Durations.first(text, clauseStart, f.getStart(), lang);
            }
            if (d == null && "zh".equals(lang)) {
                // an onset told earlier in the sentence: 患者1周前无明显诱因出现右下腹痛 (commas do not end it; 25 characters)
                int sentenceStart = f.getStart();
                while (sentenceStart > 0 && sentenceStart > f.getStart() - 25 && "。；;\n".indexOf(text.charAt(sentenceStart - 1)) < 0) sentenceStart--;
                Durations.Found onset = Durations.first(text, sentenceStart, f.getStart(), lang);
                if (onset != null && onset.text().endsWith("前")) d = onset;
            }
            if (d != null) {
                f.setDuration(d.text());
                f.setDurationDays(d.days());
            }
        }
    }

    private void allergies(NarrativeDocument doc, String text, String lang, List<SectionFact> secs, int[] sentences,
                           Terminology terminology, List<MentionFact> out) {
        Matcher m = ("zh".equals(lang) ? ZH_DENIAL : EN_DENIAL).matcher(text);
        List<int[]> denials = new ArrayList<>();
        while (m.find()) {
            // a template prompt ("承认或否认过敏史", "过敏史：有/无") denies nothing
            String around = text.substring(m.start(), Math.min(text.length(), m.end() + 3));
            if (around.contains("承认") || around.contains("有/无") || around.contains("无/有") || around.contains("有无")) continue;
            MentionFact f = new MentionFact(doc.resourceType(), doc.id(), "allergy-denial", m.group(), m.start(), m.end());
            place(f, doc, secs);
            out.add(f);
            denials.add(new int[]{m.start(), m.end()});
        }
        m = ("zh".equals(lang) ? ZH_ALLERGY : EN_ALLERGY).matcher(text);
        while (m.find()) {
            int g = m.group(1) != null ? 1 : 2;
            int s = m.start(g);
            int e = m.end(g);
            // "既往有青霉素过敏史": the substance without the words before it
            Matcher lead = ZH_ALLERGY_LEAD.matcher(text).region(s, e);
            if (lead.lookingAt()) s = lead.end();
            if (e - s < 2 || ZH_ALLERGY_UNNAMED.matcher(text.substring(s, e)).matches()) continue;
            boolean denied = false;
            for (int[] d : denials) denied |= s >= d[0] && s < d[1];
            String before = text.substring(Math.max(0, s - 4), s);
            if (denied || before.contains("否认") || before.contains("无") || text.startsWith("否认", s) || text.startsWith("无", s)) continue;
            boolean known = false;
            for (MentionFact x : out) known |= "allergy".equals(x.getKind()) && x.getStart() <= s && s < x.getEnd();
            if (known) continue;
            MentionFact f = mention(doc, "allergy", s, e, secs, sentences);
            if (!f.isAffirmed()) continue;
            List<Candidate> c = terminology.candidates(f.getText(), "allergy", 1);
            if (c.isEmpty()) c = terminology.candidates(f.getText(), "medication", 1);
            if (!c.isEmpty() && c.get(0).score() >= 0.9) f.getCodes().addAll(c.get(0).concept().codes());
            out.add(f);
        }
    }
}
