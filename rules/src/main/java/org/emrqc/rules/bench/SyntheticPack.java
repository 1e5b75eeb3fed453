package org.emrqc.rules.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.emrqc.rules.pack.PackSource;

/**
 * A pack with the core pack's templates, rules and regions and generated knowledge tables holding a given
 * number of rule instances (rows), for the scale benchmark. Row keys are synthetic codes that
 * {@link SyntheticRecords} uses, so lookups hit.
 */
public final class SyntheticPack implements PackSource {
    /** Share of the instances per table (the rest of the tables keep the core pack's rows). */
    static final Map<String, Double> SHARES = new LinkedHashMap<>();

    static {
        SHARES.put("plausible-ranges", 0.40);
        SHARES.put("analyte-units", 0.15);
        SHARES.put("sex-restricted-codes", 0.10);
        SHARES.put("age-restricted-codes", 0.05);
        SHARES.put("dose-limits", 0.10);
        SHARES.put("drug-ingredients", 0.12);
        SHARES.put("allergy-ingredients", 0.05);
        SHARES.put("lab-diagnoses", 0.03);
    }

    private final PackSource base;
    private final Map<String, String> generated = new HashMap<>();
    private final int instances;
    private final int codes;

    public SyntheticPack(PackSource base, int instances) {
        this.base = base;
        this.instances = instances;
        this.codes = Math.max(10, (int) (instances * 0.40));
        generate();
    }

    public int instances() { return instances; }

    /** Number of distinct analyte codes (= plausible-range rows): records draw their codes from these. */
    public int analyteCodes() { return codes; }

    /** Frees the generated text once the pack is loaded (the loaded tables hold the rows). */
    public void release() { generated.clear(); }

    @Override
    public String read(String path) {
        String g = generated.get(path);
        return g != null ? g : base.read(path);
    }

    @Override
    public String describe() { return "synthetic pack with " + instances + " instances over " + base.describe(); }

    /** A well-formed LOINC code (mod-10 check digit), distinct per i. */
    static String analyte(int i) {
        String digits = String.valueOf(900_000 + i);
        return digits + "-" + org.emrqc.rules.codes.LoincCode.checkDigit(digits);
    }

    /** A well-formed ICD-10 code of the Chinese clinical edition form (letter, 2 digits, 4 after the dot). */
    static String diagnosis(int i) {
        return (char) ('A' + i % 26) + String.format("%02d.%04d", (i / 26) % 100, i / 2600);
    }

    /** A well-formed SNOMED CT concept id (partition 00, Verhoeff check digit), distinct per i. */
    static String allergy(int i) {
        String body = (1_000_000 + i) + "00";
        return body + org.emrqc.rules.codes.SnomedIdentifier.verhoeffCheckDigit(body);
    }

    static String drug(int i) { return "9" + i; }
    static String ingredient(int i) { return "8" + i; }

    private int rows(String table) { return (int) Math.round(instances * SHARES.get(table)); }

    private void generate() {
        Random rnd = new Random(42);
        StringBuilder ranges = new StringBuilder("code,display,kind,unit,low,high,note\n");
        for (int i = 0; i < rows("plausible-ranges"); i++) {
            ranges.append(analyte(i)).append(",analyte ").append(i).append(',').append(i % 3 == 0 ? "vital" : "lab")
                    .append(",mmol/L,").append(10 + i % 50).append(',').append(100 + i % 400).append(",synthetic\n");
        }
        put("plausible-ranges", ranges);
        StringBuilder units = new StringBuilder("code,display,unit\n");
        for (int i = 0; i < rows("analyte-units"); i++) units.append(analyte(i % codes)).append(",analyte,").append(i < codes ? "mmol/L" : "u" + i).append('\n');
        put("analyte-units", units);
        StringBuilder sex = new StringBuilder("system,code,match,sex,display,note\n");
        for (int i = 0; i < rows("sex-restricted-codes"); i++) sex.append("icd-10,").append(diagnosis(i)).append(",exact,").append(i % 2 == 0 ? "female" : "male").append(",dx,synthetic\n");
        put("sex-restricted-codes", sex);
        StringBuilder age = new StringBuilder("system,code,match,min_age_days,max_age_days,display,note\n");
        for (int i = 0; i < rows("age-restricted-codes"); i++) age.append("icd-10,").append(diagnosis(100_000 + i)).append(",exact,0,").append(28 + i % 5000).append(",dx,synthetic\n");
        put("age-restricted-codes", age);
        StringBuilder dose = new StringBuilder("system,code,display,max_single,max_daily,unit,route,note\n");
        for (int i = 0; i < rows("dose-limits"); i++) dose.append("rxnorm,").append(ingredient(i)).append(",ing,").append(100 + i % 900).append(',').append(1000 + i % 9000).append(",mg,any,synthetic\n");
        put("dose-limits", dose);
        StringBuilder drugs = new StringBuilder("system,code,display,ingredient_code,ingredient_display,strength,strength_unit\n");
        for (int i = 0; i < rows("drug-ingredients"); i++) drugs.append("rxnorm,").append(drug(i)).append(",drug ").append(i).append(',').append(ingredient(i % Math.max(1, rows("dose-limits")))).append(",ing,").append(50 + rnd.nextInt(500)).append(",mg\n");
        put("drug-ingredients", drugs);
        StringBuilder allergy = new StringBuilder("allergy_system,allergy_code,allergy_display,ingredient_code,ingredient_display,note\n");
        for (int i = 0; i < rows("allergy-ingredients"); i++) allergy.append("snomed,").append(allergy(i)).append(",allergy,").append(ingredient(i % Math.max(1, rows("dose-limits")))).append(",ing,synthetic\n");
        put("allergy-ingredients", allergy);
        StringBuilder lab = new StringBuilder("code,unit,comparator,threshold,finding,diagnosis_codes,note\n");
        for (int i = 0; i < rows("lab-diagnoses"); i++) lab.append(analyte(i % codes)).append(",mmol/L,>,").append(90 + i % 400).append(",high,icd-10:").append(diagnosis(200_000 + i)).append(",synthetic\n");
        put("lab-diagnoses", lab);
    }

    private void put(String table, StringBuilder csv) { generated.put("knowledge/" + table + ".csv", csv.toString()); }
}
