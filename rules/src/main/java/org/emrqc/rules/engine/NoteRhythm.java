package org.emrqc.rules.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.EncounterFact;
import org.emrqc.model.EventFact;
import org.emrqc.model.Localized;
import org.emrqc.model.ObservationFact;

/**
 * The rhythm of a stay's progress notes, counted in calendar days of the record's zone as QC offices count them
 * ("病情稳定的患者至少3天记录一次"): a note on 3 March and the next on 6 March are 3 days apart. A stay is judged only
 * when every note of the kinds is dated to the day (a note known only to the month could fill any gap), at least
 * one exists (a feed that sends no progress notes proves nothing) and the 首次病程记录 is in the stay (see
 * {@link #hasFirstNote}).
 */
final class NoteRhythm {
    private NoteRhythm() { }

    /**
     * Intervals between consecutive note days (the admission day counts as the first) longer than the condition
     * allows — criticalDays from the day a 病危 order stands, seriousDays from a 病重 order, else stableDays — and
     * from the last note to the discharge day (a finished stay) or to the last day the record shows the patient in
     * the stay (an open stay).
     */
    static List<NoteGap> intervals(RecordContext ctx, EncounterFact e, String[] kinds, int stableDays, int seriousDays, int criticalDays) {
        return intervals(ctx, e, kinds, stableDays, seriousDays, criticalDays, new String[] {"critical-illness-notice"}, new String[] {"serious-illness-notice"});
    }

    /**
     * As above, with the orders that make a patient critical (病危, and where the region says so 特级护理) and serious
     * (病重) named by event kind.
     */
    static List<NoteGap> intervals(RecordContext ctx, EncounterFact e, String[] kinds, int stableDays, int seriousDays, int criticalDays,
                                   String[] criticalKinds, String[] seriousKinds) {
        TreeMap<LocalDate, DocumentFact> notes = notes(ctx, e, kinds);
        if (notes == null) return List.of();
        LocalDate admitted = certainDay(ctx, e.getStart(), e.getStartLatest());
        if (admitted == null || !hasFirstNote(ctx, e, admitted)) return List.of();
        String[] criticalBy = new String[1];
        String[] seriousBy = new String[1];
        LocalDate critical = firstDay(ctx, e, criticalKinds, criticalBy);
        LocalDate serious = firstDay(ctx, e, seriousKinds, seriousBy);
        Localized criticalBasis = basis(criticalBy[0], new Localized("critical condition (病危)", "病危"));
        Localized seriousBasis = basis(seriousBy[0], new Localized("serious condition (病重)", "病重"));
        List<NoteGap> gaps = new ArrayList<>();
        LocalDate prev = admitted;
        DocumentFact prevNote = null;
        for (var n : notes.tailMap(admitted, false).entrySet()) {
            check(prev, prevNote, n.getKey(), n.getValue(), critical, serious, stableDays, seriousDays, criticalDays, criticalBasis, seriousBasis, gaps);
            prev = n.getKey();
            prevNote = n.getValue();
        }
        LocalDate end = lastDay(ctx, e);
        if (end != null && end.isAfter(prev)) check(prev, prevNote, end, null, critical, serious, stableDays, seriousDays, criticalDays, criticalBasis, seriousBasis, gaps);
        return gaps;
    }

    /** The condition named after the order that set it: a nursing level by its name, else the default. */
    private static Localized basis(String kind, Localized fallback) {
        if ("nursing-special".equals(kind)) return new Localized("special-level nursing (特级护理)", "特级护理");
        if ("nursing-first".equals(kind)) return new Localized("first-level nursing (一级护理)", "一级护理");
        return fallback;
    }

    /**
     * The key days after an anchor (the admission day, or the day of each operation) that have no note: days 1 to
     * {@code days} after it, each before the stay's last day (the discharge day has its own record).
     */
    static List<NoteGap> keyDays(RecordContext ctx, EncounterFact e, String[] kinds, String anchor, int days) {
        TreeMap<LocalDate, DocumentFact> notes = notes(ctx, e, kinds);
        if (notes == null) return List.of();
        LocalDate last = lastDay(ctx, e);
        LocalDate admittedDay = certainDay(ctx, e.getStart(), e.getStartLatest());
        if (last == null || admittedDay == null || !hasFirstNote(ctx, e, admittedDay)) return List.of();
        List<LocalDate> anchors = new ArrayList<>();
        if ("admission".equals(anchor)) {
            LocalDate d = certainDay(ctx, e.getStart(), e.getStartLatest());
            if (d != null) anchors.add(d);
        } else {
            for (EventFact v : ctx.of(EventFact.class)) {
                if (anchor.equals(v.getKind()) && e.getId().equals(v.getEncounterId())) {
                    LocalDate d = certainDay(ctx, v.getAt(), v.getAtLatest());
                    if (d != null && !anchors.contains(d)) anchors.add(d);
                }
            }
        }
        List<NoteGap> gaps = new ArrayList<>();
        for (LocalDate a : anchors) {
            for (int i = 1; i <= days; i++) {
                LocalDate d = a.plusDays(i);
                if (!d.isBefore(last)) break;
                if (notes.containsKey(d)) continue;
                DocumentFact before = notes.floorEntry(d) == null ? null : notes.floorEntry(d).getValue();
                Localized basis = "admission".equals(anchor) ? new Localized("day " + (i + 1) + " of the stay", "入院第" + (i + 1) + "天")
                        : new Localized("post-operative day " + i, "术后第" + i + "天");
                gaps.add(new NoteGap(before, null, d, d, 0, 1, basis));
            }
        }
        return gaps;
    }

    private static void check(LocalDate from, DocumentFact fromNote, LocalDate to, DocumentFact toNote, LocalDate critical, LocalDate serious,
                              int stableDays, int seriousDays, int criticalDays, Localized criticalBasis, Localized seriousBasis, List<NoteGap> gaps) {
        int days = (int) ChronoUnit.DAYS.between(from, to);
        int allowed = stableDays;
        Localized basis = new Localized("stable condition", "病情稳定");
        // the strictest condition that stood at any point of the interval (an order given during it counts from its day)
        if (serious != null && serious.isBefore(to) && seriousDays < allowed) {
            allowed = seriousDays;
            basis = seriousBasis;
        }
        if (critical != null && critical.isBefore(to) && criticalDays < allowed) {
            allowed = criticalDays;
            basis = criticalBasis;
        }
        if (days <= allowed) return;
        // under a condition ordered during the interval, count from the order's day
        if (allowed != stableDays) {
            LocalDate since = allowed == criticalDays && critical != null ? critical : serious;
            if (since != null && since.isAfter(from)) {
                int strictDays = (int) ChronoUnit.DAYS.between(since, to);
                if (strictDays <= allowed) {
                    if (days > stableDays) gaps.add(new NoteGap(fromNote, toNote, from, to, days, stableDays, new Localized("stable condition", "病情稳定")));
                    return;
                }
                gaps.add(new NoteGap(null, toNote, since, to, strictDays, allowed, basis));
                return;
            }
        }
        gaps.add(new NoteGap(fromNote, toNote, from, to, days, allowed, basis));
    }

    /**
     * Whether the stay has its 首次病程记录 dated on or after the admission day. Without it the record is either
     * incomplete (the HIS sent part of the stay) or misdated, which INC-FPN-MISSING and ERR-NOTE-BEFORE-ADM report;
     * a gap counted from admission would only repeat that finding in other words.
     */
    private static boolean hasFirstNote(RecordContext ctx, EncounterFact e, LocalDate admitted) {
        for (DocumentFact d : ctx.getDocuments()) {
            if (!e.getId().equals(d.getEncounterId()) || !"first-progress-note".equals(d.getKind())) continue;
            LocalDate day = certainDay(ctx, d.getCompletedAt(), d.getCompletedLatest());
            if (day != null && !day.isBefore(admitted)) return true;
        }
        return false;
    }

    /** The notes of the kinds in the stay by day; null when there are none or one is not dated to the day. */
    private static TreeMap<LocalDate, DocumentFact> notes(RecordContext ctx, EncounterFact e, String[] kinds) {
        TreeMap<LocalDate, DocumentFact> byDay = new TreeMap<>();
        for (DocumentFact d : ctx.getDocuments()) {
            if (!e.getId().equals(d.getEncounterId()) || !Drl.isKind(d, kinds)) continue;
            LocalDate day = certainDay(ctx, d.getCompletedAt(), d.getCompletedLatest());
            if (day == null) return null;
            byDay.putIfAbsent(day, d);
        }
        return byDay.isEmpty() ? null : byDay;
    }

    /**
     * The last day the stay is known to run: the discharge day of a finished stay (none when a finished stay has no
     * end); for an open stay, the latest day anything in the record happened in it (a document, a result, an order
     * or procedure), never after the check day. An open stay is not counted up to the check day: a feed sent as an
     * extract long ago would otherwise show a gap of hundreds of days the ward never had.
     */
    static LocalDate lastDay(RecordContext ctx, EncounterFact e) {
        if (e.getEnd() != null) return certainDay(ctx, e.getEnd(), e.getEndLatest());
        if (e.isFinished()) return null;
        LocalDate today = ctx.day(ctx.getNow());
        LocalDate last = certainDay(ctx, e.getStart(), e.getStartLatest());
        if (last == null) return null;
        for (DocumentFact d : ctx.getDocuments()) {
            if (e.getId().equals(d.getEncounterId())) last = later(last, certainDay(ctx, d.getCompletedAt(), d.getCompletedLatest()), today);
        }
        for (ObservationFact o : ctx.of(ObservationFact.class)) {
            if (e.getId().equals(o.getEncounterId())) last = later(last, certainDay(ctx, o.getEffective(), o.getEffectiveLatest()), today);
        }
        for (EventFact v : ctx.of(EventFact.class)) {
            if (e.getId().equals(v.getEncounterId())) last = later(last, certainDay(ctx, v.getAt(), v.getAtLatest()), today);
        }
        return last;
    }

    private static LocalDate later(LocalDate last, LocalDate d, LocalDate today) {
        return d != null && d.isAfter(last) && !d.isAfter(today) ? d : last;
    }

    /** The first day an event of the kinds stands in the stay (known to the day); by[0] says which kind it was. */
    private static LocalDate firstDay(RecordContext ctx, EncounterFact e, String[] kinds, String[] by) {
        LocalDate first = null;
        for (EventFact v : ctx.of(EventFact.class)) {
            if (!java.util.Arrays.asList(kinds).contains(v.getKind()) || !e.getId().equals(v.getEncounterId())) continue;
            LocalDate d = certainDay(ctx, v.getAt(), v.getAtLatest());
            if (d != null && (first == null || d.isBefore(first))) {
                first = d;
                by[0] = v.getKind();
            }
        }
        return first;
    }

    /** The calendar day of a time when it is known to the day, else null. */
    private static LocalDate certainDay(RecordContext ctx, Long t, Long latest) {
        if (t == null) return null;
        LocalDate d = ctx.day(t);
        return d.equals(ctx.day(latest == null ? t : latest)) ? d : null;
    }
}
