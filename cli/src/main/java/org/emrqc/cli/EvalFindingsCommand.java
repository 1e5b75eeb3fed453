package org.emrqc.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.emrqc.rules.eval.DefectKinds;
import org.emrqc.rules.eval.FindingsEvaluation;
import org.emrqc.rules.eval.FindingsRun;
import org.emrqc.rules.eval.GoldDefects;
import org.emrqc.rules.eval.Verdict;
import org.emrqc.rules.eval.Verdicts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval-findings", mixinStandardHelpOptions = true,
        description = "Judges the findings of a run of 'emrqc check' (its --out folder of *.qc.json) by reviewers' verdicts "
                + "(CSV: finding_id, or record + rule [+ quote]; verdict true/false) and/or by a corpus's listed defects "
                + "(--gold defects.yaml): per rule findings per record and precision with a 95%% Wilson interval (the figure the "
                + "console computes from verdicts), per defect kind the recall, and the records that could not be checked. "
                + "The last line is JSON.",
        footer = {"", "Example: bin/emrqc check --region CN --out /tmp/run corpus/zh-dev/records && "
                + "bin/emrqc eval-findings --findings /tmp/run --gold corpus/zh-dev/defects.yaml",
                "Exit status: 0 evaluated; 2 usage error (unreadable files, malformed verdicts)."})
final class EvalFindingsCommand implements Callable<Integer> {
    @Option(names = "--findings", paramLabel = "DIR", required = true, description = "The --out folder of a check run (or one .qc.json).")
    Path findings;

    @Option(names = "--verdicts", paramLabel = "CSV", description = "Reviewers' verdicts. Verdicts override what --gold derives.")
    Path verdicts;

    @Option(names = "--gold", paramLabel = "YAML", description = "A corpus's listed defects (corpus/zh-dev/defects.yaml format).")
    Path gold;

    @Option(names = "--kinds", paramLabel = "YAML", description = "Defect kind → rule ids (kind: [RULE, …]), replacing or adding to the built-in map.")
    Path kinds;

    @Option(names = "--write-verdicts", paramLabel = "CSV", description = "Writes the verdicts used (derived from --gold and given by --verdicts) for review.")
    Path writeVerdicts;

    @Override
    public Integer call() throws IOException {
        if (verdicts == null && gold == null) throw new UserError("give --verdicts CSV and/or --gold defects.yaml");
        if (!Files.exists(findings)) throw new UserError("--findings: " + findings + " does not exist");
        FindingsRun run;
        List<Verdict> all = new ArrayList<>();
        GoldDefects g = null;
        DefectKinds k = DefectKinds.core();
        try {
            run = FindingsRun.read(findings);
            if (kinds != null) k = k.with(kinds);
            if (verdicts != null) all.addAll(Verdicts.read(verdicts));
            if (gold != null) {
                g = GoldDefects.read(gold);
                all.addAll(g.verdicts(run, k));
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (run.records().isEmpty()) throw new UserError("--findings: no *.qc.json findings bundles in " + findings);
        FindingsEvaluation.Report r = FindingsEvaluation.evaluate(run, all, g, k);
        System.out.print(r.table());
        if (writeVerdicts != null) {
            try (Writer w = Files.newBufferedWriter(writeVerdicts, StandardCharsets.UTF_8)) {
                Verdicts.write(all, w);
            }
        }
        return 0;
    }
}
