package org.emrqc.kafka.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Generated records with exactly one narrative each (a Patient, an inpatient Encounter and a DocumentReference
 * holding a short 入院记录-style note, different in every record), for measuring the structuring stage: one
 * record = one document = one model call.
 */
public final class NoteRecords {
    private NoteRecords() { }

    /** The i-th record as a FHIR R4 JSON collection Bundle; its patient id is "note-patient-i". */
    public static byte[] record(int i) {
        String note = "主诉：发热、咳嗽" + (2 + i % 5) + "天。\n现病史：患者" + (20 + i % 60) + "岁，" + (2 + i % 5)
                + "天前受凉后出现发热，最高体温38." + (i % 10) + "℃，伴咳嗽、咳白痰，无胸痛。门诊以“社区获得性肺炎”收入院（病例 " + i + "）。\n"
                + "既往史：否认高血压、糖尿病病史。\n过敏史：否认药物过敏史。\n体格检查：T 38.2℃ P 96次/分 R 20次/分 BP 124/78mmHg。\n"
                + "初步诊断：社区获得性肺炎\n";
        String data = Base64.getEncoder().encodeToString(note.getBytes(StandardCharsets.UTF_8));
        String p = "note-patient-" + i;
        String json = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"" + p + "\",\"gender\":\"" + (i % 2 == 0 ? "male" : "female") + "\",\"birthDate\":\"1970-01-01\"}},"
                + "{\"resource\":{\"resourceType\":\"Encounter\",\"id\":\"note-enc-" + i + "\",\"status\":\"in-progress\","
                + "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"IMP\"},"
                + "\"subject\":{\"reference\":\"Patient/" + p + "\"},\"period\":{\"start\":\"2026-11-01T08:00:00+08:00\"}}},"
                + "{\"resource\":{\"resourceType\":\"DocumentReference\",\"id\":\"note-doc-" + i + "\",\"status\":\"current\","
                + "\"subject\":{\"reference\":\"Patient/" + p + "\"},\"date\":\"2026-11-01T12:00:00+08:00\","
                + "\"context\":{\"encounter\":[{\"reference\":\"Encounter/note-enc-" + i + "\"}]},"
                + "\"content\":[{\"attachment\":{\"contentType\":\"text/plain; charset=utf-8\",\"title\":\"入院记录\",\"data\":\"" + data + "\"}}]}}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
