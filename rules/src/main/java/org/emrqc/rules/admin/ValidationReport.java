package org.emrqc.rules.admin;

import java.util.List;

/**
 * What validating a pack found. {@code ok} is true when there is no problem. {@code pack} is the label
 * (id@version) when the pack loaded, else null; counts are zero when it did not. {@code compiles} has one entry
 * per region of the pack; {@code fixtures} the fixture run; {@code notes} say what was skipped and why.
 */
public record ValidationReport(
        boolean ok,
        String pack,
        String sha256,
        int rules,
        int templates,
        int regions,
        int knowledgeTables,
        List<Problem> problems,
        List<RegionCompile> compiles,
        Fixtures fixtures,
        List<String> notes,
        long totalMillis) {

    /** One region compiled: how many rules are enabled in it, whether it compiled, in how many ms. */
    public record RegionCompile(String region, int enabledRules, boolean ok, long millis) { }

    /** The fixture run: cases run, passed, failed (names in {@code failedCases}), skipped; ms. */
    public record Fixtures(int run, int passed, int failed, int skipped, List<String> failedCases, long millis) {
        public static final Fixtures NONE = new Fixtures(0, 0, 0, 0, List.of(), 0);
    }

    /** The problems as lines, for logs and the command line. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(ok ? "OK " : "REJECTED ").append(pack == null ? "(pack did not load)" : pack)
                .append(": ").append(rules).append(" rules, ").append(templates).append(" templates, ").append(regions).append(" regions; fixtures ")
                .append(fixtures.passed()).append('/').append(fixtures.run()).append(" passed")
                .append(fixtures.skipped() > 0 ? ", " + fixtures.skipped() + " skipped" : "").append("; ").append(totalMillis).append(" ms");
        for (Problem p : problems) sb.append("\n  ").append(p);
        for (String n : notes) sb.append("\n  note: ").append(n);
        return sb.toString();
    }
}
