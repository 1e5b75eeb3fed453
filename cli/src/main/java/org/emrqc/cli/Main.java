package org.emrqc.cli;

import picocli.CommandLine;

/** Entry point of bin/emrqc. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit status (0 ok, 1 some input failed, 2 usage error). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new EmrqcCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UserError || ex instanceof org.emrqc.rules.pack.PackException) {
                cmd.getErr().println("emrqc: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }
}
