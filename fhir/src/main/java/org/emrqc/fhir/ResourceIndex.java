package org.emrqc.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Resolves references between the resources of one input: {@code urn:uuid:} fullUrls, {@code Type/id}
 * (relative or at the end of an absolute URL) and, where the target is present, conditional references
 * ({@code Type?identifier=system|value}). Unresolvable references stay unresolved (null).
 */
public final class ResourceIndex {
    private final Map<String, Resource> byFullUrl = new HashMap<>();
    private final Map<String, Resource> byTypeAndId = new HashMap<>();
    private final Map<Resource, String> ids = new IdentityHashMap<>();
    private final List<Resource> all = new ArrayList<>();

    public ResourceIndex(List<ParsedInput.Entry> entries) {
        int n = 0;
        for (ParsedInput.Entry e : entries) {
            Resource r = e.resource();
            String id = r.getIdElement().getIdPart();
            // HAPI replaces a bundle entry's id with its urn:uuid: fullUrl; the input's own id is the uuid
            if (id != null && id.startsWith("urn:uuid:")) id = id.substring(9);
            if (id != null && id.startsWith("urn:oid:")) id = id.substring(8);
            if (id == null || id.isBlank()) {
                id = fromFullUrl(e.fullUrl());
            }
            if (id == null) id = "entry-" + n;
            n++;
            ids.put(r, id);
            all.add(r);
            if (e.fullUrl() != null) byFullUrl.put(e.fullUrl(), r);
            byTypeAndId.putIfAbsent(r.fhirType() + "/" + id, r);
        }
    }

    /** "Type/id" → fullUrl for the entries whose fullUrl is a urn:uuid: or urn:oid: (a transaction's new resources). */
    public Map<String, String> urnReferences() {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, Resource> e : byFullUrl.entrySet()) {
            String url = e.getKey();
            if (url.startsWith("urn:uuid:") || url.startsWith("urn:oid:")) out.put(e.getValue().fhirType() + "/" + ids.get(e.getValue()), url);
        }
        return out;
    }

    private static String fromFullUrl(String fullUrl) {
        if (fullUrl == null) return null;
        if (fullUrl.startsWith("urn:uuid:")) return fullUrl.substring(9);
        if (fullUrl.startsWith("urn:oid:")) return fullUrl.substring(8);
        int slash = fullUrl.lastIndexOf('/');
        return slash >= 0 && slash < fullUrl.length() - 1 ? fullUrl.substring(slash + 1) : null;
    }

    public List<Resource> all() { return all; }

    /** The id this resource has in the input (its id, else the one its fullUrl gives). */
    public String idOf(Resource r) { return ids.get(r); }

    /** "Type/id" of a resource. */
    public String refOf(Resource r) { return r.fhirType() + "/" + idOf(r); }

    /** The target of a reference inside this input, or null. */
    public Resource resolve(Reference ref) {
        if (ref == null || ref.isEmpty()) return null;
        if (ref.getResource() instanceof Resource contained && ids.containsKey(contained)) return contained;
        String s = ref.getReference();
        if (s == null || s.isBlank()) return null;
        Resource r = byFullUrl.get(s);
        if (r != null) return r;
        int q = s.indexOf('?');
        if (q > 0) return resolveConditional(s.substring(0, q), s.substring(q + 1));
        String[] parts = s.split("/");
        if (parts.length >= 2) {
            // Type/id, Type/id/_history/n or an absolute URL ending in Type/id
            for (int i = parts.length - 2; i >= 0; i--) {
                Resource hit = byTypeAndId.get(parts[i] + "/" + parts[i + 1]);
                if (hit != null) return hit;
            }
        }
        return null;
    }

    /** The id of the referenced resource when it is in this input, else the id written in the reference. */
    public String targetId(Reference ref) {
        Resource r = resolve(ref);
        if (r != null) return idOf(r);
        if (ref == null || ref.getReference() == null) return null;
        String s = ref.getReference();
        if (s.startsWith("urn:uuid:")) return s.substring(9);
        if (s.contains("?")) return null;
        int slash = s.lastIndexOf('/');
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    /** "Type|value" → resources of that type carrying an identifier with that value; built on first use. */
    private Map<String, List<Resource>> byIdentifier;

    private Resource resolveConditional(String type, String query) {
        if (byIdentifier == null) {
            byIdentifier = new HashMap<>();
            for (Resource r : all) {
                for (Identifier id : identifiers(r)) {
                    if (id.hasValue()) byIdentifier.computeIfAbsent(r.fhirType() + "|" + id.getValue(), k -> new ArrayList<>(1)).add(r);
                }
            }
        }
        for (String clause : query.split("&")) {
            if (!clause.startsWith("identifier=")) continue;
            String token = java.net.URLDecoder.decode(clause.substring("identifier=".length()), java.nio.charset.StandardCharsets.UTF_8);
            String system = null;
            String value = token;
            int bar = token.indexOf('|');
            if (bar >= 0) {
                system = token.substring(0, bar);
                value = token.substring(bar + 1);
            }
            for (Resource r : byIdentifier.getOrDefault(type + "|" + value, List.of())) {
                for (Identifier id : identifiers(r)) {
                    if (value.equals(id.getValue()) && (system == null || system.isEmpty() || system.equals(id.getSystem()))) return r;
                }
            }
        }
        return null;
    }

    private static List<Identifier> identifiers(Resource r) {
        Property p = r.getNamedProperty("identifier");
        List<Identifier> out = new ArrayList<>();
        if (p != null) {
            p.getValues().forEach(b -> { if (b instanceof Identifier i) out.add(i); });
        }
        return out;
    }
}
