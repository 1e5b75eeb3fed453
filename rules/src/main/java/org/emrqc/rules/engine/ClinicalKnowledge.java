package org.emrqc.rules.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.emrqc.model.AllergyFact;
import org.emrqc.model.CodeSystems;
import org.emrqc.model.CodedFact;
import org.emrqc.model.Coding;
import org.emrqc.model.DoseCheck;
import org.emrqc.model.MedicationFact;
import org.emrqc.rules.pack.Knowledge;
import org.emrqc.rules.pack.Row;

/**
 * Knowledge-table lookups that need more than one key: what ingredients a medication contains, what a recorded
 * allergy excludes, dose ceilings with unit conversion, whether a unit fits an analyte. Tables:
 * {@code drug-ingredients}, {@code ingredient-names}, {@code allergy-ingredients}, {@code dose-limits},
 * {@code analyte-units}.
 */
public final class ClinicalKnowledge {
    private ClinicalKnowledge() { }

    /** FALSE when the analyte is in analyte-units and the unit is not listed for it; TRUE when listed; null when unknown. */
    public static Boolean unitFits(Knowledge kb, String loinc, String unit) {
        List<Row> rows = kb.rows("analyte-units", loinc);
        if (rows.isEmpty() || unit == null) return null;
        String u = ucumLiter(unit);
        for (Row r : rows) {
            String allowed = r.str("unit");
            if (u.equals(allowed) || (allowed != null && allowed.indexOf('l') >= 0 && u.equals(ucumLiter(allowed)))) return Boolean.TRUE;
        }
        return Boolean.FALSE;
    }

    /** UCUM's liter atom (optionally prefixed: ml, dl, ul ...) is both "l" and "L": "mmol/l" is "mmol/L". */
    private static final java.util.regex.Pattern LITER = java.util.regex.Pattern.compile("(^|[/.])(da|[YZEPTGMkhdcmunpfazy])?l(?=$|[/.0-9-])");

    private static final java.util.Map<String, String> LITER_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static String ucumLiter(String unit) {
        if (unit == null) return "";
        if (unit.indexOf('l') < 0) return unit;
        if (LITER_CACHE.size() > 10_000) LITER_CACHE.clear();
        return LITER_CACHE.computeIfAbsent(unit, u -> LITER.matcher(u).replaceAll("$1$2L"));
    }

    /** Units allowed for an analyte, for messages. */
    public static String allowedUnits(Knowledge kb, String loinc) {
        return String.join(", ", kb.rows("analyte-units", loinc).stream().map(r -> r.str("unit")).toList());
    }

    /** Ingredient RxNorm code → display, for a medication: its Medication ingredients, product map, and name match. */
    public static Map<String, String> ingredients(Knowledge kb, MedicationFact m) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Coding c : m.getIngredients()) {
            if (CodeSystems.RXNORM.equals(c.getSystem())) out.put(c.getCode(), c.getDisplay());
        }
        for (Coding c : m.getCodings()) {
            if (!CodeSystems.RXNORM.equals(c.getSystem())) continue;
            List<Row> rows = kb.rows("drug-ingredients", "rxnorm", c.getCode());
            for (Row r : rows) out.put(r.str("ingredient_code"), r.str("ingredient_display"));
            if (rows.isEmpty() && !kb.rows("ingredient-names", c.getCode()).isEmpty()) out.put(c.getCode(), c.getDisplay());
        }
        String text = m.getText();
        if (out.isEmpty() && text != null) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (Row r : kb.table("ingredient-names").rows()) {
                String name = r.str("name");
                if (name != null && name.length() >= 2 && lower.contains(name.toLowerCase(Locale.ROOT))) out.put(r.str("ingredient_code"), name);
            }
        }
        return out;
    }

    /** Ingredient codes a recorded allergy rules out (by its codes and by its text). */
    public static Map<String, String> excludedIngredients(Knowledge kb, AllergyFact a) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Coding c : a.getCodings()) {
            String system = Knowledge.systemName(c.getSystem());
            for (Row r : kb.rows("allergy-ingredients", system, c.getCode())) out.put(r.str("ingredient_code"), r.str("ingredient_display"));
            if ("rxnorm".equals(system)) out.putIfAbsent(c.getCode(), c.getDisplay());
        }
        String text = a.getText();
        if (text != null) {
            for (Row r : kb.rows("allergy-ingredients", "text", text.strip())) out.put(r.str("ingredient_code"), r.str("ingredient_display"));
            if (out.isEmpty()) {
                String lower = text.toLowerCase(Locale.ROOT);
                for (Row r : kb.textRows("allergy-ingredients", "allergy_system", "text")) {
                    String name = r.str("allergy_code");
                    if (name != null && lower.contains(name.toLowerCase(Locale.ROOT))) out.put(r.str("ingredient_code"), r.str("ingredient_display"));
                }
            }
        }
        return out;
    }

    /** The first ingredient in both maps, as "name (RxNorm code)", or null. */
    public static String conflict(Map<String, String> excluded, Map<String, String> ingredients) {
        if (excluded.isEmpty() || ingredients.isEmpty()) return null;
        for (var e : ingredients.entrySet()) {
            if (excluded.containsKey(e.getKey())) {
                String name = e.getValue() != null ? e.getValue() : excluded.get(e.getKey());
                return name + " (RxNorm " + e.getKey() + ")";
            }
        }
        return null;
    }

    /** The first single or daily dose above its ceiling in dose-limits, or null. */
    public static DoseCheck doseExcess(Knowledge kb, MedicationFact m) {
        if (m.getDose() == null) return null;
        for (Coding c : m.getCodings()) {
            if (!CodeSystems.RXNORM.equals(c.getSystem())) continue;
            List<Row> products = kb.rows("drug-ingredients", "rxnorm", c.getCode());
            if (products.isEmpty()) {
                DoseCheck direct = check(kb, c.getCode(), c.getDisplay(), mg(m.getDose(), m.getDoseUnit(), Double.NaN, null), m.getTimesPerDay(), () -> route(m));
                if (direct != null) return direct;
                continue;
            }
            // a mass dose of a combination product does not say how much of each ingredient: only counted units
            // (tablets, mL) are converted, with each ingredient's strength
            if (products.size() > 1 && isMass(m.getDoseUnit())) continue;
            for (Row p : products) {
                double single = mg(m.getDose(), m.getDoseUnit(), p.num("strength"), p.str("strength_unit"));
                DoseCheck e = check(kb, p.str("ingredient_code"), p.str("ingredient_display"), single, m.getTimesPerDay(), () -> route(m));
                if (e != null) return e;
            }
        }
        return null;
    }

    private static boolean isMass(String unit) {
        String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
        return u.equals("mg") || u.equals("g") || u.equals("ug") || u.equals("mcg") || u.equals("µg") || u.equals("kg");
    }

    /** oral, iv or null (unknown), from the dosage route, else from the product name. */
    private static final java.util.regex.Pattern PO = java.util.regex.Pattern.compile("\\bpo\\b");
    private static final java.util.regex.Pattern IV = java.util.regex.Pattern.compile("\\biv\\b");

    static String route(MedicationFact m) {
        String r = ((m.getRoute() == null ? "" : m.getRoute()) + " " + (m.getText() == null ? "" : m.getText())).toLowerCase(Locale.ROOT);
        if (r.contains("oral") || r.contains("口服") || r.contains("tablet") || r.contains("capsule") || PO.matcher(r).find()) return "oral";
        if (r.contains("intravenous") || r.contains("静脉") || r.contains("injection") || r.contains("injectable") || IV.matcher(r).find()) return "iv";
        return null;
    }

    private static DoseCheck check(Knowledge kb, String ingredient, String display, double singleMg, Double timesPerDay, java.util.function.Supplier<String> routeOf) {
        if (Double.isNaN(singleMg)) return null;
        String route = null;
        boolean routeKnown = false;
        for (Row limit : kb.rows("dose-limits", "rxnorm", ingredient)) {
            if (!routeKnown && limit.str("route") != null && !"any".equals(limit.str("route"))) {
                route = routeOf.get();
                routeKnown = true;
            }
            String limitRoute = limit.str("route");
            // a route-specific ceiling applies only to that route; with the route unknown, the most permissive one
            if (limitRoute != null && !"any".equals(limitRoute)) {
                if (route != null && !route.equals(limitRoute)) continue;
                if (route == null && !mostPermissive(kb, ingredient, limit)) continue;
            }
            double maxSingle = limit.num("max_single");
            double maxDaily = limit.num("max_daily");
            String name = display != null ? display : limit.str("display");
            if (singleMg > maxSingle) return new DoseCheck(name, "single", singleMg, maxSingle);
            if (timesPerDay != null && singleMg * timesPerDay > maxDaily) return new DoseCheck(name, "daily", singleMg * timesPerDay, maxDaily);
        }
        return null;
    }

    private static boolean mostPermissive(Knowledge kb, String ingredient, Row limit) {
        for (Row other : kb.rows("dose-limits", "rxnorm", ingredient)) if (other.num("max_single") > limit.num("max_single")) return false;
        return true;
    }

    /** A dose in mg: mass units convert; a count of units (tablets, no unit) uses the product strength. */
    static double mg(double dose, String unit, double strength, String strengthUnit) {
        String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
        switch (u) {
            case "mg": return dose;
            case "g": return dose * 1000;
            case "ug": case "mcg": case "µg": return dose / 1000;
            case "kg": return dose * 1_000_000;
            default:
                if (Double.isNaN(strength)) return Double.NaN;
                double s = "g".equalsIgnoreCase(strengthUnit) ? strength * 1000 : "mcg".equalsIgnoreCase(strengthUnit) || "ug".equalsIgnoreCase(strengthUnit) ? strength / 1000 : strength;
                return dose * s;
        }
    }

    /** Whether a "no known allergy" statement contradicts a specific allergy (drug-only statements vs drug allergies). */
    public static boolean contradicts(AllergyFact none, AllergyFact specific) {
        String sct = none.code(CodeSystems.SNOMED);
        String cat = specific.getCategory();
        if ("409137002".equals(sct)) return cat == null || "medication".equals(cat);
        if ("429625007".equals(sct)) return "food".equals(cat);
        if ("428607008".equals(sct)) return "environment".equals(cat);
        String t = none.getText();
        if (t != null && t.contains("药物")) return cat == null || "medication".equals(cat);
        return true;
    }

    /** Whether a coded fact carries a code in the given ";"-separated list of "system:prefix" entries. */
    public static boolean codedAs(CodedFact f, String codes) {
        if (codes == null) return false;
        for (String entry : codes.split(";")) {
            int colon = entry.indexOf(':');
            if (colon < 0) continue;
            String system = entry.substring(0, colon).trim();
            String prefix = entry.substring(colon + 1).trim().replace(".", "");
            for (Coding c : f.getCodings()) {
                if (c.getCode() != null && system.equals(Knowledge.systemName(c.getSystem()))
                        && c.getCode().replace(".", "").toUpperCase(Locale.ROOT).startsWith(prefix.toUpperCase(Locale.ROOT))) return true;
            }
        }
        return false;
    }
}
