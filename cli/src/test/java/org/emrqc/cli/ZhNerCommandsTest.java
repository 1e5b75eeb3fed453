package org.emrqc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emrqc.extractor.zh.AnnotatedText;
import org.emrqc.extractor.zh.CehrnerFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** train-zh, extract and eval-extract on a few hand-written lines. */
class ZhNerCommandsTest {
    static final String TRAIN = String.join("\n",
            line("患者3天前出现腹痛，行阑尾切除术，予头孢呋辛抗感染。", "腹痛", "症状", 7, "阑尾切除术", "手术", 11, "头孢呋辛", "药物", 18),
            line("胸部CT示右肺下叶结节，考虑肺癌可能。", "胸部CT", "影像检查", 0, "右肺下叶", "解剖部位", 5, "肺癌", "疾病和诊断", 14),
            line("血常规示白细胞计数升高，予阿莫西林口服。", "血常规", "实验室检验", 0, "白细胞计数", "实验室检验", 4, "阿莫西林", "药物", 13),
            line("患者诉头晕、乏力，无发热。", "头晕", "症状", 3, "乏力", "症状", 6, "发热", "症状", 10),
            line("既往高血压病史，服用硝苯地平。", "高血压", "疾病和诊断", 2, "硝苯地平", "药物", 10)) + "\n";

    static String line(String text, Object... m) {
        StringBuilder sb = new StringBuilder("{\"text\": \"" + text + "\", \"mention_data\": [");
        for (int i = 0; i < m.length; i += 3) {
            if (i > 0) sb.append(", ");
            sb.append("{\"mention\": \"").append(m[i]).append("\", \"label\": \"").append(m[i + 1]).append("\", \"offset\": \"").append(m[i + 2]).append("\"}");
        }
        return sb.append("]}").toString();
    }

    /** Runs a command as Main does (UserError: exit 2), through emrqc when it is registered there. */
    static CliRun run(Object command, String... args) {
        String name = command.getClass().getAnnotation(CommandLine.Command.class).name();
        if (new CommandLine(new EmrqcCommand()).getSubcommands().containsKey(name)) {
            String[] all = new String[args.length + 1];
            all[0] = name;
            System.arraycopy(args, 0, all, 1, args.length);
            return CliRun.of(all);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        synchronized (CliRun.class) {
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                CommandLine cl = new CommandLine(command);
                cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
                    if (ex instanceof UserError) {
                        cmd.getErr().println("emrqc: " + ex.getMessage());
                        return 2;
                    }
                    throw ex;
                });
                int exit = cl.execute(args);
                return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
        }
    }

    @Test
    void trainExtractAndEvaluate(@TempDir Path dir) throws Exception {
        Path train = dir.resolve("train.json");
        Files.writeString(train, TRAIN);
        Path model = dir.resolve("m/zh.model");
        CliRun t = run(new TrainZhCommand(), "--cehrner", train.toString(), "--out", model.toString(), "--epochs", "30", "--seed", "2");
        assertEquals(0, t.exit(), t.err());
        assertTrue(Files.size(model) > 0);
        assertTrue(t.out().startsWith("Trained on 5 texts (14 mentions"), t.out());
        assertTrue(t.err().contains("epoch 30/30"), t.err());

        Path pred = dir.resolve("pred.json");
        CliRun x = run(new ExtractCommand(), "--format", "cehrner", "--in", train.toString(), "--out", pred.toString(),
                "--zh-model", model.toString(), "--threads", "2");
        assertEquals(0, x.exit(), x.err());
        List<AnnotatedText> predicted = CehrnerFormat.read(pred);
        List<AnnotatedText> gold = CehrnerFormat.read(train);
        assertEquals(gold.size(), predicted.size());
        for (int i = 0; i < gold.size(); i++) {
            assertEquals(gold.get(i).text(), predicted.get(i).text());
            for (var s : predicted.get(i).spans()) assertTrue(CehrnerFormat.LABELS.contains(s.label()), s.toString());
        }
        assertTrue(x.out().startsWith("Tagged 5 texts"), x.out());

        CliRun e = run(new EvalExtractCommand(), "--gold", train.toString(), "--pred", pred.toString(), "--resamples", "50");
        assertEquals(0, e.exit(), e.err());
        List<String> lines = e.out().lines().toList();
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"documents\":5,"), e.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ALL")), e.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("影像检查")), e.out());
    }

    @Test
    void usageErrors(@TempDir Path dir) throws Exception {
        Path train = dir.resolve("train.json");
        Files.writeString(train, TRAIN);
        CliRun missing = run(new TrainZhCommand(), "--cehrner", dir.resolve("nope.json").toString(), "--out", dir.resolve("m").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"text\": \"有腹痛\", \"mention_data\": [{\"mention\": \"腹痛\", \"label\": \"症状\", \"offset\": \"0\"}]}\n");
        CliRun malformed = run(new TrainZhCommand(), "--cehrner", bad.toString(), "--out", dir.resolve("m").toString());
        assertEquals(2, malformed.exit());
        assertTrue(malformed.err().contains("bad.json:1: mention '腹痛' is not at offset 0"), malformed.err());

        CliRun format = run(new ExtractCommand(), "--format", "brat", "--in", train.toString(), "--out", dir.resolve("o").toString(),
                "--zh-model", train.toString());
        assertEquals(2, format.exit());
        assertTrue(format.err().contains("only 'cehrner'"), format.err());

        CliRun notModel = run(new ExtractCommand(), "--format", "cehrner", "--in", train.toString(), "--out", dir.resolve("o").toString(),
                "--zh-model", train.toString());
        assertEquals(2, notModel.exit());
        assertTrue(notModel.err().contains("not an emrqc Chinese NER model"), notModel.err());

        Path other = dir.resolve("other.json");
        Files.writeString(other, line("别的文字。", "文字", "症状", 2) + "\n");
        CliRun differ = run(new EvalExtractCommand(), "--gold", train.toString(), "--pred", other.toString());
        assertEquals(2, differ.exit());
        assertTrue(differ.err().contains("--gold has 5 texts but --pred has 1"), differ.err());
    }
}
