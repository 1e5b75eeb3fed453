package org.emrqc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files named on the command line: files as given, folders searched for .json, .ndjson and .jsonl files. */
final class InputFiles {
    record Input(Path file, String outputName) { }

    final List<Input> inputs = new ArrayList<>();
    final List<String> missing = new ArrayList<>();

    static InputFiles collect(List<Path> paths) {
        InputFiles f = new InputFiles();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Path p : paths) {
            if (Files.isRegularFile(p)) {
                f.add(p, p.getFileName().toString(), used);
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path x : walk.filter(Files::isRegularFile).filter(InputFiles::isFhirFile).sorted().toList()) {
                        f.add(x, p.relativize(x).toString().replace(java.io.File.separatorChar, '_'), used);
                    }
                } catch (IOException e) {
                    f.missing.add(p + ": cannot list folder: " + e.getMessage());
                }
            } else {
                f.missing.add(p + ": no such file or folder");
            }
        }
        return f;
    }

    static boolean isFhirFile(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return (n.endsWith(".json") || n.endsWith(".ndjson") || n.endsWith(".jsonl")) && !n.endsWith(".qc.json");
    }

    private void add(Path file, String name, java.util.Set<String> used) {
        String base = name.replaceAll("\\.(json|ndjson|jsonl)$", "");
        String out = base + ".qc.json";
        for (int i = 2; !used.add(out); i++) out = base + "-" + i + ".qc.json";
        inputs.add(new Input(file, out));
    }
}
