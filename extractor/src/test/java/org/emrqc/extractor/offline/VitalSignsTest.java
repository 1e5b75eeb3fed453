package org.emrqc.extractor.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.emrqc.model.CodeSystems;
import org.emrqc.model.MentionFact;
import org.junit.jupiter.api.Test;

/** Vital signs: a value next to its label and fitting its unit is a reading; nothing else is. */
class VitalSignsTest {
    private static List<String> read(String text) {
        return VitalSigns.find("Composition", "d", text).stream()
                .map(m -> m.code(CodeSystems.LOINC) + "=" + m.getText() + "@" + m.getStart() + " " + m.getUnit()).toList();
    }

    @Test
    void chineseExamLine() {
        assertEquals(List.of("8310-5=36.5@2 Cel", "8867-4=80@10 /min", "9279-1=20@18 /min", "8480-6=120@27 mm[Hg]", "8462-4=80@31 mm[Hg]"),
                read("T 36.5℃ P 80次/分 R 20次/分 BP 120/80mmHg"));
        assertEquals(List.of("8310-5=36.4@3 Cel", "8867-4=102@13 /min", "9279-1=18@24 /min", "8480-6=150@34 mm[Hg]", "8462-4=90@38 mm[Hg]"),
                read("体温:36.4 ℃，脉搏:102 次/分，呼吸:18 次/分，血压:150/90 mmHg。"));
        assertEquals(List.of("8867-4=122@3 /min", "59408-5=98@16 %", "59408-5=97@24 %"), read("心率 122 次/分，血氧饱和度98%，指脉氧：97%"));
    }

    @Test
    void notReadings() {
        assertEquals(List.of(), read("血压13588，神志清楚"), "no separator: not a blood pressure");
        assertEquals(List.of(), read("患儿张口呼吸1年余，打鼾"), "a duration, not a rate");
        assertEquals(List.of(), read("T：℃   P：次/分    R ：次/分   BP：/mmHg 指脉氧：%"), "labels left unfilled");
        assertEquals(List.of(), read("血压16/10kPa"), "kPa is not mmHg");
        assertEquals(List.of(), read("肠鸣音4次/分，自测脉搏不齐，波动于110-130次/分"));
        assertEquals(List.of(), read("心脏彩超：左室射血分数38%，肺动脉收缩压48mmHg，估测肺动脉收缩压约52mmHg"), "pressures in the heart and lungs");
        assertEquals(List.of("8480-6=96@4 mm[Hg]"), read("收缩压：96mmHg，右室收缩压40mmHg"));
    }

    @Test
    void implausibleValuesAreStillReadings() {
        List<MentionFact> rr = VitalSigns.find("Composition", "d", "呼吸 84 次/分");
        assertEquals(1, rr.size());
        assertEquals("84", rr.get(0).getText());
        assertEquals(84.0, rr.get(0).getValue());
        assertEquals("9279-1", rr.get(0).code(CodeSystems.LOINC));
        assertEquals(List.of("8480-6=35@2 mm[Hg]", "8462-4=88@5 mm[Hg]"), read("血压35/88-mmHg"));
    }

    @Test
    void englishWithoutUnits() {
        assertEquals(List.of("8480-6=118@3 mm[Hg]", "8462-4=76@7 mm[Hg]", "8867-4=88@19 /min"), read("BP 118/76 mmHg, HR 88."));
    }
}
