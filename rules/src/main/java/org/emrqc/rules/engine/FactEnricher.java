package org.emrqc.rules.engine;

import java.util.List;
import org.emrqc.model.AllergyFact;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.Fact;
import org.emrqc.model.MedicationFact;
import org.emrqc.model.ObservationFact;
import org.emrqc.rules.pack.Knowledge;

/**
 * Derives, once per fact and before the session runs, what the templates would otherwise recompute for every
 * pair of facts: document kinds, the act an order records, consent kinds, medication ingredients and dose checks,
 * what an allergy rules out, whether a unit fits its analyte. All from the region's knowledge tables.
 */
final class FactEnricher {
    private FactEnricher() { }

    static void enrich(List<Fact> facts, Knowledge kb) {
        java.util.Map<String, String> kinds = new java.util.HashMap<>();
        boolean sexTable = kb.tables().containsKey("sex-restricted-codes");
        boolean ageTable = kb.tables().containsKey("age-restricted-codes");
        for (Fact f : facts) {
            if (f instanceof org.emrqc.model.CodedFact cf && (sexTable || ageTable)) cf.setRestrictedIn(restrictedIn(cf, kb, sexTable, ageTable));
            if (f instanceof DocumentFact d) {
                DocumentClassifier.classify(d, kb);
                if (d.getKind() != null) kinds.put(d.getRef(), d.getKind());
            } else if (f instanceof org.emrqc.model.OrderFact o) {
                o.setKind(ActClassifier.classify(o, kb, o.getCategoryText()));
            } else if (f instanceof org.emrqc.model.DiagnosticReportFact r) {
                r.setKind(ActClassifier.report(r, kb));
            } else if (f instanceof org.emrqc.model.ConsentFact c) {
                c.setKind(DocumentClassifier.consentKind(c, kb));
            } else if (f instanceof MedicationFact m) {
                m.setIngredientCodes(ClinicalKnowledge.ingredients(kb, m));
                if (kb.tables().containsKey("drug-classes")) {
                    java.util.Set<String> classes = new java.util.TreeSet<>();
                    for (String code : m.getIngredientCodes().keySet()) for (org.emrqc.rules.pack.Row r : kb.rows("drug-classes", code)) classes.add(r.str("class"));
                    m.setDrugClasses(classes);
                }
                m.setDoseCheck(ClinicalKnowledge.doseExcess(kb, m));
            } else if (f instanceof AllergyFact a) {
                a.setExcludedIngredients(ClinicalKnowledge.excludedIngredients(kb, a));
            } else if (f instanceof ObservationFact o && o.getLoinc() != null && o.getUcum() != null) {
                Boolean fits = ClinicalKnowledge.unitFits(kb, o.getLoinc(), o.getUcum());
                o.setUnitFits(fits);
                o.setAllowedUnits(Boolean.FALSE.equals(fits) ? ClinicalKnowledge.allowedUnits(kb, o.getLoinc()) : null);
            }
        }
        if (kinds.isEmpty()) return;
        for (Fact f : facts) {
            if (f instanceof org.emrqc.model.MentionFact m) m.setDocumentKind(kinds.get(m.getRef()));
            else if (f instanceof org.emrqc.model.SectionFact s) s.setDocumentKind(kinds.get(s.getRef()));
        }
    }

    /** The restriction tables that list one of the fact's codes, so their templates skip every other fact. */
    private static java.util.Set<String> restrictedIn(org.emrqc.model.CodedFact f, Knowledge kb, boolean sex, boolean age) {
        java.util.Set<String> out = null;
        for (org.emrqc.model.Coding c : f.getCodings()) {
            if (c.getCode() == null) continue;
            String system = Knowledge.systemName(c.getSystem());
            if (sex && !kb.rows("sex-restricted-codes", system, c.getCode()).isEmpty()) (out == null ? out = new java.util.HashSet<>(2) : out).add("sex-restricted-codes");
            if (age && !kb.rows("age-restricted-codes", system, c.getCode()).isEmpty()) (out == null ? out = new java.util.HashSet<>(2) : out).add("age-restricted-codes");
        }
        return out;
    }
}
