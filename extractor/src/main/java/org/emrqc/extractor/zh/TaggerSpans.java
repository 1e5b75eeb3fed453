package org.emrqc.extractor.zh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emrqc.extractor.offline.OfflineExtractor;

/** Lets the offline extractor use a Chinese tagger: cEHRNER labels become mention kinds. */
public final class TaggerSpans implements OfflineExtractor.ChineseSpansTagger {
    /** The 7 cEHRNER labels and the mention kinds they map to. */
    public static final Map<String, String> KINDS = Map.of(
            "疾病和诊断", "diagnosis", "症状", "symptom", "药物", "medication", "手术", "procedure",
            "实验室检验", "lab", "影像检查", "imaging", "解剖部位", "anatomy");

    private final ChineseTagger tagger;

    public TaggerSpans(ChineseTagger tagger) { this.tagger = tagger; }

    @Override
    public List<Tagged> tag(String text) {
        List<Tagged> out = new ArrayList<>();
        for (NerSpan s : tagger.tag(text)) {
            String kind = KINDS.get(s.label());
            if (kind != null) out.add(new Tagged(s.start(), s.end(), kind));
        }
        return out;
    }
}
