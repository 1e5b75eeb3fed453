package org.emrqc.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Renders the overlays with kubectl kustomize and validates objects against the schemas in deploy/k8s/schemas. */
final class Manifests {
    static final Path K8S = Path.of("k8s").toAbsolutePath().normalize();
    static final Path SCHEMAS = K8S.resolve("schemas");
    private static final String SCHEMA_BASE = "https://schemas.emrqc.invalid/k8s/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, SCHEMAS.toUri().toString())));
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    static List<String> overlays() throws IOException {
        try (Stream<Path> s = Files.list(K8S.resolve("overlays"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** kubectl from KUBECTL or the PATH; a missing one fails the build with what to do, never skips. */
    static String kubectl() {
        String env = System.getenv("KUBECTL");
        if (env != null && !env.isBlank()) {
            if (!Files.isExecutable(Path.of(env))) throw new AssertionError("KUBECTL=" + env + " is not an executable file");
            return env;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "kubectl");
            if (Files.isExecutable(p)) return p.toString();
        }
        throw new AssertionError("kubectl not found on the PATH: the deploy module renders deploy/k8s/overlays/* with"
                + " `kubectl kustomize` (kubectl 1.32 or later). Install it (.ci/run does; see deploy/k8s/README.md) or set KUBECTL to its path.");
    }

    /** The objects `kubectl kustomize deploy/k8s/overlays/NAME` prints. */
    static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        Path dir = K8S.resolve("overlays").resolve(overlay);
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process p = new ProcessBuilder(kubectl(), "kustomize", dir.toString())
                    .redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + p.exitValue() + "):\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return parse(new String(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode d = docs.next();
                if (d != null && !d.isNull() && !d.isEmpty()) objects.add(d);
            }
        }
        return objects;
    }

    /** "Kind/name" of an object, for messages. */
    static String id(JsonNode o) {
        return o.path("kind").asText("?") + "/" + o.path("metadata").path("name").asText("?");
    }

    /** deploy/k8s/schemas/<group>_<version>_<Kind>.json; the core group is "core". */
    static String schemaFile(JsonNode o) {
        String apiVersion = o.path("apiVersion").asText();
        String gv = apiVersion.contains("/") ? apiVersion.replace('/', '_') : "core_" + apiVersion;
        return gv + "_" + o.path("kind").asText() + ".json";
    }

    /** Every violation as "Kind/name: $.json.path: message"; an object of a kind without a schema is a violation. */
    List<String> violations(JsonNode o) {
        String file = schemaFile(o);
        if (!Files.isRegularFile(SCHEMAS.resolve(file))) {
            return List.of(id(o) + ": no schema for " + o.path("apiVersion").asText() + " " + o.path("kind").asText()
                    + " (write deploy/k8s/schemas/" + file + ")");
        }
        JsonSchema schema = schemas.computeIfAbsent(file, f -> factory.getSchema(SchemaLocation.of(SCHEMA_BASE + f)));
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(o)) {
            out.add(id(o) + ": " + m.getMessage()); // the message starts with the JSON path
        }
        return out.stream().sorted().toList();
    }

    static Optional<JsonNode> find(List<JsonNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText())).findFirst();
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    private Manifests() { }

    static Manifests create() { return new Manifests(); }
}
