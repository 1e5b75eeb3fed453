package org.emrqc.cli;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.NarrativeExtractor;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.extractor.terminology.RecordTerminology;
import org.emrqc.extractor.terminology.Terminology;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.fhir.RecordAssembler;
import org.emrqc.model.CodedFact;
import org.emrqc.model.Coding;
import org.emrqc.model.ConditionFact;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.MedicationFact;
import org.emrqc.model.MentionFact;
import org.emrqc.model.PatientRecord;

/**
 * Gold from Synthea bundles: for each clinical note, the conditions and medication orders of its encounter whose
 * name (the coding's display, without a "(disorder)"-style tag) occurs in the note. A gold item is found when an
 * extracted mention of the same kind overlaps an occurrence; it is normalized when that mention carries the
 * item's code. Confidence intervals resample notes.
 */
final class SyntheaNoteEvaluation {
    record Item(String kind, boolean found, boolean normalized) { }

    record Result(int notes, long characters, double seconds, List<List<Item>> perNote) { }

    static Result run(List<Path> files, NarrativeExtractor extractor, Terminology tables) {
        List<List<Item>> perNote = new ArrayList<>();
        long chars = 0;
        long nanos = 0;
        FhirInputReader reader = new FhirInputReader();
        RecordAssembler assembler = new RecordAssembler(ZoneOffset.UTC);
        for (Path f : files) {
            for (ParsedInput in : reader.read(f)) {
                if (!in.ok()) continue;
                for (PatientRecord r : assembler.assemble(in.source(), in.entries())) {
                    Terminology t = DictionaryTerminology.combine(List.of(RecordTerminology.of(r), tables));
                    for (DocumentFact d : r.facts(DocumentFact.class)) {
                        if (d.getNarrative() == null || d.getEncounterId() == null) continue;
                        String text = d.getNarrative();
                        long t0 = System.nanoTime();
                        List<MentionFact> ms = extractor.extract(new NarrativeDocument(d.getResourceType(), d.getId(), d.getPatientId(),
                                d.getEncounterId(), "en", text), t).mentions();
                        nanos += System.nanoTime() - t0;
                        chars += text.length();
                        List<Item> items = new ArrayList<>();
                        for (CodedFact c : gold(r, d.getEncounterId())) {
                            Item i = score(c, text, ms);
                            if (i != null) items.add(i);
                        }
                        perNote.add(items);
                    }
                }
            }
        }
        return new Result(perNote.size(), chars, nanos / 1e9, perNote);
    }

    private static List<CodedFact> gold(PatientRecord r, String encounter) {
        List<CodedFact> g = new ArrayList<>();
        for (ConditionFact c : r.facts(ConditionFact.class)) if (encounter.equals(c.getEncounterId())) g.add(c);
        for (MedicationFact m : r.facts(MedicationFact.class)) if (m.isRequest() && encounter.equals(m.getEncounterId())) g.add(m);
        return g;
    }

    private static Item score(CodedFact c, String text, List<MentionFact> mentions) {
        Coding coding = c.getCoding();
        if (coding == null || coding.getDisplay() == null) return null;
        String name = DictionaryTerminology.normalize(coding.getDisplay());
        String lower = text.toLowerCase(Locale.ROOT);
        String kind = c instanceof ConditionFact ? "diagnosis" : "medication";
        boolean mentioned = false;
        boolean found = false;
        boolean normalized = false;
        for (int at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
            mentioned = true;
            for (MentionFact m : mentions) {
                if (!m.getKind().equals(kind) || m.getEnd() <= at || m.getStart() >= at + name.length()) continue;
                found = true;
                if (m.getCodes().contains(coding)) normalized = true;
            }
        }
        return mentioned ? new Item(kind, found, normalized) : null;
    }

    /** Recall and normalization accuracy for a kind (null = all), with a 95% bootstrap interval over notes. */
    static double[] recall(Result r, String kind, boolean normalization, int resamples, long seed) {
        double point = ratio(r.perNote(), kind, normalization);
        Random rnd = new Random(seed);
        double[] samples = new double[resamples];
        int n = r.perNote().size();
        for (int s = 0; s < resamples; s++) {
            List<List<Item>> pick = new ArrayList<>(n);
            for (int i = 0; i < n; i++) pick.add(r.perNote().get(rnd.nextInt(n)));
            samples[s] = ratio(pick, kind, normalization);
        }
        java.util.Arrays.sort(samples);
        return new double[]{point, resamples == 0 ? point : samples[(int) (0.025 * resamples)], resamples == 0 ? point : samples[(int) Math.min(resamples - 1, 0.975 * resamples)]};
    }

    /** Found / mentioned (recall), or normalized / found (normalization accuracy). */
    private static double ratio(List<List<Item>> notes, String kind, boolean normalization) {
        long num = 0;
        long den = 0;
        for (List<Item> items : notes) {
            for (Item i : items) {
                if (kind != null && !kind.equals(i.kind())) continue;
                if (normalization) {
                    if (i.found()) { den++; if (i.normalized()) num++; }
                } else {
                    den++;
                    if (i.found()) num++;
                }
            }
        }
        return den == 0 ? Double.NaN : num / (double) den;
    }

    static long count(Result r, String kind) {
        return r.perNote().stream().flatMap(List::stream).filter(i -> kind == null || kind.equals(i.kind())).count();
    }
}
