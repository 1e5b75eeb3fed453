package org.emrqc.rules.text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.Localized;
import org.emrqc.model.MentionFact;
import org.emrqc.model.ObservationFact;
import org.emrqc.model.PatientFact;
import org.emrqc.rules.engine.RecordContext;

/**
 * Statements about who the patient is — age, sex, marital status, obstetric history, menopause — that cannot all be
 * true of one patient in one stay: a note against the record (Patient.gender, birthDate → age at the note's date,
 * maritalStatus, an age Observation) and against the other notes. That is what a note written for, or copied
 * from, another patient looks like.
 *
 * <p>Each statement that disagrees is weighed by how many others agree with it (and whether the record does); the
 * one with less support is reported, against the best-supported statement it contradicts or against the record.
 * Of two statements with equal support the later one is reported. Ages agree within a tolerance (±1 year by
 * default: 周岁 and 虚岁, a birthday during the stay), widened by the years between the dates they were written at.
 */
public final class IdentityCheck {
    /** LOINC codes of an age recorded as an Observation (Age; Age - Reported; Age at time of...). */
    private static final List<String> AGE_CODES = List.of("30525-0", "21612-7", "29553-5");

    private IdentityCheck() { }

    public static List<TextFinding> findings(String attribute, List<?> statements, List<?> documents, List<?> observations,
                                             List<?> encounters, RecordContext ctx, double toleranceYears, int recentDays) {
        Where where = new Where(documents);
        List<TextFinding> out = new ArrayList<>();
        PatientFact patient = ctx == null ? null : ctx.getPatient();
        ZoneId zone = ctx == null ? java.time.ZoneOffset.UTC : ctx.getZone();
        for (Map.Entry<String, List<MentionFact>> stay : where.byStay(statements).entrySet()) {
            List<MentionFact> s = new ArrayList<>();
            for (MentionFact m : stay.getValue()) if (attribute.equals(m.getAttribute()) && m.getNormalized() != null) s.add(m);
            if (s.isEmpty()) continue;
            EncounterFact enc = encounter(encounters, stay.getKey());
            ObservationFact ageObs = "age".equals(attribute) ? ageObservation(observations, stay.getKey()) : null;
            Judge judge = new Judge(attribute, where, enc, zone, toleranceYears, recentDays);
            for (MentionFact a : s) {
                Localized record = judge.recordDisagreement(a, patient, ageObs);
                List<MentionFact> against = new ArrayList<>();
                int support = record == null && judge.recordKnown(patient, ageObs) ? 1 : 0;
                for (MentionFact b : s) {
                    if (b == a) continue;
                    if (judge.disagree(a, b)) against.add(b);
                    else if (judge.comparable(a, b)) support++;
                }
                if (record == null && against.isEmpty()) continue;
                MentionFact best = null;
                int bestSupport = -1;
                for (MentionFact b : against) {
                    int sb = judge.recordDisagreement(b, patient, ageObs) == null && judge.recordKnown(patient, ageObs) ? 1 : 0;
                    for (MentionFact c : s) if (c != b && !judge.disagree(b, c) && judge.comparable(b, c)) sb++;
                    if (sb > bestSupport) {
                        best = b;
                        bestSupport = sb;
                    }
                }
                TextFinding f = new TextFinding(a).span(a)
                        .value("place", where.place(a)).value("written", Where.shown(a.getText()));
                if (record != null) {
                    // the other side is the record; a statement that agrees with it is shown too when there is one
                    MentionFact agreeing = null;
                    for (MentionFact b : s) {
                        if (b != a && judge.recordDisagreement(b, patient, ageObs) == null && judge.disagree(a, b)) {
                            agreeing = b;
                            break;
                        }
                    }
                    boolean byObservation = "age".equals(attribute) && (patient == null || patient.getBirthDate() == null);
                    f.evidence("admission-date".equals(attribute) ? enc : byObservation ? ageObs : patient).span(agreeing);
                    if (agreeing != null) f.also(agreeing);
                    f.value("other", judge.recordName(patient, ageObs)).value("otherValue", record);
                    out.add(f);
                } else if (bestSupport > support || bestSupport == support && where.before(best, a)) {
                    f.also(best).span(best).value("other", where.place(best)).value("otherValue", Localized.of(Where.shown(best.getText())));
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static EncounterFact encounter(List<?> encounters, String id) {
        for (Object o : encounters) if (o instanceof EncounterFact e && e.getId().equals(id)) return e;
        return null;
    }

    private static ObservationFact ageObservation(List<?> observations, String encounterId) {
        ObservationFact any = null;
        for (Object o : observations) {
            if (!(o instanceof ObservationFact obs) || obs.isVoided() || obs.getValue() == null || obs.getLoinc() == null
                    || !AGE_CODES.contains(obs.getLoinc())) continue;
            String unit = obs.getUcum();
            if (unit != null && !unit.equals("a") && !unit.equals("岁") && !unit.equals("yr") && !unit.equals("year")) continue;
            if (encounterId.equals(obs.getEncounterId())) return obs;
            if (any == null) any = obs;
        }
        return any;
    }

    /** The comparisons of one attribute in one stay. */
    private static final class Judge {
        private final String attribute;
        private final Where where;
        private final EncounterFact enc;
        private final ZoneId zone;
        private final double tolerance;
        private final int recentDays;

        Judge(String attribute, Where where, EncounterFact enc, ZoneId zone, double tolerance, int recentDays) {
            this.attribute = attribute;
            this.where = where;
            this.enc = enc;
            this.zone = zone;
            this.tolerance = tolerance;
            this.recentDays = recentDays;
        }

        /** Whether two statements speak of the same thing (an LMP and an LMP say nothing about each other). */
        boolean comparable(MentionFact a, MentionFact b) {
            return !("menopause".equals(attribute) && a.getNormalized().startsWith("lmp:") && b.getNormalized().startsWith("lmp:"));
        }

        boolean disagree(MentionFact a, MentionFact b) {
            String x = a.getNormalized();
            String y = b.getNormalized();
            switch (attribute) {
                case "age" -> {
                    Integer ax = number(x);
                    Integer by = number(y);
                    if (ax == null || by == null) return false;
                    return Math.abs(ax - by) > tolerance + yearsBetween(written(a), written(b));
                }
                case "obstetric-history" -> { return obstetricDisagree(x, y, a.getText(), b.getText()); }
                case "menopause" -> {
                    if (x.startsWith("lmp:") && y.startsWith("lmp:")) return false;
                    if (x.startsWith("lmp:") || y.startsWith("lmp:")) {
                        MentionFact lmp = x.startsWith("lmp:") ? a : b;
                        MentionFact other = lmp == a ? b : a;
                        if (!"menopausal".equals(other.getNormalized())) return false;
                        LocalDate period = day(lmp.getNormalized().substring(4));
                        if (period == null) return false;
                        LocalDate at = written(other);
                        if (at == null) at = written(lmp);
                        return at != null && !period.isAfter(at) && ChronoUnit.DAYS.between(period, at) <= recentDays
                                || at != null && period.isAfter(at);
                    }
                    return !x.equals(y);
                }
                default -> { return !x.equals(y); }
            }
        }

        boolean recordKnown(PatientFact p, ObservationFact ageObs) {
            if ("admission-date".equals(attribute)) return enc != null && enc.getStart() != null;
            if (p == null && ageObs == null) return false;
            return switch (attribute) {
                case "sex" -> p != null && (p.isMale() || p.isFemale());
                case "age" -> p != null && p.getBirthDate() != null || ageObs != null;
                case "marital-status" -> p != null && marital(p.getMaritalStatus()) != null;
                default -> p != null && p.isMale();
            };
        }

        /** How the record contradicts a statement (the record's value, as shown), or null when it does not. */
        Localized recordDisagreement(MentionFact m, PatientFact p, ObservationFact ageObs) {
            String v = m.getNormalized();
            switch (attribute) {
                case "admission-date" -> {
                    if (enc == null || enc.getStart() == null) return null;
                    LocalDate admitted = java.time.Instant.ofEpochMilli(enc.getStart()).atZone(zone).toLocalDate();
                    LocalDate stated = day(v);
                    if (stated == null) return null;
                    // a day apart may be midnight read in another zone
                    if (Math.abs(ChronoUnit.DAYS.between(admitted, stated)) <= Math.max(1, tolerance)) return null;
                    return Localized.of(admitted.toString());
                }
                case "sex" -> {
                    if (p == null || !(p.isMale() || p.isFemale()) || v.equals(p.getGender())) return null;
                    return p.isMale() ? new Localized("male", "男") : new Localized("female", "女");
                }
                case "marital-status" -> {
                    String r = p == null ? null : marital(p.getMaritalStatus());
                    if (r == null || r.equals(v)) return null;
                    return maritalName(r);
                }
                case "age" -> {
                    Integer years = number(v);
                    if (years == null) return null;
                    LocalDate at = written(m);
                    if (p != null && p.getBirthDate() != null && at != null) {
                        long age = ChronoUnit.YEARS.between(p.getBirthDate(), at);
                        if (Math.abs(years - age) <= tolerance) return null;
                        return new Localized(p.getBirthDate() + " (" + age + " years old on " + at + ")",
                                p.getBirthDate() + "（" + at + "时" + age + "岁）");
                    }
                    if (ageObs != null) {
                        LocalDate obsAt = ageObs.getEffective() == null ? null
                                : java.time.Instant.ofEpochMilli(ageObs.getEffective()).atZone(zone).toLocalDate();
                        double recorded = ageObs.getValue();
                        if (Math.abs(years - recorded) <= tolerance + yearsBetween(at, obsAt)) return null;
                        String shown = Where.shown(Double.toString(recorded).replaceAll("\\.0$", ""));
                        return new Localized(shown + " years", shown + "岁");
                    }
                    return null;
                }
                default -> {
                    // obstetric history or menopause stated for a man
                    if (p == null || !p.isMale()) return null;
                    if ("menopause".equals(attribute) && !"menopausal".equals(v) && !v.startsWith("lmp:") && !"menstruating".equals(v)) return null;
                    return new Localized("male", "男");
                }
            }
        }

        Localized recordName(PatientFact p, ObservationFact ageObs) {
            return switch (attribute) {
                case "admission-date" -> new Localized("the admission of the stay", "本次住院的入院日期");
                case "age" -> p != null && p.getBirthDate() != null ? new Localized("the patient's birth date", "患者出生日期")
                        : new Localized("the recorded age", "登记年龄");
                case "marital-status" -> new Localized("the patient's registered marital status", "患者登记的婚姻状况");
                default -> new Localized("the patient's registered sex", "患者登记的性别");
            };
        }

        /** The day a statement was written: its document's date, else the start of the stay. */
        LocalDate written(MentionFact m) {
            DocumentFact d = where.doc(m);
            Long t = d != null && d.getDate() != null ? d.getDate() : d != null && d.getSignedAt() != null ? d.getSignedAt()
                    : enc != null ? enc.getStart() : null;
            return t == null ? null : java.time.Instant.ofEpochMilli(t).atZone(zone).toLocalDate();
        }

        private static double yearsBetween(LocalDate a, LocalDate b) {
            if (a == null || b == null) return 0;
            return Math.ceil(Math.abs(ChronoUnit.DAYS.between(a, b)) / 365.25);
        }
    }

    /** G and P of "G2P1"; para 1 apart with the same gravida may be a delivery during the stay. */
    static boolean obstetricDisagree(String x, String y, String textX, String textY) {
        int[] a = gp(x);
        int[] b = gp(y);
        if (a == null || b == null) return false;
        int dg = Math.abs(a[0] - b[0]);
        int dp = Math.abs(a[1] - b[1]);
        boolean derived = textX.startsWith("足月") || textY.startsWith("足月") || textX.matches("\\d.*") || textY.matches("\\d.*");
        if (dp == 0) return dg > (derived ? 1 : 0);
        if (dp == 1 && dg == 0) return false;
        return true;
    }

    private static int[] gp(String v) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("G(\\d+)P(\\d+)").matcher(v);
        return m.matches() ? new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }

    private static LocalDate day(String v) {
        try {
            return LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Integer number(String v) {
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A marital status code (HL7 v3 or GB/T 2261.2) as married, unmarried, divorced or widowed; null otherwise. */
    static String marital(String code) {
        if (code == null) return null;
        return switch (code.toUpperCase(java.util.Locale.ROOT)) {
            case "M", "20", "21", "22", "23" -> "married";
            case "S", "10" -> "unmarried";
            case "D", "40" -> "divorced";
            case "W", "30" -> "widowed";
            default -> null;
        };
    }

    static Localized maritalName(String status) {
        return switch (status) {
            case "married" -> new Localized("married", "已婚");
            case "unmarried" -> new Localized("never married", "未婚");
            case "divorced" -> new Localized("divorced", "离异");
            default -> new Localized("widowed", "丧偶");
        };
    }
}
