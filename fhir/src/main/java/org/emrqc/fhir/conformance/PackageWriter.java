package org.emrqc.fhir.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emrqc.fhir.FhirContexts;
import org.hl7.fhir.r4.model.MetadataResource;

/**
 * Writes a {@link ConformancePackage} as an NPM-style FHIR package folder: {@code package/package.json}, one
 * {@code <Type>-<id>.json} per resource and the {@code .index.json} HL7 tooling reads. {@code tar czf
 * org.emrqc.fhir.tgz -C DIR package} makes the tarball a package cache accepts.
 */
public final class PackageWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PackageWriter() { }

    /** The files of the package, path (relative to the folder) → content, in a stable order. */
    public static Map<String, String> files(ConformancePackage p) throws IOException {
        Map<String, String> out = new TreeMap<>();
        out.put("package/package.json", JSON.writeValueAsString(p.manifest()) + "\n");
        List<Map<String, Object>> index = new ArrayList<>();
        for (MetadataResource r : p.resources()) {
            String name = r.fhirType() + "-" + r.getIdElement().getIdPart() + ".json";
            out.put("package/" + name, FhirContexts.r4().newJsonParser().setPrettyPrint(true).encodeResourceToString(r) + "\n");
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("filename", name);
            e.put("resourceType", r.fhirType());
            e.put("id", r.getIdElement().getIdPart());
            e.put("url", r.getUrl());
            e.put("version", r.getVersion());
            if (r instanceof org.hl7.fhir.r4.model.StructureDefinition sd) {
                e.put("kind", sd.getKind().toCode());
                e.put("type", sd.getType());
            }
            index.add(e);
        }
        Map<String, Object> idx = new LinkedHashMap<>();
        idx.put("index-version", 1);
        idx.put("files", index);
        out.put("package/.index.json", JSON.writeValueAsString(idx) + "\n");
        return out;
    }

    /** Writes the package under {@code dir} (package/…), replacing the files it holds. */
    public static int write(ConformancePackage p, Path dir) throws IOException {
        Map<String, String> files = files(p);
        Path pkg = dir.resolve("package");
        if (Files.isDirectory(pkg)) {
            try (var s = Files.list(pkg)) {
                for (Path f : s.toList()) if (f.getFileName().toString().endsWith(".json")) Files.delete(f);
            }
        }
        for (var e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        }
        return files.size();
    }
}
