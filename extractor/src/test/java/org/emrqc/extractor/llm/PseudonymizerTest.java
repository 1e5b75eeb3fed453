package org.emrqc.extractor.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.emrqc.extractor.llm.Pseudonymizer.Pseudonymized;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {
    private final Pseudonymizer p = new Pseudonymizer();

    @Test
    void chineseRecord() {
        String t = "姓名：李四 性别：女 病案号：A0012345 入院日期：2025-03-01 08:30\n"
                + "患者李四，女，67岁，因“反复胸闷2年，加重3天”于2025年3月1日入院。身份证：44010619580101002X，联系电话：020-83827812，"
                + "手机 138-1234-5678。现住址：广东省广州市越秀区中山二路58号。主治医师：王五。3月5日复查血常规。";
        Pseudonymized r = p.apply(t, List.of());
        String s = r.text();
        for (String secret : List.of("李四", "A0012345", "2025-03-01", "2025年3月1日", "44010619580101002X", "020-83827812",
                "138-1234-5678", "越秀区", "中山二路", "王五", "3月5日")) {
            assertFalse(s.contains(secret), secret + " in " + s);
        }
        // clinical content stays
        for (String kept : List.of("反复胸闷2年，加重3天", "08:30", "67岁", "复查血常规", "性别：女")) assertTrue(s.contains(kept), kept + " missing in " + s);
        assertTrue(s.startsWith("姓名：[NAME_1] 性别：女 病案号：[ID_1] 入院日期：[DATE_1] 08:30\n患者[NAME_1]，女"), s);
        assertTrue(s.contains("主治医师：[NAME_2]"), s);
        assertEquals(t, r.restore(s));
    }

    @Test
    void noFalseNamesInClinicalText() {
        String t = "患者高热，伴寒战。患者于3天前出现咳嗽。患者自述头痛。病人由家属陪同。";
        assertEquals(Set.of(), p.discoverNames(t));
        assertEquals(t, p.apply(t, List.of()).text());
    }

    @Test
    void englishRecord() {
        String t = "Patient: John Smith, MRN: 00123456, DOB 04/12/1961. Seen on March 3, 2025 by Dr. Alice Brown. "
                + "Lives at 12 Elm Street, Apt 4B. Phone (617) 555-0199, john.smith@example.org. SSN 123-45-6789. "
                + "Mr. Smith reports chest pain for 2 days; BP 150/90.";
        Pseudonymized r = p.apply(t, List.of("John Smith"));
        String s = r.text();
        for (String secret : List.of("John", "Smith", "00123456", "04/12/1961", "March 3, 2025", "Alice Brown", "Elm Street",
                "555-0199", "example.org", "123-45-6789")) {
            assertFalse(s.contains(secret), secret + " in " + s);
        }
        assertTrue(s.contains("chest pain for 2 days; BP 150/90."), s);
        assertEquals(t, r.restore(s));
    }

    @Test
    void offsetsMapBack() {
        String t = "患者张三于2025年3月1日发热。";
        Pseudonymized r = p.apply(t, List.of("张三"));
        assertEquals("患者[NAME_1]于[DATE_1]发热。", r.text());
        int fever = r.text().indexOf("发热");
        assertEquals(t.indexOf("发热"), r.toOriginal(fever));
        assertEquals(t.indexOf("张三"), r.toOriginal(r.text().indexOf("[NAME_1]") + 3));
        assertEquals(0, r.toOriginal(0));
        assertEquals(t.length(), r.toOriginal(r.text().length()));
        assertEquals("2025年3月1日发热", r.restore("[DATE_1]发热"));
    }

    @Test
    void samePlaceholdersForEqualTexts() {
        String a = p.apply("患者王明，男，50岁。王明诉胸痛。", List.of()).text();
        String b = p.apply("患者赵刚，男，50岁。赵刚诉胸痛。", List.of()).text();
        assertEquals("患者[NAME_1]，男，50岁。[NAME_1]诉胸痛。", a);
        assertEquals(a, b);
    }
}
