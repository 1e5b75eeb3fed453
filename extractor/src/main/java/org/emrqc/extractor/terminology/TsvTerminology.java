package org.emrqc.extractor.terminology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emrqc.model.Coding;

/**
 * Terminology tables as tab-separated lines {@code term, kind, system, code, display} ('#' comments). This is the
 * SPI for tables a user supplies from a path (ICD-10-CM, WHO ICD-10, 国家临床版 2.0, ATC — not redistributable,
 * so not shipped) and the format of the small tables emrqc ships (written for the project).
 */
public final class TsvTerminology {
    private TsvTerminology() { }

    /** The lexicon shipped with emrqc (common symptoms in English and Chinese, SNOMED CT coded). */
    public static Terminology shipped() {
        try (InputStream in = TsvTerminology.class.getClassLoader().getResourceAsStream("emrqc/lexicon/symptoms.tsv")) {
            if (in == null) throw new IllegalStateException("emrqc/lexicon/symptoms.tsv missing from the classpath");
            return new DictionaryTerminology(read(new InputStreamReader(in, StandardCharsets.UTF_8), "emrqc/lexicon/symptoms.tsv"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every .tsv file in a folder (or one file), as one terminology. Errors name the file and line. */
    public static Terminology load(Path path) throws IOException {
        List<Concept> all = new ArrayList<>();
        List<Path> files = Files.isDirectory(path)
                ? Files.list(path).filter(p -> p.toString().endsWith(".tsv")).sorted().toList() : List.of(path);
        for (Path f : files) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                all.addAll(read(r, f.toString()));
            }
        }
        return new DictionaryTerminology(all);
    }

    static List<Concept> read(Reader reader, String source) throws IOException {
        List<Concept> out = new ArrayList<>();
        BufferedReader br = new BufferedReader(reader);
        String line;
        int n = 0;
        while ((line = br.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f.length < 4) throw new IllegalArgumentException(source + ": line " + n + ": expected term, kind, system, code[, display] separated by tabs");
            out.add(new Concept(f[0].strip(), f[1].strip(), List.of(new Coding(f[2].strip(), f[3].strip(), f.length > 4 ? f[4].strip() : f[0].strip())), source));
        }
        return out;
    }
}
