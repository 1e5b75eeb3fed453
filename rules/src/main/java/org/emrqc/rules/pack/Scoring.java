package org.emrqc.rules.pack;

import java.util.List;

/**
 * How a record is scored: points are deducted from {@code start}; the grade is the first whose minimum the
 * score reaches; any veto finding sets {@code vetoGrade}.
 */
public record Scoring(double start, List<Grade> grades, String vetoGrade) {

    /** A grade (甲/乙/丙) with its English label and minimum score. */
    public record Grade(String grade, String en, double min) { }

    public String gradeFor(double score, boolean vetoed) {
        if (vetoed && vetoGrade != null) return vetoGrade;
        for (Grade g : grades) if (score >= g.min()) return g.grade();
        return grades.isEmpty() ? null : grades.get(grades.size() - 1).grade();
    }
}
