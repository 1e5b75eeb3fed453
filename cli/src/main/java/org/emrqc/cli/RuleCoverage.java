package org.emrqc.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.emrqc.model.DefectClass;
import org.emrqc.rules.check.FixtureRunner;
import org.emrqc.rules.pack.DocumentFamily;
import org.emrqc.rules.pack.RuleDefinition;

/**
 * How many checks a set of rules has per document family and defect class, and how many of them have fixtures
 * (at least one record the rule must fire on and one it must stay silent on, in any region of the pack).
 */
final class RuleCoverage {
    /** One rule: its class, family (and how the family was found), and whether it has fixtures. */
    record RuleEntry(String id, DefectClass defectClass, DocumentFamily family, FamilyTable.Basis basis, boolean fixtures) { }

    /** Rules and rules with fixtures in one cell, row or the whole table. */
    record Count(int rules, int withFixtures) {
        Count plus(RuleEntry r) { return new Count(rules + 1, withFixtures + (r.fixtures() ? 1 : 0)); }
    }

    private static final Count NONE = new Count(0, 0);

    private final List<RuleEntry> entries;

    private RuleCoverage(List<RuleEntry> entries) { this.entries = List.copyOf(entries); }

    /**
     * @param rules the rules to count (all of a pack, or those a region enables)
     * @param cases the pack's fixture cases
     */
    static RuleCoverage of(Collection<RuleDefinition> rules, List<FixtureRunner.Case> cases, FamilyTable families) {
        Map<String, boolean[]> seen = new HashMap<>();
        for (FixtureRunner.Case c : cases) seen.computeIfAbsent(c.rule(), k -> new boolean[2])[c.fires() ? 0 : 1] = true;
        List<RuleEntry> out = new ArrayList<>();
        for (RuleDefinition d : rules) {
            boolean[] s = seen.getOrDefault(d.id(), new boolean[2]);
            FamilyTable.Assignment a = families.familyOf(d);
            out.add(new RuleEntry(d.id(), d.defectClass(), a.family(), a.basis(), s[0] && s[1]));
        }
        return new RuleCoverage(out);
    }

    List<RuleEntry> entries() { return entries; }

    /** Rules of a family and class. */
    Count cell(DocumentFamily family, DefectClass defectClass) {
        Count n = NONE;
        for (RuleEntry r : entries) if (r.family() == family && r.defectClass() == defectClass) n = n.plus(r);
        return n;
    }

    /** Rules of a family, every class. */
    Count family(DocumentFamily family) {
        Count n = NONE;
        for (RuleEntry r : entries) if (r.family() == family) n = n.plus(r);
        return n;
    }

    /** Rules of a class, every family. */
    Count defectClass(DefectClass defectClass) {
        Count n = NONE;
        for (RuleEntry r : entries) if (r.defectClass() == defectClass) n = n.plus(r);
        return n;
    }

    Count total() {
        Count n = NONE;
        for (RuleEntry r : entries) n = n.plus(r);
        return n;
    }

    /** Families with at least one rule, in the order of {@link DocumentFamily}. */
    List<DocumentFamily> covered() {
        return java.util.Arrays.stream(DocumentFamily.values()).filter(f -> family(f).rules() > 0).toList();
    }

    /** Families without any rule: the gaps. */
    List<DocumentFamily> uncovered() {
        return java.util.Arrays.stream(DocumentFamily.values()).filter(f -> family(f).rules() == 0).toList();
    }

    /** Rules without fixtures, per family. */
    Map<DocumentFamily, List<String>> withoutFixtures() {
        Map<DocumentFamily, List<String>> out = new EnumMap<>(DocumentFamily.class);
        for (RuleEntry r : entries) if (!r.fixtures()) out.computeIfAbsent(r.family(), k -> new ArrayList<>()).add(r.id());
        return out;
    }
}
