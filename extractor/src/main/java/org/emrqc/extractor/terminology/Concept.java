package org.emrqc.extractor.terminology;

import java.util.List;
import org.emrqc.model.Coding;

/** A term and the codes it stands for, with the kind of thing it names (diagnosis, medication ...). */
public record Concept(String term, String kind, List<Coding> codes, String source) {
}
