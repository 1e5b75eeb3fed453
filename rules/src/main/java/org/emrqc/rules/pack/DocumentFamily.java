package org.emrqc.rules.pack;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The family of medical-record documents a rule checks, as QC departments group their checklists (入院记录,
 * 病程记录, 手术, …). A rule may name its family ({@code family:} in the rule's YAML, by code or Chinese name);
 * otherwise tools derive it from the document kinds the rule's parameters name.
 */
public enum DocumentFamily {
    ADMISSION("admission", "入院记录", "Admission records"),
    PROGRESS("progress", "病程记录", "Progress notes"),
    OPERATION("operation", "手术", "Operations"),
    CONSENT("consent", "知情同意", "Consents and notices"),
    CONSULTATION("consultation", "会诊", "Consultations"),
    RESCUE("rescue", "抢救", "Rescue"),
    TRANSFER("transfer", "交接班/转科", "Handover and transfer"),
    DISCHARGE("discharge", "出院记录", "Discharge records"),
    DEATH("death", "死亡", "Death"),
    ORDERS("orders", "医嘱", "Orders and medication"),
    RESULTS("results", "检查检验", "Tests and results"),
    FRONT_SHEET("front-sheet", "病案首页", "Front sheet"),
    CODING("coding", "诊断与编码", "Diagnoses and coding"),
    PATIENT("patient", "患者信息", "Patient identity"),
    GENERAL("general", "通用", "General");

    private final String code;
    private final String zh;
    private final String en;

    DocumentFamily(String code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public String code() { return code; }
    public String zh() { return zh; }
    public String en() { return en; }

    /** The name in a language: "zh" gives the Chinese name, anything else the English one. */
    public String in(String language) { return "zh".equals(language) ? zh : en; }

    /** The family with this code or Chinese name. */
    public static DocumentFamily of(String name) {
        for (DocumentFamily f : values()) if (f.code.equals(name) || f.zh.equals(name)) return f;
        throw new IllegalArgumentException("unknown family '" + name + "' (one of " + known() + ")");
    }

    private static String known() {
        return Arrays.stream(values()).map(f -> f.code + " " + f.zh).collect(Collectors.joining(", "));
    }

    /** Reads {@code family:} in a rule's YAML; an unknown name fails at its line. */
    public static final class Reader extends JsonDeserializer<DocumentFamily> {
        @Override
        public DocumentFamily deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String name = p.getValueAsString();
            try {
                return of(name == null ? "" : name.trim());
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage());
            }
        }
    }
}
