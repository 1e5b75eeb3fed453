package org.emrqc.cli;

import picocli.CommandLine.Command;

@Command(name = "emrqc", mixinStandardHelpOptions = true, version = "emrqc 0.1.0",
        description = "Quality control for electronic medical records: FHIR R4 records in, DetectedIssue findings out.",
        subcommands = {CheckCommand.class, RulesCommand.class, BenchCommand.class, TrainZhCommand.class, ExtractCommand.class, EvalExtractCommand.class, EvalFindingsCommand.class,
                BrokerCommand.class, StreamCommand.class, ProduceCommand.class, ConsumeCommand.class, ReplayCommand.class, PackCommand.class, FhirPackageCommand.class},
        footer = {"", "Run 'emrqc <command> --help' for a command's options."})
final class EmrqcCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
