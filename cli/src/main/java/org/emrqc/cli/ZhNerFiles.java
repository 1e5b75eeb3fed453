package org.emrqc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emrqc.extractor.zh.AnnotatedText;
import org.emrqc.extractor.zh.CehrnerFormat;
import org.emrqc.extractor.zh.ChineseNerModel;

/** Reading cEHRNER files and Chinese NER models for the commands, with mistakes as {@link UserError}s. */
final class ZhNerFiles {
    private ZhNerFiles() { }

    static List<AnnotatedText> readCehrner(String option, Path file) {
        if (!Files.isRegularFile(file)) throw new UserError(option + " " + file + ": no such file");
        try {
            return CehrnerFormat.read(file);
        } catch (IllegalArgumentException e) {
            throw new UserError(option + " " + e.getMessage());
        } catch (IOException e) {
            throw new UserError(option + " " + file + ": cannot read: " + e.getMessage());
        }
    }

    static ChineseNerModel readModel(String option, Path file) {
        if (!Files.isRegularFile(file)) throw new UserError(option + " " + file + ": no such file");
        try {
            return ChineseNerModel.load(file);
        } catch (IOException e) {
            throw new UserError(option + " " + file + ": " + e.getMessage());
        }
    }

    static void createParent(String option, Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UserError(option + " " + file + ": cannot create folder: " + e.getMessage());
        }
    }
}
