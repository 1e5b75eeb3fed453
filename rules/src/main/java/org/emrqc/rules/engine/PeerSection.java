package org.emrqc.rules.engine;

import org.emrqc.model.Localized;

/**
 * A section of another patient's document checked in the same batch, kept so a record can be compared with the
 * records around it (the same 拟诊讨论 written for two patients): whose it is, the document and its time, the
 * department of its stay, and the section's text.
 *
 * @param patientLabel how a message names that patient: name and reference
 * @param department   the department of the document's stay (code, else name), or null
 * @param document     the document's name for messages (首次病程记录)
 * @param at           when the document was completed (earliest), or null
 * @param latest       the latest instant {@code at} may stand for
 * @param code         the section's code (diagnostic-discussion …)
 * @param text         the section's text, whole (sub-headings written inside it included)
 */
public record PeerSection(Localized patientLabel, String department, Localized document, Long at, Long latest, String code, String text) { }
