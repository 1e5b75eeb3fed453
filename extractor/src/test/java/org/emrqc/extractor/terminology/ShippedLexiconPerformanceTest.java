package org.emrqc.extractor.terminology;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.offline.TermMatcher;
import org.emrqc.model.CodeSystems;
import org.emrqc.model.Coding;
import org.junit.jupiter.api.Test;

/**
 * The shipped lexicon (~6,500 terms) stays fast: building the Aho-Corasick matcher, matching a 5,000-character
 * Chinese note, exact and fuzzy candidate look-ups, and a whole offline extraction with a per-record terminology.
 * Prints the measured times; the bounds are loose (the build machine is shared).
 */
class ShippedLexiconPerformanceTest {
    /** About 500 characters of an admission record, written for this test. */
    static final String PART = "主诉：反复胸闷、气促3年，加重伴双下肢水肿1周。\n"
            + "现病史：患者3年前无明显诱因出现活动后胸闷、气促，休息后可缓解，伴心悸、乏力，无胸痛、咯血，无头晕、黑矇。"
            + "1周前受凉后上述症状加重，夜间不能平卧，伴咳嗽、咳白色泡沫痰，双下肢水肿，尿量减少，纳差。\n"
            + "既往史：高血压病史10年，规律口服苯磺酸氨氯地平、美托洛尔；2型糖尿病5年，二甲双胍控制；否认冠心病、慢性阻塞性肺疾病病史；"
            + "否认肝炎、结核等传染病史。对青霉素类药物过敏。\n"
            + "体格检查：T 36.8℃ P 102次/分 R 24次/分 BP 156/92mmHg。神志清楚，口唇发绀，颈静脉怒张，肝颈静脉回流征阳性。"
            + "双肺呼吸音粗，双下肺可闻及湿性啰音，未闻及胸膜摩擦音。心界向左下扩大，心率110次/分，心律绝对不齐，"
            + "心尖部可闻及3/6级收缩期吹风样杂音。腹软，无压痛、反跳痛，肝肋下2cm，移动性浊音阴性。双下肢凹陷性水肿，足背动脉搏动减弱。\n"
            + "辅助检查：心脏彩超示左心房增大，二尖瓣反流（中度），左室射血分数38%。\n"
            + "初步诊断：1.慢性心力衰竭急性加重 心功能IV级 2.心房颤动 3.高血压3级（很高危） 4.2型糖尿病 5.左侧卵巢囊肿术后。\n";

    static String note(int chars) {
        StringBuilder b = new StringBuilder();
        while (b.length() < chars) b.append(PART);
        return b.substring(0, chars);
    }

    @Test
    void matcherBuildAndMatchStayFastWithTheWholeLexicon() {
        long t0 = System.nanoTime();
        List<Concept> shipped = TsvTerminology.shippedConcepts();
        long load = System.nanoTime() - t0;

        long[] builds = new long[7];
        TermMatcher matcher = null;
        for (int i = 0; i < builds.length; i++) {
            long s = System.nanoTime();
            matcher = new TermMatcher(shipped);
            builds[i] = System.nanoTime() - s;
        }
        String text = note(5_000);
        long[] matches = new long[50];
        int found = 0;
        for (int i = 0; i < matches.length; i++) {
            long s = System.nanoTime();
            found = matcher.find(text).size();
            matches[i] = System.nanoTime() - s;
        }

        Terminology terminology = TsvTerminology.shipped();
        long[] exact = new long[200];
        long[] fuzzy = new long[50];
        for (int i = 0; i < exact.length; i++) {
            long s = System.nanoTime();
            terminology.candidates("卵巢囊肿", "diagnosis", 3);
            exact[i] = System.nanoTime() - s;
        }
        for (int i = 0; i < fuzzy.length; i++) {
            long s = System.nanoTime();
            terminology.candidates("右侧卵巢巧克力样囊肿", "diagnosis", 3);
            fuzzy[i] = System.nanoTime() - s;
        }

        // a record's own terms combined with the shipped tables, as NarrativeStage does for every record
        OfflineExtractor extractor = new OfflineExtractor();
        long[] records = new long[15];
        for (int i = 0; i < records.length; i++) {
            Concept own = new Concept("慢性心力衰竭", "diagnosis", List.of(new Coding(CodeSystems.ICD10_CN, "I50.900x018", "慢性心力衰竭")), "record", null, Map.of());
            Terminology perRecord = DictionaryTerminology.combine(List.of(new DictionaryTerminology(List.of(own)), terminology));
            long s = System.nanoTime();
            extractor.extract(new NarrativeDocument("Composition", "adm" + i, "p1", "e1", "zh", text), perRecord);
            records[i] = System.nanoTime() - s;
        }

        System.out.printf("lexicon performance: %d written forms loaded in %.1f ms; matcher build median %.1f ms (first %.1f ms); "
                        + "match of a %d-character note median %.2f ms (%d mentions); candidates exact median %.3f ms, fuzzy median %.2f ms; "
                        + "offline extraction of the note with a per-record terminology median %.1f ms (after 5 warm-up runs)%n",
                shipped.size(), load / 1e6, median(builds) / 1e6, builds[0] / 1e6, text.length(), median(matches) / 1e6, found,
                median(exact) / 1e6, median(fuzzy) / 1e6, median(Arrays.copyOfRange(records, 5, records.length)) / 1e6);
        assertTrue(found > 200, "a note of 5,000 characters has many terms: " + found);
        assertTrue(median(builds) < 3_000_000_000L, "matcher build under 3 s");
        assertTrue(median(matches) < 200_000_000L, "matching 5,000 characters under 200 ms");
        assertTrue(median(fuzzy) < 500_000_000L, "a fuzzy look-up under 500 ms");
    }

    static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
