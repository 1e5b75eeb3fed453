package org.emrqc.extractor.statements;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrqc.extractor.terminology.Candidate;
import org.emrqc.model.Coding;

/**
 * Allergy statements by category: what a 药物过敏史 / 食物过敏史 / 过敏史 denies or lists. Normalized
 * "{category}:denied" (drug, food, or any for a 过敏史 that names no category) or "{category}:{substance}" for each
 * substance listed, as written. Each listed substance carries its class in its codes: the terminology's medication
 * codes when it knows the name, else urn:emrqc:substance-class drug or food when the name says so (青霉素, 头孢类 …;
 * 海鲜, 牛奶 …). A denial of "other" allergies (否认其他药物过敏史) or one with an exception (除…外) is not read as a
 * denial, and a substance after 否认/无 is not read as listed.
 */
final class AllergyStatementReader {
    static final String SUBSTANCE_CLASS = "urn:emrqc:substance-class";
    private static final Pattern DENY = Pattern.compile(
            "(?:否认|无)[ \\t　]*(药物[、及和与/]?[ \\t　]*食物|食物[、及和与/]?[ \\t　]*药物|药物及食物|食物及药物|药物|食物|药)?[ \\t　]*(?:等)?过敏史");
    private static final Pattern DENY_SHORT = Pattern.compile("(?:否认|无)药敏史");
    private static final Pattern DENY_FIELD = Pattern.compile("(药物|食物)?\\s*过敏史\\s*[：:]?\\s*(?:无|否认|阴性)(?![\\p{IsHan}A-Za-z])");
    private static final Pattern LIST_FIELD = Pattern.compile("(药物|食物)?过敏史\\s*[：:]\\s*(?:有\\s*[，,：:]?\\s*)?(?:对)?([^。；;，,\\n]{1,24})");
    private static final Pattern TO = Pattern.compile("对\\s*([^。；;，,\\n对]{1,12}?)(?:类药物|等药物|药物|类|等)?\\s*(?:有|存在|均)?\\s*过敏(史)?");
    private static final Pattern NAMED_HISTORY = Pattern.compile("([\\p{IsHan}A-Za-z]{2,8}?)过敏史");
    private static final Pattern DRUG_NAME = Pattern.compile(".*(霉素|西林|头孢|沙星|磺胺|唑|环素|咪唑|普鲁卡因|卡因|阿司匹林|布洛芬|对乙酰氨基酚|安乃近|碘|造影剂|胰岛素|疫苗|血清|类药|药物|药|片|胶囊|针|注射液)(类)?$");
    private static final Pattern FOOD_NAME = Pattern.compile(".*(海鲜|鱼|虾|蟹|贝|蛋|奶|花生|坚果|芒果|菠萝|桃|小麦|豆|蜂蜜|酒)(类)?$");
    private static final Pattern NOT_A_SUBSTANCE = Pattern.compile("(否认|无|不详|未|阴性|有|其他|家族|接触|输血|过敏|药物|食物|药物、食物|食物、药物|预防接种|手术|外伤|特殊|明确)(史)?");

    private AllergyStatementReader() { }

    static void read(Source s, List<Found> out) {
        String t = s.text;
        Matcher m = DENY.matcher(t);
        while (m.find()) {
            String before = t.substring(s.clauseStart(m.start()), m.start());
            if (before.contains("除") || before.contains("其他") || t.substring(m.start(), m.end()).contains("其他")) continue;
            String cat = m.group(1);
            if (cat == null) denied(out, "any", m.start(), m.end());
            else {
                if (cat.contains("药")) denied(out, "drug", m.start(), m.end());
                if (cat.contains("食物")) denied(out, "food", m.start(), m.end());
            }
        }
        m = DENY_SHORT.matcher(t);
        while (m.find()) denied(out, "drug", m.start(), m.end());
        m = DENY_FIELD.matcher(t);
        while (m.find()) {
            String cat = m.group(1) == null ? category(s, m.start()) : "药物".equals(m.group(1)) ? "drug" : "food";
            int end = m.end();
            denied(out, cat, m.start(), end);
        }
        m = LIST_FIELD.matcher(t);
        while (m.find()) {
            String cat = m.group(1) == null ? category(s, m.start()) : "药物".equals(m.group(1)) ? "drug" : "food";
            if (m.group(2).strip().matches("(否认|无|不详|阴性|未|不清).*")) continue;
            listed(s, out, cat, m.start(2), m.end(2), false);
        }
        m = TO.matcher(t);
        while (m.find()) {
            String before = t.substring(Math.max(s.clauseStart(m.start()), m.start() - 6), m.start());
            if (before.contains("否认") || before.endsWith("无") || before.endsWith("未") || before.contains("未见")) continue;
            listed(s, out, category(s, m.start()), m.start(1), m.end(1), false);
        }
        m = NAMED_HISTORY.matcher(t);
        while (m.find()) {
            String name = m.group(1);
            String before = t.substring(Math.max(s.clauseStart(m.start()), m.start() - 6), m.start());
            if (before.contains("否认") || before.endsWith("无")) continue;
            if (name.startsWith("否认") || name.startsWith("无") || name.contains("未") || name.endsWith("等")) continue;
            // a name before 过敏史 is read only when it is known to be a drug or a food
            listed(s, out, category(s, m.start()), m.start(1), m.end(1), true);
        }
    }

    /** The category of a statement inside a 药物过敏史 / 食物过敏史 field, else any. */
    private static String category(Source s, int at) {
        Blocks.Block b = s.blocks.at(at);
        if (b != null && b.title().startsWith("药物")) return "drug";
        if (b != null && b.title().startsWith("食物")) return "food";
        return "any";
    }

    private static void denied(List<Found> out, String cat, int start, int end) {
        for (Found o : out) if (o.attribute.equals("allergy-statement") && o.start < end && start < o.end && o.normalized.equals(cat + ":denied")) return;
        for (Found o : out) if (o.attribute.equals("allergy-statement") && o.start <= start && end <= o.end && o.normalized.endsWith(":denied")) {
            if (o.normalized.startsWith(cat) || cat.equals("any")) return;
        }
        Found f = new Found("allergy-statement", cat + ":denied", start, end);
        f.negated = true;
        f.historical = true;
        out.add(f);
    }

    /**
     * Each substance in text[from, to), split at 、和及与/, as "{cat}:{substance}".
     * @param knownOnly read only substances whose class (drug or food) is known
     */
    private static void listed(Source s, List<Found> out, String cat, int from, int to, boolean knownOnly) {
        String t = s.text;
        int i = from;
        while (i < to) {
            int j = i;
            while (j < to && "、和及与/".indexOf(t.charAt(j)) < 0) j++;
            int a = i;
            int b = j;
            while (a < b && (Character.isWhitespace(t.charAt(a)) || "对有曾".indexOf(t.charAt(a)) >= 0)) a++;
            if (t.startsWith("既往", a)) a = Math.min(b, a + 2);
            while (a < b && "对有曾".indexOf(t.charAt(a)) >= 0) a++;
            while (b > a && (Character.isWhitespace(t.charAt(b - 1)) || "等类。".indexOf(t.charAt(b - 1)) >= 0)) b--;
            String name = t.substring(a, b);
            if (name.endsWith("过敏")) {
                b -= 2;
                name = t.substring(a, b);
            }
            if (b > a && !NOT_A_SUBSTANCE.matcher(name).matches() && !name.startsWith("否认") && !name.startsWith("无")
                    && !name.contains("过敏") && !name.contains("否认")) {
                boolean known = false;
                for (Found o : out) known |= o.attribute.equals("allergy-statement") && o.start == a && o.end == b;
                Found f = new Found("allergy-statement", cat + ":" + name, a, b);
                classify(s, name, f);
                f.historical = true;
                if (!known && (!knownOnly || !f.codes.isEmpty())) out.add(f);
            }
            i = j + 1;
        }
    }

    private static void classify(Source s, String name, Found f) {
        if (s.terminology != null) {
            List<Candidate> c = s.terminology.candidates(name, "medication", 1);
            if (!c.isEmpty() && c.get(0).score() >= 0.9) {
                f.codes.addAll(c.get(0).concept().codes());
                return;
            }
        }
        if (DRUG_NAME.matcher(name).matches()) f.codes.add(new Coding(SUBSTANCE_CLASS, "drug", "药物"));
        else if (FOOD_NAME.matcher(name).matches()) f.codes.add(new Coding(SUBSTANCE_CLASS, "food", "食物"));
    }
}
