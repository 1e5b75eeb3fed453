package org.emrqc.console.packs;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrqc.console.api.ProblemException;
import org.emrqc.rules.admin.PackArchive;
import org.emrqc.rules.admin.RuleSheet;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.RuleDefinition;
import org.emrqc.rules.pack.RulePack;

/**
 * Simple rules uploaded as a spreadsheet (CSV or XLSX, see {@link RuleSheet}) into a draft: the sheet becomes
 * {@code rules/sheet-NAME.yaml}, listed in pack.yaml's rules; uploading the same name again replaces its rules.
 * Refusals are 400 with every problem (row and column) listed; the draft must still load afterwards.
 */
final class RuleSheetUpload {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}");
    private static final Pattern RULES_LIST = Pattern.compile("(?m)^rules:\\s*\\n((?:[ \\t]+-[^\\n]*\\n|[ \\t]*#[^\\n]*\\n)*)");

    record Result(PackArchive archive, String file, List<String> ids) { }

    private RuleSheetUpload() { }

    static Result put(PackArchive archive, RulePack pack, String name, byte[] body, boolean xlsx) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ProblemException.badRequest("name: lower-case letters, digits and '-' (up to 41), e.g. hospital-local");
        }
        String file = "rules/sheet-" + name + ".yaml";
        Set<String> existing = new HashSet<>();
        for (RuleDefinition r : pack.rules().values()) if (!file.equals(r.sourceFile())) existing.add(r.id());
        RuleSheet.Result sheet = RuleSheet.read(name + (xlsx ? ".xlsx" : ".csv"), body, pack.templates().keySet(), existing);
        if (!sheet.ok()) {
            List<String> problems = sheet.problems();
            throw ProblemException.badRequest(String.join("; ", problems.stream().limit(5).toList())
                    + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : "")).with("problems", problems);
        }
        PackArchive next = archive.with(file, sheet.yaml().getBytes(StandardCharsets.UTF_8));
        String packYaml = next.text("pack.yaml");
        if (!packYaml.contains("- " + file)) next = next.with("pack.yaml", listed(packYaml, file));
        try {
            PackLoader.load(next.source());
        } catch (PackException e) {
            throw ProblemException.badRequest(file + ": the pack does not load with it: " + e.getMessage());
        }
        return new Result(next, file, sheet.ids());
    }

    /** pack.yaml with the file added at the end of its rules list (comments and the rest kept as they are). */
    static String listed(String packYaml, String file) {
        Matcher m = RULES_LIST.matcher(packYaml);
        if (!m.find()) throw ProblemException.badRequest("pack.yaml has no 'rules:' list to add " + file + " to");
        String items = m.group(1);
        String indent = "  ";
        Matcher i = Pattern.compile("(?m)^([ \\t]+)-").matcher(items);
        if (i.find()) indent = i.group(1);
        int insertAt = m.end(1);
        return packYaml.substring(0, insertAt) + indent + "- " + file + "\n" + packYaml.substring(insertAt);
    }
}
