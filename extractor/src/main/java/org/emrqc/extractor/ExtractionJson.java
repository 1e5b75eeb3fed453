package org.emrqc.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.emrqc.model.CodeCandidate;
import org.emrqc.model.Coding;
import org.emrqc.model.MentionFact;
import org.emrqc.model.SectionFact;

/**
 * An {@link Extraction} as JSON and back, field by field (sections, mentions with their codes, candidates,
 * context flags, offsets), so that extractions made by one process — the pipeline's structuring stage — reach
 * the rule stage in another exactly as they were made. Reading is strict: a missing required field is an
 * {@link IllegalArgumentException} naming it.
 */
public final class ExtractionJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ExtractionJson() { }

    public static ObjectNode write(Extraction x) {
        ObjectNode o = F.objectNode();
        o.put("backend", x.backend());
        o.put("degraded", x.degraded());
        o.put("ungrounded", x.ungrounded());
        ArrayNode sections = o.putArray("sections");
        for (SectionFact s : x.sections()) sections.add(section(s));
        ArrayNode mentions = o.putArray("mentions");
        for (MentionFact m : x.mentions()) mentions.add(mention(m));
        return o;
    }

    public static Extraction read(JsonNode o) {
        List<SectionFact> sections = new ArrayList<>();
        for (JsonNode s : array(o, "sections")) sections.add(section(s));
        List<MentionFact> mentions = new ArrayList<>();
        for (JsonNode m : array(o, "mentions")) mentions.add(mention(m));
        return new Extraction(sections, mentions, o.path("ungrounded").asInt(0), text(o, "backend"), o.path("degraded").asBoolean(false));
    }

    private static ObjectNode section(SectionFact s) {
        ObjectNode o = F.objectNode();
        o.put("documentType", s.getResourceType());
        o.put("documentId", s.getId());
        o.put("title", s.getTitle());
        o.put("code", s.getCode());
        o.put("start", s.getStart());
        o.put("end", s.getEnd());
        o.put("content", s.getContent());
        o.put("empty", s.isEmpty());
        o.put("boilerplate", s.isBoilerplate());
        o.put("documentKind", s.getDocumentKind());
        o.put("patientId", s.getPatientId());
        o.put("encounterId", s.getEncounterId());
        return o;
    }

    private static SectionFact section(JsonNode o) {
        SectionFact s = new SectionFact(required(o, "documentType"), required(o, "documentId"), text(o, "title"), text(o, "code"),
                o.path("start").asInt(), o.path("end").asInt(), text(o, "content"), o.path("empty").asBoolean(), o.path("boilerplate").asBoolean());
        s.setDocumentKind(text(o, "documentKind"));
        s.setPatientId(text(o, "patientId"));
        s.setEncounterId(text(o, "encounterId"));
        return s;
    }

    private static ObjectNode mention(MentionFact m) {
        ObjectNode o = F.objectNode();
        o.put("documentType", m.getResourceType());
        o.put("documentId", m.getId());
        o.put("kind", m.getKind());
        o.put("text", m.getText());
        o.put("start", m.getStart());
        o.put("end", m.getEnd());
        o.put("patientId", m.getPatientId());
        o.put("encounterId", m.getEncounterId());
        o.put("section", m.getSection());
        if (m.getSectionTitle() != null) o.put("sectionTitle", m.getSectionTitle());
        o.put("documentKind", m.getDocumentKind());
        o.put("negated", m.isNegated());
        o.put("uncertain", m.isUncertain());
        o.put("historical", m.isHistorical());
        o.put("family", m.isFamily());
        o.put("hypothetical", m.isHypothetical());
        o.put("timeFrame", m.getTimeFrame());
        o.put("timeFrameText", m.getTimeFrameText());
        o.put("attribute", m.getAttribute());
        o.put("normalized", m.getNormalized());
        o.put("laterality", m.getLaterality());
        o.put("bodySite", m.getBodySite());
        o.put("value", m.getValue());
        o.put("unit", m.getUnit());
        o.put("duration", m.getDuration());
        o.put("durationDays", m.getDurationDays());
        o.put("dose", m.getDose());
        o.put("route", m.getRoute());
        o.put("frequency", m.getFrequency());
        o.put("confidence", m.getConfidence());
        o.put("backend", m.getBackend());
        o.put("degraded", m.isDegraded());
        ArrayNode codes = o.putArray("codes");
        for (Coding c : m.getCodes()) codes.add(coding(c));
        ArrayNode candidates = o.putArray("candidates");
        for (CodeCandidate c : m.getCandidates()) candidates.add(coding(c.coding()).put("score", c.score()));
        return o;
    }

    private static MentionFact mention(JsonNode o) {
        MentionFact m = new MentionFact(required(o, "documentType"), required(o, "documentId"), required(o, "kind"), required(o, "text"),
                o.path("start").asInt(), o.path("end").asInt());
        m.setPatientId(text(o, "patientId"));
        m.setEncounterId(text(o, "encounterId"));
        m.setSection(text(o, "section"));
        m.setSectionTitle(text(o, "sectionTitle"));
        m.setDocumentKind(text(o, "documentKind"));
        m.setNegated(o.path("negated").asBoolean());
        m.setUncertain(o.path("uncertain").asBoolean());
        m.setHistorical(o.path("historical").asBoolean());
        m.setFamily(o.path("family").asBoolean());
        m.setHypothetical(o.path("hypothetical").asBoolean());
        m.setTimeFrame(text(o, "timeFrame"));
        m.setTimeFrameText(text(o, "timeFrameText"));
        m.setAttribute(text(o, "attribute"));
        m.setNormalized(text(o, "normalized"));
        m.setLaterality(text(o, "laterality"));
        m.setBodySite(text(o, "bodySite"));
        m.setValue(number(o, "value"));
        m.setUnit(text(o, "unit"));
        m.setDuration(text(o, "duration"));
        m.setDurationDays(number(o, "durationDays"));
        m.setDose(text(o, "dose"));
        m.setRoute(text(o, "route"));
        m.setFrequency(text(o, "frequency"));
        m.setConfidence(o.path("confidence").asDouble(1.0));
        m.setBackend(text(o, "backend"));
        m.setDegraded(o.path("degraded").asBoolean());
        for (JsonNode c : array(o, "codes")) m.getCodes().add(coding(c));
        for (JsonNode c : array(o, "candidates")) m.getCandidates().add(new CodeCandidate(coding(c), c.path("score").asDouble()));
        return m;
    }

    private static ObjectNode coding(Coding c) {
        ObjectNode o = F.objectNode();
        o.put("system", c.getSystem());
        o.put("code", c.getCode());
        if (c.getDisplay() != null) o.put("display", c.getDisplay());
        if (c.getVersion() != null) o.put("version", c.getVersion());
        return o;
    }

    private static Coding coding(JsonNode o) {
        return new Coding(text(o, "system"), required(o, "code"), text(o, "display"), text(o, "version"));
    }

    private static Iterable<JsonNode> array(JsonNode o, String name) {
        JsonNode a = o.get(name);
        if (a == null || a.isNull()) return List.of();
        if (!a.isArray()) throw new IllegalArgumentException("'" + name + "' must be an array");
        return a;
    }

    private static String text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String required(JsonNode o, String name) {
        String v = text(o, name);
        if (v == null) throw new IllegalArgumentException("missing '" + name + "'");
        return v;
    }

    private static Double number(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? null : v.asDouble();
    }
}
