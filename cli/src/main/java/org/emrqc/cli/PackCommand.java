package org.emrqc.cli;

import picocli.CommandLine.Command;

@Command(name = "pack", mixinStandardHelpOptions = true,
        description = "Rule pack administration: publish a pack version to the running pipeline.",
        subcommands = {PackActivateCommand.class})
final class PackCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(System.out); }
}
