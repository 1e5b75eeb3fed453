package org.emrqc.extractor.llm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in a text with stable placeholders before the text leaves the process, and maps
 * results back. What it replaces:
 * <ul>
 *   <li>names: those the caller supplies (the record's Patient and Practitioner names; each word of a
 *       multi-word Latin name too), names after labels (姓名：, 医师签名：, 主治医师：, Name:, Patient:), a Chinese
 *       name after 患者/病人/患儿 when a sex or age follows (患者张三，男，45岁), names after Mr/Mrs/Ms/Dr;</li>
 *   <li>identifiers: 18-digit resident ID numbers, the value after 住院号/病案号/门诊号/MRN/Patient ID ..., US
 *       social security numbers, mobile and landline phone numbers, e-mail addresses;</li>
 *   <li>dates: 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, 2025年3月, 3月1日, 03/01/2025, March 1, 2025, 1 Mar
 *       2025 (a time after a date stays);</li>
 *   <li>addresses: after 住址/地址/Address labels, Chinese addresses that start with a province or follow 住/在,
 *       and English street lines (12 Main Street).</li>
 * </ul>
 * The same original gets the same placeholder ({@code [NAME_1]}, {@code [ID_2]}, {@code [DATE_1]},
 * {@code [ADDR_1]}, {@code [PHONE_1]}, {@code [EMAIL_1]}) within one call, numbered in order of appearance, so
 * equal texts give equal pseudonymized texts (and equal cache keys). Thread-safe.
 */
public final class Pseudonymizer {

    /** Common Chinese surnames (for the 患者张三 pattern only, to keep clinical words out). */
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
    private static final String COMPOUND_SURNAMES = "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|令狐|夏侯|端木|西门|南宫";
    private static final String PROVINCES = "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门";
    private static final String ADDRESS_UNIT = "(?:市|区|县|州|盟|旗|镇|乡|村|街道|大道|路|街|巷|弄|里|号|栋|幢|楼|单元|室|组)";
    private static final String MONTHS = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    /** A kind of personal data, the pattern that finds it and the group that holds the value (0 = whole match). */
    private record Detector(String category, Pattern pattern, int group) { }

    private static final List<Detector> DETECTORS = List.of(
            // identifiers
            new Detector("ID", Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])"), 0),
            new Detector("ID", Pattern.compile("(?i)(?:住院号|住院病历号|病案号|病历号|门诊号|登记号|就诊卡号|医保卡号|社保卡号|身份证号码|身份证号|身份证|证件号码?|ID号|MRN|medical record (?:number|no\\.?)|record (?:number|no\\.?)|patient id|account (?:number|no\\.?))\\s*[:：#]?\\s*([A-Za-z]{0,4}\\d[A-Za-z0-9-]{2,})"), 1),
            new Detector("ID", Pattern.compile("(?<!\\d)\\d{3}-\\d{2}-\\d{4}(?!\\d)"), 0),
            new Detector("EMAIL", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+"), 0),
            new Detector("PHONE", Pattern.compile("(?<![\\d+])(?:\\+?86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}(?!\\d)"), 0),
            new Detector("PHONE", Pattern.compile("(?<!\\d)0\\d{2,3}-\\d{7,8}(?!\\d)"), 0),
            new Detector("PHONE", Pattern.compile("(?<![\\d/])(?:\\+1[ -]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[ .-])\\d{3}[.-]\\d{4}(?!\\d)"), 0),
            // dates
            new Detector("DATE", Pattern.compile("(?<!\\d)(?:19|20)\\d{2}\\s*年\\s*(?:1[0-2]|0?[1-9])\\s*月(?:\\s*(?:3[01]|[12]\\d|0?[1-9])\\s*[日号])?"), 0),
            new Detector("DATE", Pattern.compile("(?<![\\d.])(?:19|20)\\d{2}([-/.])(?:1[0-2]|0?[1-9])\\1(?:3[01]|[12]\\d|0?[1-9])(?![\\d])"), 0),
            new Detector("DATE", Pattern.compile("(?<![\\d/])(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\\d|0?[1-9])/(?:19|20)\\d{2}(?!\\d)"), 0),
            new Detector("DATE", Pattern.compile("(?<![\\d年])(?:1[0-2]|0?[1-9])\\s*月\\s*(?:3[01]|[12]\\d|0?[1-9])\\s*[日号]"), 0),
            new Detector("DATE", Pattern.compile("(?i)\\b" + MONTHS + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}\\b"), 0),
            new Detector("DATE", Pattern.compile("(?i)\\b\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTHS + "\\.?,?\\s+(?:19|20)\\d{2}\\b"), 0),
            // addresses
            new Detector("ADDR", Pattern.compile("(?i)(?:现住址|家庭住址|户籍地址|户口地址|联系地址|通讯地址|工作单位|住址|地址|home address|address)\\s*[:：]\\s*([^\\n，。；;]{2,80}?)(?=[\\n，。；;]|$)"), 1),
            new Detector("ADDR", Pattern.compile("(?:" + PROVINCES + ")(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?(?:[\\p{IsHan}0-9A-Za-z-]{1,12}?" + ADDRESS_UNIT + ")+"), 0),
            new Detector("ADDR", Pattern.compile("(?<=[住在址:：])[\\p{IsHan}]{2,4}市(?:[\\p{IsHan}0-9A-Za-z-]{1,12}?" + ADDRESS_UNIT + ")+"), 0),
            new Detector("ADDR", Pattern.compile("\\b\\d{1,6}\\s+(?:[A-Z][A-Za-z]+\\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle|Highway|Hwy)\\b\\.?(?:,?\\s+(?:Apt|Apartment|Suite|Unit|#)\\.?\\s*[A-Za-z0-9-]+)?"), 0));

    /** Names found by context; they are then replaced wherever they occur. */
    private static final List<Pattern> NAME_PATTERNS = List.of(
            Pattern.compile("(?:患者姓名|病人姓名|姓名|医师签名|医生签名|签名|记录者|记录人|书写者|主治医师|住院医师|主任医师|副主任医师|经治医师|上级医师|主刀医师|主刀|术者|麻醉医师|联系人)\\s*[:：]\\s*([\\p{IsHan}·]{2,5}?)(?=$|[^\\p{IsHan}·]|(?:男|女|性别|年龄|科室|床|住院号|日期))"),
            Pattern.compile("(?:患者|病人|患儿|产妇|孕妇)\\s*((?:" + COMPOUND_SURNAMES + "|[" + SURNAMES + "])[\\p{IsHan}]{1,2}?)(?=\\s*[，,、]?\\s*(?:男|女|\\d{1,3}\\s*岁|[（(]))"),
            Pattern.compile("(?:Patient(?: name)?|Name|Signed(?: by)?|Attending|Physician|Author)\\s*:\\s*([A-Z][A-Za-z'’-]+(?:[ \\t]+[A-Z][A-Za-z'’.-]+){0,2})"),
            Pattern.compile("\\b(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+([A-Z][A-Za-z'’-]+(?:[ \\t]+[A-Z][A-Za-z'’-]+)?)"));

    private static final Set<String> NOT_NAMES = Set.of("Patient", "Name", "The", "He", "She", "This", "Unknown", "None", "Denies");

    /** Names written in the text by context (姓名：张三, 患者李四，男, Mr. Smith), in order of appearance. */
    public Set<String> discoverNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) return names;
        for (Pattern p : NAME_PATTERNS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String n = m.group(1).strip();
                if (n.length() >= 2 && !NOT_NAMES.contains(n)) names.add(n);
            }
        }
        return names;
    }

    /**
     * Pseudonymizes {@code text}: the given names (plus those {@link #discoverNames} finds) and the patterns
     * above are replaced by placeholders.
     */
    public Pseudonymized apply(String text, Collection<String> names) {
        List<int[]> spans = new ArrayList<>(); // start, end, category index
        List<String> categories = new ArrayList<>();
        for (Detector d : DETECTORS) {
            Matcher m = d.pattern().matcher(text);
            while (m.find()) {
                int s = m.start(d.group()), e = m.end(d.group());
                if (s < 0 || e <= s) continue;
                while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
                if (e > s) add(spans, categories, s, e, d.category());
            }
        }
        Set<String> allNames = new LinkedHashSet<>();
        if (names != null) {
            for (String n : names) {
                if (n == null) continue;
                String t = n.strip();
                if (t.length() >= 2) allNames.add(t);
                if (t.matches("[A-Za-z'’. -]+") && t.contains(" ")) {
                    for (String part : t.split("[ .]+")) if (part.length() >= 3) allNames.add(part);
                }
            }
        }
        allNames.addAll(discoverNames(text));
        for (String n : allNames) {
            boolean latin = n.chars().allMatch(c -> c < 0x3000);
            Pattern p = latin ? Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(n) + "(?![\\p{L}\\p{N}])")
                    : Pattern.compile(Pattern.quote(n));
            Matcher m = p.matcher(text);
            while (m.find()) add(spans, categories, m.start(), m.end(), "NAME");
        }
        // earliest first, then longest; keep the ones that do not overlap an earlier pick
        Integer[] order = new Integer[spans.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.<Integer>comparingInt(i -> spans.get(i)[0]).thenComparingInt(i -> -spans.get(i)[1]));
        List<Replacement> picked = new ArrayList<>();
        int covered = 0;
        Map<String, String> byOriginal = new HashMap<>();
        Map<String, Integer> counters = new HashMap<>();
        Map<String, String> placeholders = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder(text.length());
        for (Integer i : order) {
            int[] sp = spans.get(i);
            if (sp[0] < covered) continue;
            String category = categories.get(sp[2]);
            String original = text.substring(sp[0], sp[1]);
            String placeholder = byOriginal.computeIfAbsent(category + "\u0000" + original,
                    k -> "[" + category + "_" + counters.merge(category, 1, Integer::sum) + "]");
            placeholders.putIfAbsent(placeholder, original);
            out.append(text, covered, sp[0]);
            int ps = out.length();
            out.append(placeholder);
            picked.add(new Replacement(ps, out.length(), sp[0], sp[1]));
            covered = sp[1];
        }
        out.append(text, covered, text.length());
        return new Pseudonymized(text, out.toString(), picked, placeholders);
    }

    private static void add(List<int[]> spans, List<String> categories, int s, int e, String category) {
        int idx = categories.indexOf(category);
        if (idx < 0) {
            categories.add(category);
            idx = categories.size() - 1;
        }
        spans.add(new int[] {s, e, idx});
    }

    /** The identity: nothing replaced (pseudonymization off). */
    public static Pseudonymized identity(String text) {
        return new Pseudonymized(text, text, List.of(), Map.of());
    }

    /** One replaced span: where the placeholder is in the pseudonymized text and what it replaced in the original. */
    record Replacement(int start, int end, int originalStart, int originalEnd) { }

    /** A pseudonymized text, with what is needed to restore strings and map offsets back to the original. */
    public static final class Pseudonymized {
        private final String original;
        private final String text;
        private final List<Replacement> replacements;
        private final Map<String, String> placeholders;
        private final List<String> tokensLongestFirst;

        Pseudonymized(String original, String text, List<Replacement> replacements, Map<String, String> placeholders) {
            this.original = original;
            this.text = text;
            this.replacements = List.copyOf(replacements);
            this.placeholders = Map.copyOf(placeholders);
            this.tokensLongestFirst = placeholders.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }

        public String original() { return original; }
        /** The text to send. */
        public String text() { return text; }
        /** Placeholder → original value. */
        public Map<String, String> placeholders() { return placeholders; }
        public int replacements() { return replacements.size(); }

        /** The replaced spans, in order. */
        List<Replacement> spans() { return replacements; }

        /** {@code s} with every placeholder replaced by its original value (null stays null). */
        public String restore(String s) {
            if (s == null || placeholders.isEmpty() || s.indexOf('[') < 0) return s;
            String r = s;
            for (String token : tokensLongestFirst) {
                if (r.contains(token)) r = r.replace(token, placeholders.get(token));
            }
            return r;
        }

        /** The offset in the original text of an offset in the pseudonymized text (inside a placeholder: its start). */
        public int toOriginal(int offset) {
            int delta = 0;
            for (Replacement r : replacements) {
                if (offset < r.start()) break;
                if (offset < r.end()) return r.originalStart();
                delta = r.originalEnd() - r.end();
            }
            return Math.max(0, Math.min(original.length(), offset + delta));
        }
    }
}
