package org.emrqc.extractor.terminology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emrqc.model.CodeSystems;
import org.emrqc.model.Coding;

/** Builds concepts from tabular rows, e.g. a rule pack's ingredient-names table (RxNorm ingredient, name, lang). */
public final class Concepts {
    private Concepts() { }

    /** Medication concepts from rows with ingredient_code and name columns (RxNorm ingredients). */
    public static Terminology medicationsFromIngredientNames(List<Map<String, String>> rows) {
        List<Concept> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            String code = r.get("ingredient_code");
            String name = r.get("name");
            if (code == null || name == null || name.isBlank()) continue;
            out.add(new Concept(name, "medication", List.of(new Coding(CodeSystems.RXNORM, code, name)), "pack:ingredient-names", null, Map.of()));
        }
        return new DictionaryTerminology(out);
    }
}
