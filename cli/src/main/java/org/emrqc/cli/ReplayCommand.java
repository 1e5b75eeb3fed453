package org.emrqc.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.emrqc.kafka.CheckerRegistry;
import org.emrqc.kafka.MessageCheck;
import org.emrqc.kafka.Replay;
import org.emrqc.rules.pack.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Reprocesses the messages of emrqc.records.v1 whose timestamps fall in [--from, --to] with the chosen pack (--pack) and region default into separate topics, in one transaction; the live findings topic is not touched. The basis of shadow mode.")
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    PackOptions pack;

    @Mixin
    StructuringOptions structuring;

    @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT")
    String bootstrap;

    @Option(names = "--from", required = true, paramLabel = "TIME", description = "Start of the range (ISO-8601 instant).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "TIME", description = "End of the range (ISO-8601 instant).")
    String to;

    @Option(names = "--out-topic", required = true, paramLabel = "TOPIC", description = "Where the findings go (must exist).")
    String outTopic;

    @Option(names = "--dead-letter-topic", paramLabel = "TOPIC", description = "Where dead letters go. Default: OUT-TOPIC.dlq (must exist).")
    String deadLetterTopic;

    @Override
    public Integer call() {
        long start = instant("--from", from);
        long end = instant("--to", to);
        if (end < start) throw new UserError("--to is before --from");
        RulePack rulePack = pack.load();
        CheckerRegistry checkers = new CheckerRegistry(rulePack, structuring.stage(rulePack), ZoneId.of("UTC"), 32L * 1024 * 1024);
        Replay.Summary s = Replay.run(bootstrap, start, end, new MessageCheck(checkers, pack.region), outTopic,
                deadLetterTopic != null ? deadLetterTopic : outTopic + ".dlq");
        System.out.printf("Replayed %d messages with pack %s: %d findings messages to %s, %d dead letters%n",
                s.messages(), rulePack.label(), s.findings(), outTopic, s.deadLetters());
        return 0;
    }

    private static long instant(String option, String value) {
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new UserError(option + ": '" + value + "' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
