package org.emrqc.rules.engine;

import java.time.LocalDate;
import org.emrqc.model.DocumentFact;
import org.emrqc.model.Localized;

/**
 * A stretch of a stay without the progress notes it needs: from the day of {@code before} (a note, or the anchor —
 * admission or an operation — when it is null) to {@code to}, {@code days} calendar days where {@code allowed} was the
 * most, or a key day without a note ({@code days} = 0, {@code from} = {@code to} = that day).
 *
 * @param after the note that ends the gap, or null when the stay ended (or the check day came) without one
 * @param basis why that interval applies: 病危, 病重, 病情稳定, 入院后第N天, 术后第N天
 */
public record NoteGap(DocumentFact before, DocumentFact after, LocalDate from, LocalDate to, int days, int allowed, Localized basis) {
}
