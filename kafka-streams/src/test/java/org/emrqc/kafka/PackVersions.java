package org.emrqc.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.PackSource;
import org.emrqc.rules.pack.RulePack;

/** Other versions of the core pack for swap tests: a copy of rule-packs/core with a new version and edits. */
final class PackVersions {
    static final Path CORE = Path.of("..", "rule-packs", "core");

    private PackVersions() { }

    /** A copy of the core pack under {@code dir} with version {@code version} and, per file, text replacements (old, new). */
    static Path copy(Path dir, String version, Map<String, List<String[]>> edits) throws IOException {
        try (Stream<Path> s = Files.walk(CORE)) {
            for (Path p : s.toList()) {
                Path t = dir.resolve(CORE.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        replace(dir, "pack.yaml", "version: " + PackVersions.pack().version(), "version: " + version);
        for (var e : edits.entrySet()) for (String[] r : e.getValue()) replace(dir, e.getKey(), r[0], r[1]);
        return dir;
    }

    /** The core pack with a new version and the first progress note's minimum stay changed from 8 to 9 hours. */
    static Path nextVersion(Path dir, String version) throws IOException {
        return copy(dir, version, Map.of("rules/incomplete.yaml", List.<String[]>of(new String[] {"minStayHours: 8,", "minStayHours: 9,"})));
    }

    /** The core pack with a new version and a DRL template that does not compile. */
    static Path brokenVersion(Path dir, String version) throws IOException {
        copy(dir, version, Map.of());
        Path t = dir.resolve("templates/patient-field-missing.drl");
        Files.writeString(t, Files.readString(t) + "\nrule \"broken @{ruleId}\"\nwhen\n    this is not DRL (\nthen\nend\n", StandardCharsets.UTF_8);
        return dir;
    }

    static RulePack pack() { return Pipelines.pack(); }

    static RulePack load(Path dir) { return PackLoader.load(PackSource.directory(dir)); }

    private static void replace(Path dir, String file, String from, String to) throws IOException {
        Path f = dir.resolve(file);
        String text = Files.readString(f, StandardCharsets.UTF_8);
        if (!text.contains(from)) throw new IllegalStateException(file + ": no '" + from + "'");
        Files.writeString(f, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
