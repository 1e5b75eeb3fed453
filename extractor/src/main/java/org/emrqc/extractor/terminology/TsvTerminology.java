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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.emrqc.model.Coding;

/**
 * Terminology tables as tab-separated lines {@code term, kind, system, code[, display[, source[, attributes]]]}
 * ('#' comments, blank lines ignored). This is the SPI for tables a user supplies from a path (ICD-10-CM, WHO
 * ICD-10, 国家临床版 2.0, ATC — not redistributable, so not shipped) and the format of the tables emrqc ships
 * (written for the project).
 *
 * <p>The 6th column, when present and not empty, is the kind of source of the written form ({@link #SOURCE_KINDS});
 * it is kept as {@link Concept#sourceKind()} ({@link Concept#source()} stays the file the row came from). The 7th
 * column holds attributes as {@code key=value} pairs separated by ';', kept in order as {@link Concept#attributes()}.
 * The five-column format (display optional) keeps working. Errors name the file and the line.
 */
public final class TsvTerminology {
    /** The source kinds the 6th column may hold. */
    public static final Set<String> SOURCE_KINDS = Set.of("textbook", "clinical-usage", "colloquial", "abbreviation");

    /** The tables {@link #shipped()} loads, in order (resources under the classpath). */
    public static final List<String> SHIPPED = List.of("emrqc/lexicon/symptoms.tsv", "emrqc/lexicon/zh-symptoms.tsv",
            "emrqc/lexicon/zh-diseases.tsv", "emrqc/lexicon/zh-anatomy.tsv", "emrqc/lexicon/zh-drugs.tsv");

    private TsvTerminology() { }

    /**
     * The lexicon shipped with emrqc: common symptoms in English and Chinese (SNOMED CT coded) and the Chinese
     * symptom and sign, disease, anatomy and drug tables (emrqc's own concept ids). Read once; the same
     * (immutable) terminology is returned afterwards, so extractors that index a terminology index it once.
     */
    public static Terminology shipped() {
        return Shipped.TERMINOLOGY;
    }

    private static final class Shipped {
        static final Terminology TERMINOLOGY = new DictionaryTerminology(shippedConcepts());
    }

    /** The concepts of every shipped table, in table order. */
    public static List<Concept> shippedConcepts() {
        List<Concept> all = new ArrayList<>();
        for (String name : SHIPPED) {
            try (InputStream in = TsvTerminology.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException(name + " missing from the classpath");
                all.addAll(read(new InputStreamReader(in, StandardCharsets.UTF_8), name));
            } catch (IOException e) {
                throw new IllegalStateException(name + ": " + e.getMessage(), e);
            }
        }
        return all;
    }

    /** Every .tsv file in a folder (or one file), as one terminology. Errors name the file and line. */
    public static Terminology load(Path path) throws IOException {
        List<Concept> all = new ArrayList<>();
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
            }
        } else {
            files = List.of(path);
        }
        for (Path f : files) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                all.addAll(read(r, f.toString()));
            }
        }
        return new DictionaryTerminology(all);
    }

    /** The concepts of one table; {@code source} names it in the concepts and in error messages. */
    public static List<Concept> read(Reader reader, String source) throws IOException {
        List<Concept> out = new ArrayList<>();
        BufferedReader br = new BufferedReader(reader);
        String line;
        int n = 0;
        while ((line = br.readLine()) != null) {
            n++;
            if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 4) throw error(source, n, "expected term, kind, system, code[, display[, source[, attributes]]] separated by tabs");
            if (f.length > 7) throw error(source, n, "more than 7 columns (term, kind, system, code, display, source, attributes)");
            String term = f[0].strip();
            String kind = f[1].strip();
            String code = f[3].strip();
            if (term.isEmpty() || kind.isEmpty() || code.isEmpty()) throw error(source, n, "term, kind and code must not be empty");
            String display = f.length > 4 && !f[4].isBlank() ? f[4].strip() : term;
            String sourceKind = f.length > 5 && !f[5].isBlank() ? f[5].strip() : null;
            if (sourceKind != null && !SOURCE_KINDS.contains(sourceKind)) {
                throw error(source, n, "unknown source kind '" + sourceKind + "' (expected one of textbook, clinical-usage, colloquial, abbreviation)");
            }
            Map<String, String> attributes = f.length > 6 ? attributes(f[6], source, n) : Map.of();
            out.add(new Concept(term, kind, List.of(new Coding(f[2].strip(), code, display)), source, sourceKind, attributes));
        }
        return out;
    }

    /** {@code key=value} pairs separated by ';' (empty parts ignored; keys unique). */
    static Map<String, String> attributes(String column, String source, int line) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : column.split(";")) {
            if (part.isBlank()) continue;
            int eq = part.indexOf('=');
            String key = eq < 0 ? "" : part.substring(0, eq).strip();
            if (key.isEmpty()) throw error(source, line, "attribute '" + part.strip() + "' is not key=value");
            if (out.put(key, part.substring(eq + 1).strip()) != null) throw error(source, line, "attribute '" + key + "' given twice");
        }
        return out;
    }

    private static IllegalArgumentException error(String source, int line, String message) {
        return new IllegalArgumentException(source + ": line " + line + ": " + message);
    }
}
