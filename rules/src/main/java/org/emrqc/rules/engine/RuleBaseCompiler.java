package org.emrqc.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.template.ObjectDataCompiler;
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.PackException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a region's effective rule set into a KieBase: each enabled rule instantiates its DRL template with
 * its parameters (Drools rule templates), one DRL resource per template, built at runtime under a unique
 * ReleaseId. Knowledge tables are not compiled into rules: templates look rows up by key through {@code kb}.
 */
public final class RuleBaseCompiler {
    private static final AtomicLong BUILDS = new AtomicLong();
    static final String PACKAGE = "org.emrqc.generated";
    private static final String PRELUDE = """
            package %s;

            import org.emrqc.model.*;
            import org.emrqc.rules.engine.Drl;
            import org.emrqc.rules.engine.ClinicalKnowledge;
            import org.emrqc.rules.pack.Knowledge;
            import org.emrqc.rules.engine.EventTime;
            import org.emrqc.rules.engine.Hit;
            import org.emrqc.rules.engine.NoteGap;
            import org.emrqc.rules.engine.CopiedText;
            import org.emrqc.rules.engine.PeerCopy;
            import org.emrqc.rules.engine.SignerTitles;
            import org.emrqc.rules.engine.FrontSheetChecks;
            import org.emrqc.rules.pack.Row;

            global org.emrqc.rules.engine.Hits hits;
            global org.emrqc.rules.pack.Knowledge kb;
            global org.emrqc.rules.engine.RecordContext ctx;
            """.formatted(PACKAGE);

    public CompiledRuleBase compile(EffectiveRuleSet set) {
        long t0 = System.nanoTime();
        Map<String, List<EffectiveRule>> byTemplate = new LinkedHashMap<>();
        for (EffectiveRule r : set.enabled()) byTemplate.computeIfAbsent(r.definition().template(), k -> new ArrayList<>()).add(r);

        Map<String, String> drl = new LinkedHashMap<>();
        for (var e : byTemplate.entrySet()) drl.put(e.getKey(), instantiate(e.getKey(), set.pack().templates().get(e.getKey()), e.getValue()));

        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("org.emrqc.generated", artifact(set.pack().id() + "-" + set.resolvedRegion()),
                set.pack().version() + "-b" + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(id);
        for (var e : drl.entrySet()) kfs.write("src/main/resources/org/emrqc/generated/" + e.getKey() + ".drl", e.getValue());
        if (drl.isEmpty()) kfs.write("src/main/resources/org/emrqc/generated/empty.drl", PRELUDE);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            ks.getRepository().removeKieModule(id);
            throw compileError(set, drl, errors);
        }
        KieContainer container = ks.newKieContainer(id);
        KieBase base = CompiledRuleBase.newKieBase(container);
        // the container keeps what the KieBase needs; the repository entry would only pin memory
        ks.getRepository().removeKieModule(id);
        return new CompiledRuleBase(set, container, base, drl, (System.nanoTime() - t0) / 1_000_000);
    }

    private static DrlCompileException compileError(EffectiveRuleSet set, Map<String, String> drl, List<Message> errors) {
        List<DrlError> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder("rule pack " + set.pack().label() + " for region " + set.resolvedRegion() + " does not compile:");
        for (Message m : errors) {
            // Drools adds this after any parse error of a resource: it says nothing more
            if (m.getText().contains("Parser returned a null Package") && errors.stream().anyMatch(o -> o != m
                    && java.util.Objects.equals(o.getPath(), m.getPath()) && !o.getText().contains("Parser returned a null Package"))) continue;
            String name = m.getPath() == null ? null : m.getPath().replaceAll("^.*/", "").replaceAll("\\.drl$", "");
            String file = name == null ? null : "templates/" + name + ".drl";
            String generated = name == null ? null : drl.get(name);
            TemplateLines.Trace t = generated == null ? new TemplateLines.Trace(null, null, "")
                    : TemplateLines.trace(set.pack().templates().get(name), generated, m.getLine());
            DrlError e = new DrlError(file, t.templateLine(), t.rule(), m.getLine(), t.generatedText(), m.getText().strip());
            out.add(e);
            sb.append("\n  ").append(e.describe());
        }
        return new DrlCompileException(sb.toString(), set.resolvedRegion(), out);
    }

    private static String artifact(String s) { return s.replaceAll("[^A-Za-z0-9_.-]", "_"); }

    /** One template's DRL for its rules: the Drools template engine fills @{param} per rule. */
    static String instantiate(String name, String body, List<EffectiveRule> rules) {
        Set<String> header = new LinkedHashSet<>();
        header.add("ruleId");
        for (EffectiveRule r : rules) header.addAll(r.params().keySet());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EffectiveRule r : rules) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String h : header) row.put(h, "");
            row.put("ruleId", r.id());
            r.params().forEach((k, v) -> row.put(k, render(v)));
            rows.add(row);
        }
        String template = "template header\n" + String.join("\n", header) + "\n\n" + PRELUDE + "\ntemplate \"" + name + "\"\n\n"
                + body.strip() + "\n\nend template\n";
        try {
            return isolate(new ObjectDataCompiler().compile(rows, new java.io.ByteArrayInputStream(template.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        } catch (RuntimeException e) {
            throw new PackException("templates/" + name + ".drl: cannot instantiate: " + e.getMessage(), e);
        }
    }

    /**
     * Every rule's consequence runs inside a try: an exception costs that rule on this record (its hits dropped,
     * {@link Hits#fail}) and the session goes on with the other rules. Done in the DRL rather than with Drools'
     * consequence-exception-handler option, which instantiates a handler class by name and fails where the application
     * and Drools are loaded by different class loaders (Quarkus). Lines are only added, never changed, after the
     * consequence's last line, so compile errors still point at the template's lines.
     */
    static String isolate(String drl) {
        String[] lines = drl.split("\n", -1);
        StringBuilder out = new StringBuilder(drl.length() + 256);
        boolean inConsequence = false;
        for (String line : lines) {
            String t = line.strip();
            if (inConsequence && t.equals("end")) {
                out.append("    } catch (RuntimeException emrqcRuleFailure) { hits.fail(drools.getRule().getName(), emrqcRuleFailure); }\n");
                inConsequence = false;
            }
            if (!inConsequence && t.equals("then")) {
                out.append(line).append(" try {").append('\n');
                inConsequence = true;
                continue;
            }
            out.append(line).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** A parameter as DRL text: strings escaped for use inside quotes, lists as "a", "b". */
    static String render(Object v) {
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) parts.add("\"" + escape(String.valueOf(o)) + "\"");
            return String.join(", ", parts);
        }
        if (v instanceof String s) return escape(s);
        return String.valueOf(v);
    }

    private static String escape(String s) { return s.replace("\\", "\\\\").replace("\"", "\\\""); }
}
