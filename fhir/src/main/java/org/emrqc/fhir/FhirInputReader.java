package org.emrqc.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads FHIR R4 JSON: a file holding a Bundle of any type or a single resource, or NDJSON (one resource or
 * bundle a line). Parses with HAPI; every problem names the file, the line and the JSON path where known, and
 * says what is wrong. A unit with a problem is reported and not checked; the other units go on.
 */
public final class FhirInputReader {
    /** Default upper bound on one input file. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    private final long maxBytes;
    private final Set<String> knownTypes;

    public FhirInputReader(long maxBytes) {
        this.maxBytes = maxBytes;
        this.knownTypes = FhirContexts.r4().getResourceTypes();
    }

    public FhirInputReader() { this(DEFAULT_MAX_BYTES); }

    public static boolean isNdjson(Path file) {
        String n = file.getFileName().toString().toLowerCase();
        return n.endsWith(".ndjson") || n.endsWith(".jsonl");
    }

    /** Reads one file: one unit for JSON, one unit per non-blank line for NDJSON. */
    public List<ParsedInput> read(Path file) {
        String name = file.toString();
        List<ParsedInput> out = new ArrayList<>();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                out.add(failed(name, null, "file too large (" + megabytes(size) + " MB; the limit is " + megabytes(maxBytes) + " MB)"));
                return out;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            out.add(failed(name, null, "cannot read file: " + e.getMessage()));
            return out;
        }
        if (isNdjson(file)) {
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) continue;
                out.add(parse(name + ":" + (i + 1), lines[i].getBytes(StandardCharsets.UTF_8)));
            }
            if (out.isEmpty()) out.add(failed(name, null, "empty NDJSON file: no resource on any line"));
        } else {
            out.add(parse(name, bytes));
        }
        return out;
    }

    /** Reads one unit from a stream (a message body, for example). */
    public ParsedInput read(String source, InputStream in) throws IOException {
        return parse(source, in.readAllBytes());
    }

    /** Parses one JSON document holding a resource or a bundle. */
    public ParsedInput parse(String source, byte[] json) {
        if (json.length == 0 || new String(json, 0, Math.min(json.length, 64), StandardCharsets.UTF_8).isBlank()) {
            return failed(source, null, "empty input: no JSON");
        }
        if (json.length > maxBytes) {
            return failed(source, null, "input too large (" + megabytes(json.length) + " MB; the limit is " + megabytes(maxBytes) + " MB)");
        }
        CollectingErrorHandler handler = new CollectingErrorHandler();
        IParser parser = FhirContexts.r4().newJsonParser().setParserErrorHandler(handler);
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(new String(json, StandardCharsets.UTF_8));
        } catch (DataFormatException | IllegalArgumentException e) {
            return failed(source, json, e);
        } catch (RuntimeException e) {
            // HAPI signals a few malformed structures with other runtime exceptions
            return failed(source, json, e);
        }
        List<InputProblem> problems = new ArrayList<>();
        for (CollectingErrorHandler.Issue issue : handler.issues()) {
            JsonLocator.Hit hit = issue.value() == null ? null : JsonLocator.value(json, issue.value());
            String where = hit != null ? hit.toString() : issue.element();
            problems.add(issue.fatal() ? InputProblem.error(source, where, issue.message()) : InputProblem.warning(source, where, issue.message()));
        }
        List<ParsedInput.Entry> entries = new ArrayList<>();
        if (parsed instanceof Bundle bundle) {
            for (int i = 0; i < bundle.getEntry().size(); i++) {
                Bundle.BundleEntryComponent e = bundle.getEntry().get(i);
                if (e.getResource() == null) {
                    JsonLocator.Hit hit = JsonLocator.entryWithoutResource(json);
                    problems.add(InputProblem.error(source, hit != null ? hit.toString() : "Bundle.entry[" + i + "]", "bundle entry without a resource"));
                    continue;
                }
                entries.add(new ParsedInput.Entry(e.hasFullUrl() ? e.getFullUrl() : null, e.getResource()));
            }
        } else if (parsed instanceof Resource r) {
            entries.add(new ParsedInput.Entry(null, r));
        } else {
            problems.add(InputProblem.error(source, null, "not a FHIR R4 resource"));
        }
        return new ParsedInput(source, entries, problems);
    }

    private ParsedInput failed(String source, byte[] json, RuntimeException e) {
        String syntax = JsonLocator.syntaxError(json);
        if (syntax != null) return failed(source, null, syntax);
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // HAPI prefixes messages with an internal code such as "HAPI-1838: "
        msg = msg.replaceFirst("^HAPI-\\d+: ", "");
        if (msg.contains("resourceType")) {
            return failed(source, null, "not FHIR: the JSON has no \"resourceType\" at its top level");
        }
        JsonLocator.Hit unknown = JsonLocator.unknownResourceType(json, knownTypes);
        if (unknown != null) {
            return failed(source, unknown.toString(), "unknown resourceType (not a FHIR R4 resource type)");
        }
        if (msg.startsWith("Unknown resource name")) {
            return failed(source, null, "unknown resourceType: " + msg);
        }
        return failed(source, null, "not valid FHIR R4: " + msg);
    }

    private static ParsedInput failed(String source, String where, String message) {
        return new ParsedInput(source, List.of(), List.of(InputProblem.error(source, where, message)));
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    /** Records what HAPI's parser complains about instead of throwing or logging it. */
    static final class CollectingErrorHandler extends ErrorHandlerAdapter {
        record Issue(boolean fatal, String element, String value, String message) { }

        private final List<Issue> issues = new ArrayList<>();

        List<Issue> issues() { return issues; }

        private static String at(IParseLocation loc) {
            return loc == null || loc.getParentElementName() == null ? null : "in " + loc.getParentElementName();
        }

        @Override public void invalidValue(IParseLocation loc, String value, String error) {
            String what = error == null ? "invalid value" : error.replaceFirst("^HAPI-\\d+: ", "");
            issues.add(new Issue(true, at(loc), value, "invalid value '" + value + "': " + what));
        }

        @Override public void incorrectJsonType(IParseLocation loc, String element, BaseJsonLikeValue.ValueType expected,
                                                BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                                BaseJsonLikeValue.ScalarType foundScalar) {
            issues.add(new Issue(true, at(loc), null, "element '" + element + "' should be " + (expectedScalar != null ? expectedScalar : expected)
                    + " but is " + (foundScalar != null ? foundScalar : found)));
        }

        @Override public void unknownElement(IParseLocation loc, String element) {
            issues.add(new Issue(false, at(loc), null, "unknown element '" + element + "' ignored"));
        }

        @Override public void unexpectedRepeatingElement(IParseLocation loc, String element) {
            issues.add(new Issue(true, at(loc), null, "element '" + element + "' repeats but may occur only once"));
        }
    }
}
