package org.emrqc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.Concepts;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.rules.pack.KnowledgeTable;
import org.emrqc.rules.pack.Row;
import org.emrqc.rules.pack.RulePack;
import org.emrqc.extractor.terminology.Terminology;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.extractor.zh.TaggerSpans;
import org.emrqc.rules.check.RecordStage;
import picocli.CommandLine.Option;

/** Options of the structuring stage (narrative → facts) shared by the commands that check records. */
final class StructuringOptions {
    @Option(names = "--no-narrative", description = "Do not extract facts from narrative (structured rules only).")
    boolean noNarrative;

    @Option(names = "--terminology", paramLabel = "PATH",
            description = "Terminology tables to normalize narrative terms against: a .tsv file or a folder of them (term, kind, system, code, display). For tables emrqc may not ship, such as ICD-10-CM, WHO ICD-10, 国家临床版 2.0 or ATC.")
    Path terminology;

    @Option(names = "--zh-model", paramLabel = "MODEL",
            description = "Chinese entity tagger written by 'emrqc train-zh' (built from your own annotated data, e.g. cEHRNER format). Default: the environment variable EMRQC_ZH_MODEL when set; without one, Chinese entities come from dictionaries only.")
    Path zhModel;

    @Option(names = "--llm", paramLabel = "URL",
            description = "Extract with a large language model behind an OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp server, hosted), e.g. http://127.0.0.1:8000/v1. Falls back to the offline extractor per document when the endpoint fails (facts marked degraded).")
    String llmUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "Model name for --llm.")
    String llmModel;

    @Option(names = "--llm-key-env", paramLabel = "VAR", description = "Environment variable holding the API key (none for local servers).")
    String llmKeyEnv;

    @Option(names = "--llm-timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Per-call timeout. Default: ${DEFAULT-VALUE}.")
    int llmTimeout;

    @Option(names = "--llm-concurrency", paramLabel = "N", defaultValue = "4", description = "LLM calls in flight at once. Default: ${DEFAULT-VALUE}.")
    int llmConcurrency;

    @Option(names = "--llm-cache", paramLabel = "DIR", description = "Keep answers in this folder across runs (keyed by model, prompt version and text).")
    Path llmCache;

    @Option(names = "--no-llm-pseudonymize", description = "Send names, identifiers, dates and addresses as written (default: replaced for any non-local endpoint).")
    boolean noPseudonymize;

    private org.emrqc.extractor.llm.LlmExtractor llm;
    /** One set of LLM counters for every extractor built here (inline structuring builds one per pack version). */
    private final org.emrqc.extractor.llm.LlmMetrics llmMetrics = new org.emrqc.extractor.llm.LlmMetrics();

    /** The LLM counters with --llm, else null. */
    org.emrqc.extractor.llm.LlmMetrics llmMetrics() { return usesLlm() ? llmMetrics : null; }

    /** The LLM extractor when --llm was given (after the stage was built), for its metrics. */
    org.emrqc.extractor.llm.LlmExtractor llm() { return llm; }

    /** True when narrative extraction is on and uses a model (--llm): calls that wait, worth running asynchronously. */
    boolean usesLlm() { return !noNarrative && llmUrl != null; }

    boolean narrativeOff() { return noNarrative; }

    int llmConcurrency() { return llmConcurrency; }

    /** Which extractor makes the facts, for provenance: "offline", or the LLM backend and model. */
    String extractorLabel() { return llm != null ? llm.provenance() : "offline"; }

    /** The structuring stage, or NONE when narrative is off. */
    RecordStage stage(RulePack pack) {
        if (noNarrative) return RecordStage.NONE;
        NarrativeStage s = narrativeStage(pack);
        return s::apply;
    }

    /** Terminology: the shipped lexicon, the pack's drug names (ingredient-names), and the user's tables. */
    NarrativeStage narrativeStage(RulePack pack) {
        List<Terminology> tables = new ArrayList<>();
        tables.add(TsvTerminology.shipped());
        KnowledgeTable names = pack.knowledge().get("ingredient-names");
        if (names != null) tables.add(Concepts.medicationsFromIngredientNames(names.rows().stream().map(Row::values).toList()));
        if (terminology != null) {
            if (!Files.exists(terminology)) throw new UserError("--terminology " + terminology + ": no such file or folder");
            try {
                tables.add(TsvTerminology.load(terminology));
            } catch (IOException | IllegalArgumentException e) {
                throw new UserError("--terminology: " + e.getMessage());
            }
        }
        Path model = zhModel != null ? zhModel : System.getenv("EMRQC_ZH_MODEL") == null ? null : Path.of(System.getenv("EMRQC_ZH_MODEL"));
        OfflineExtractor.ChineseSpansTagger tagger = model == null ? null : new TaggerSpans(ZhNerFiles.readModel("--zh-model", model));
        OfflineExtractor offline = new OfflineExtractor(tagger);
        if (llmUrl == null) return new NarrativeStage(offline, DictionaryTerminology.combine(tables));
        if (llmModel == null) throw new UserError("--llm needs --llm-model NAME");
        if (llmTimeout <= 0 || llmConcurrency <= 0) throw new UserError("--llm-timeout and --llm-concurrency must be positive");
        org.emrqc.extractor.llm.LlmConfig cfg;
        try {
            cfg = org.emrqc.extractor.llm.LlmConfig.defaults(llmUrl, llmModel).withApiKeyFromEnv(llmKeyEnv)
                    .withTimeout(java.time.Duration.ofSeconds(llmTimeout)).withMaxConcurrency(llmConcurrency);
            if (llmCache != null) cfg = cfg.withCache(1000, llmCache);
            if (noPseudonymize) cfg = cfg.withPseudonymize(false);
            llm = new org.emrqc.extractor.llm.LlmExtractor(cfg, offline, new org.emrqc.extractor.sections.SectionDetector()::detect, null, llmMetrics);
        } catch (IllegalArgumentException e) {
            throw new UserError("--llm: " + e.getMessage());
        }
        return new NarrativeStage(llm, DictionaryTerminology.combine(tables));
    }
}
