package org.emrqc.extractor.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import org.emrqc.extractor.Extraction;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.sections.SectionDetector;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.junit.jupiter.api.Test;

/** The chunks (sections) of one document are asked at once, within the concurrency limit. */
class ChunkConcurrencyTest {
    private static final String NOTE = "主诉：发热3天。\n现病史：患者3天前出现发热，伴咳嗽。\n既往史：否认高血压病史。\n体格检查：T 38.2℃ P 96次/分。\n";

    private static int maxInFlight(int concurrency) throws Exception {
        try (FixedDelayEndpoint endpoint = new FixedDelayEndpoint(Duration.ofMillis(300))) {
            LlmExtractor llm = new LlmExtractor(LlmConfig.defaults(endpoint.baseUrl(), "fixed").withMaxConcurrency(concurrency).withCache(0, null),
                    null, new SectionDetector()::detect);
            Extraction x = llm.extract(new NarrativeDocument("Composition", "adm1", "p1", "e1", "zh", NOTE), TsvTerminology.shipped());
            assertFalse(x.degraded());
            assertEquals(4, x.sections().size());
            assertEquals(4, endpoint.calls(), "one call per section");
            return endpoint.maxInFlight();
        }
    }

    @Test
    void fourSectionsGoOutTogetherWhenFourPermitsAllowIt() throws Exception {
        assertEquals(4, maxInFlight(8));
    }

    @Test
    void withOnePermitTheyGoOneAfterAnother() throws Exception {
        assertEquals(1, maxInFlight(1));
    }
}
