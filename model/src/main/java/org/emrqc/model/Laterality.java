package org.emrqc.model;

import java.util.Locale;

/** Laterality stated in a text or a SNOMED CT laterality qualifier. */
public final class Laterality {
    private Laterality() { }

    /** left, right, bilateral or null, from text such as 左膝, 右侧, "left knee", "bilateral". */
    public static String of(String text) {
        if (text == null) return null;
        String t = text.toLowerCase(Locale.ROOT);
        // 双 names both sides before a paired part (双肺, 双下肢, 双眼): not in 双J管, 双腔, 双极, 双胎, 双抗
        boolean bilateral = t.contains("双侧") || t.contains("两侧") || t.matches("(?s).*双[肺肾眼乳膝髋踝足手上下耳附卵输腋颈腹侧肩肘腕髂].*")
                || t.contains("bilateral") || t.contains("both ");
        boolean left = t.contains("左") || t.matches(".*\\bleft\\b.*");
        boolean right = t.contains("右") || t.matches(".*\\bright\\b.*");
        if (bilateral || (left && right)) return "bilateral";
        if (left) return "left";
        if (right) return "right";
        return null;
    }

    /** From a SNOMED CT qualifier: 7771000 left, 24028007 right, 51440002 right and left. */
    public static String ofSnomed(String code) {
        if ("7771000".equals(code)) return "left";
        if ("24028007".equals(code)) return "right";
        if ("51440002".equals(code)) return "bilateral";
        return null;
    }
}
