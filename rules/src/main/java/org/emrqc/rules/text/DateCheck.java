package org.emrqc.rules.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.Localized;
import org.emrqc.model.MentionFact;
import org.emrqc.rules.engine.ClinicalNames;
import org.emrqc.rules.engine.Drl;
import org.emrqc.rules.engine.RecordContext;

/** Dates that documents of one stay state against each other, at the precision the data has. */
public final class DateCheck {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final long ZONES = 14 * HOUR;

    private DateCheck() { }

    /** The date a statement normalized, or null. */
    private static LocalDate date(MentionFact m) {
        try {
            return m.getNormalized() == null ? null : LocalDate.parse(m.getNormalized());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The operation date a post-operative note states ("于2019-01-02在全麻下行…") that is none of the operation dates
     * the operative notes of the stay state (手术日期：2019-01-03). Silent when either side states no date.
     */
    public static List<TextFinding> operationDates(List<?> statements, List<?> documents, List<String> operativeKinds, List<String> postopKinds) {
        Where where = new Where(documents);
        List<TextFinding> out = new ArrayList<>();
        for (List<MentionFact> stay : where.byStay(statements).values()) {
            List<MentionFact> operative = new ArrayList<>();
            List<MentionFact> postop = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (MentionFact m : stay) {
                if (!"operation-date".equals(m.getAttribute()) || date(m) == null) continue;
                DocumentFact d = where.doc(m);
                if (d == null) continue;
                if (operativeKinds.contains(d.getKind())) operative.add(m);
                // the first date a post-operative note gives is the operation it reports
                else if (postopKinds.contains(d.getKind()) && seen.add(d.getRef())) postop.add(m);
            }
            if (operative.isEmpty()) continue;
            for (MentionFact p : postop) {
                boolean matches = false;
                for (MentionFact o : operative) matches |= o.getNormalized().equals(p.getNormalized());
                if (matches) continue;
                MentionFact nearest = operative.get(0);
                LocalDate pd = LocalDate.parse(p.getNormalized());
                for (MentionFact o : operative) {
                    long d = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(pd, LocalDate.parse(o.getNormalized())));
                    long best = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(pd, LocalDate.parse(nearest.getNormalized())));
                    if (d < best) nearest = o;
                }
                out.add(new TextFinding(p).also(nearest).span(nearest).span(p)
                        .value("place", where.place(p)).value("written", Where.shown(p.getText()))
                        .value("other", where.place(nearest)).value("otherValue", Where.shown(nearest.getText())));
            }
        }
        return out;
    }

    /**
     * Notes of a stay dated before its admission: a document of the given kinds whose date (else signing time) is
     * certainly before the admission at the precision of both (a note dated 2019-01-02 is not before an admission
     * at 2019-01-02 16:00; an admission known only to its day was read in the configured zone, so a note timed to the
     * minute must be before it by more than 14 hours), and an operation date stated in an operative or post-operative note that is a day
     * before the day of admission.
     */
    public static List<TextFinding> beforeAdmission(List<?> documents, List<?> statements, List<?> encounters, List<String> kinds,
                                                    List<String> operationKinds, RecordContext ctx) {
        Where where = new Where(documents);
        List<TextFinding> out = new ArrayList<>();
        for (Object o : encounters) {
            if (!(o instanceof EncounterFact e) || e.getStart() == null) continue;
            for (Object x : documents) {
                if (!(x instanceof DocumentFact d) || !e.getId().equals(d.getEncounterId()) || !kinds.contains(d.getKind())) continue;
                Long t = d.getDate() != null ? d.getDate() : d.getSignedAt();
                Long tl = d.getDate() != null ? d.getDateLatest() : d.getSignedAtLatest();
                if (!Drl.certainlyBefore(t, tl, e.getStart())) continue;
                // an admission known only to the day was read in the configured zone, a note to the minute carries its own
                // offset: the admission's day may begin up to 14 h earlier than read
                boolean admissionByDay = e.getStartLatest() - e.getStart() >= DAY - HOUR;
                boolean noteByDay = tl != null && tl - t >= DAY - HOUR;
                if (admissionByDay && !noteByDay && !Drl.certainlyBefore(t, tl + ZONES, e.getStart())) continue;
                out.add(new TextFinding(d).evidence(e).value("place", ClinicalNames.document(d))
                        .value("written", Drl.time(t, tl)).value("admission", Drl.time(e.getStart(), e.getStartLatest())));
            }
            LocalDate admitted = ctx.day(e.getStart());
            Map<String, List<MentionFact>> stays = where.byStay(statements);
            for (MentionFact m : stays.getOrDefault(e.getId(), List.of())) {
                if (!"operation-date".equals(m.getAttribute()) || date(m) == null) continue;
                DocumentFact d = where.doc(m);
                if (d == null || !operationKinds.contains(d.getKind())) continue;
                LocalDate day = date(m);
                if (!day.isBefore(admitted)) continue;
                out.add(new TextFinding(m).span(m).evidence(e)
                        .value("place", new Localized("the operation date in " + where.place(m).en(), where.place(m).zh() + "记载的手术日期"))
                        .value("written", Where.shown(m.getText())).value("admission", Drl.time(e.getStart(), e.getStartLatest())));
            }
        }
        return out;
    }
}
