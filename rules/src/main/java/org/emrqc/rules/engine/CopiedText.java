package org.emrqc.rules.engine;

import org.emrqc.model.Localized;
import org.emrqc.model.SectionFact;

/**
 * Text of one document (or one of its sections) that repeats another's: the 病例特点 of a 首次病程记录 that is the
 * 入院记录's 现病史, a 转入记录 that is the 转出记录. A null section stands for the whole note.
 *
 * @param similarity 0..1 (3-gram Jaccard, numbers read alike)
 */
public record CopiedText(SectionFact fromSection, SectionFact toSection, double similarity) {
    /** The copying part as a message names it: "的病例特点" / " (病例特点)", or nothing for the whole note. */
    public Localized toPart() { return part(toSection); }

    public Localized fromPart() { return part(fromSection); }

    private static Localized part(SectionFact s) {
        if (s == null) return new Localized("", "");
        Localized n = ClinicalNames.section(s);
        return new Localized(" (" + n.en() + ")", "的" + n.zh());
    }
}
