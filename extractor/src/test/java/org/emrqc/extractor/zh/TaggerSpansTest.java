package org.emrqc.extractor.zh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.model.MentionFact;
import org.junit.jupiter.api.Test;

/** With a tagger, the offline extractor finds Chinese entities no dictionary knows, with context attributes. */
class TaggerSpansTest {
    @Test
    void taggedEntitiesBecomeMentionsWithKindsAndNegation() {
        ChineseNerModel model = new ChineseNerTrainer().train(TinyCorpus.sentences());
        OfflineExtractor extractor = new OfflineExtractor(new TaggerSpans(model));
        String text = "患者3天前出现腹痛，行阑尾切除术，予头孢呋辛抗感染。";
        List<NerSpan> tagged = model.tag(text);
        assertTrue(!tagged.isEmpty(), "the tiny model tags its own training sentence");
        List<MentionFact> ms = extractor.extract(new NarrativeDocument("Composition", "c1", "p1", null, "zh", text),
                new DictionaryTerminology(List.of())).mentions();
        for (NerSpan s : tagged) {
            MentionFact m = ms.stream().filter(x -> x.getStart() == s.start() && x.getEnd() == s.end()).findFirst().orElseThrow();
            assertEquals(TaggerSpans.KINDS.get(s.label()), m.getKind());
            assertEquals(text.substring(s.start(), s.end()), m.getText());
            assertEquals(0.8, m.getConfidence());
        }
    }
}
