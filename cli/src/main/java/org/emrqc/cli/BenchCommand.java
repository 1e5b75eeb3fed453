package org.emrqc.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks. Each prints its figures and ends with one JSON line for scripts.",
        subcommands = {BenchRulesCommand.class, BenchCheckCommand.class, BenchPipelineCommand.class, BenchStructuringCommand.class, BenchQcCommand.class, BenchSwapCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(System.out); }
}
