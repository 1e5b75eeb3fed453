package org.emrqc.extractor.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.emrqc.extractor.Extraction;
import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.NarrativeExtractor;
import org.emrqc.extractor.llm.Chunker.Chunk;
import org.emrqc.extractor.llm.MentionSchema.InvalidResponseException;
import org.emrqc.extractor.llm.MentionSchema.LlmMention;
import org.emrqc.extractor.llm.Pseudonymizer.Pseudonymized;
import org.emrqc.extractor.offline.Durations;
import org.emrqc.extractor.offline.NarrativeContext;
import org.emrqc.extractor.offline.VitalSigns;
import org.emrqc.extractor.terminology.Candidate;
import org.emrqc.extractor.terminology.Terminology;
import org.emrqc.model.MentionFact;
import org.emrqc.model.SectionFact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts mentions with a large language model behind any OpenAI-compatible chat completions endpoint
 * (vLLM, Ollama, llama.cpp server, hosted APIs), through LangChain4j.
 *
 * <p>Per document: the text is cut into chunks (by section when a section function is given, else by
 * paragraphs up to {@link LlmConfig#maxChunkChars()}); for each chunk the terminology's candidates for the
 * terms found in it are numbered, the chunk is pseudonymized (when configured), and the versioned prompt asks
 * for {@code {"mentions":[...]}} with structured output (JSON schema, or JSON mode when the server rejects the
 * schema) at temperature 0. Each mention's quote is restored and located in the source text (the emitted
 * offsets always slice the text to exactly the quote; quotes not found are dropped and counted as ungrounded);
 * a code comes only from the candidate the model chose by number. Vital signs the offline patterns also read
 * become one fact per value with LOINC code and UCUM unit, as the offline extractor gives them (see
 * {@link #codedVitals}).
 *
 * <p>Calls are bounded by a semaphore ({@link LlmConfig#maxConcurrency()}), time out, are retried with
 * exponential backoff on timeouts, 429, 5xx, connection errors, invalid JSON and schema violations, and go
 * through a circuit breaker. Answers are cached by sha256(model, prompt version, rendered prompt) in memory
 * and optionally on disk. When the endpoint fails for a document, the fallback extractor processes it and
 * every fact is marked degraded (backend "offline"); the failure is logged in one line.
 *
 * <p>Thread-safe: one instance serves all threads.
 */
public final class LlmExtractor implements NarrativeExtractor {
    public static final String NAME = "llm";
    /** MentionFact confidence of an LLM mention found verbatim, and when found only by the loose match. */
    static final double CONFIDENCE = 0.9, LOOSE_CONFIDENCE = 0.8;

    private static final Logger LOG = LoggerFactory.getLogger(LlmExtractor.class);
    private static final ResponseFormat SCHEMA = MentionSchema.responseFormat();

    private final LlmConfig config;
    private final ChatModel model;
    private final NarrativeExtractor fallback;
    private final Function<NarrativeDocument, List<SectionFact>> sections;
    private final Function<NarrativeDocument, ? extends Collection<String>> names;
    private final Semaphore permits;
    private final CircuitBreaker breaker;
    private final ResponseCache cache;
    private final LlmMetrics metrics;
    private final Pseudonymizer pseudonymizer = new Pseudonymizer();
    private final Map<String, PromptTemplate> prompts = new ConcurrentHashMap<>();
    private final AtomicBoolean jsonMode;
    private final String backend;

    /**
     * @param fallback  processes a document when the endpoint fails for it (e.g. the offline extractor); null
     *                  gives an empty degraded result instead
     * @param sections  finds a document's sections (e.g. the section detector), for chunking by section and
     *                  for each mention's section; null chunks by paragraphs
     */
    public LlmExtractor(LlmConfig config, NarrativeExtractor fallback, Function<NarrativeDocument, List<SectionFact>> sections) {
        this(config, fallback, sections, null);
    }

    /**
     * @param names the people's names to pseudonymize in a document (e.g. the names of its record's Patient and
     *              Practitioners); null for none beyond those found by pattern
     */
    public LlmExtractor(LlmConfig config, NarrativeExtractor fallback, Function<NarrativeDocument, List<SectionFact>> sections,
                        Function<NarrativeDocument, ? extends Collection<String>> names) {
        this(config, openAiModel(config), fallback, sections, names, new LlmMetrics());
    }

    /** @param metrics counters to add to, shared e.g. by the extractors of successive rule-pack versions */
    public LlmExtractor(LlmConfig config, NarrativeExtractor fallback, Function<NarrativeDocument, List<SectionFact>> sections,
                        Function<NarrativeDocument, ? extends Collection<String>> names, LlmMetrics metrics) {
        this(config, openAiModel(config), fallback, sections, names, metrics);
    }

    /** With any LangChain4j chat model (its own timeout applies; retries must be off in it). */
    public LlmExtractor(LlmConfig config, ChatModel model, NarrativeExtractor fallback,
                        Function<NarrativeDocument, List<SectionFact>> sections,
                        Function<NarrativeDocument, ? extends Collection<String>> names) {
        this(config, model, fallback, sections, names, new LlmMetrics());
    }

    public LlmExtractor(LlmConfig config, ChatModel model, NarrativeExtractor fallback,
                        Function<NarrativeDocument, List<SectionFact>> sections,
                        Function<NarrativeDocument, ? extends Collection<String>> names, LlmMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.config = Objects.requireNonNull(config, "config");
        this.model = Objects.requireNonNull(model, "model");
        this.fallback = fallback;
        this.sections = sections;
        this.names = names;
        this.permits = new Semaphore(config.maxConcurrency(), true);
        this.breaker = new CircuitBreaker(config.breakerThreshold(), config.breakerOpenFor().toNanos(), System::nanoTime);
        this.cache = new ResponseCache(config.cacheEntries(), config.cacheDir());
        this.jsonMode = new AtomicBoolean(config.outputMode() == LlmConfig.OutputMode.JSON_OBJECT);
        this.backend = NAME + "/" + config.promptVersion();
        prompt("en"); // fail now, not per document, when the prompt version does not exist
    }

    /** The LangChain4j OpenAI client for the config: HTTP/1.1, the config's timeout, no retries of its own, no logging. */
    static ChatModel openAiModel(LlmConfig config) {
        OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder()
                .baseUrl(apiBase(config.baseUrl()))
                .modelName(config.model())
                .temperature(0.0)
                .timeout(config.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false);
        HttpClientBuilder http = http11(config.timeout());
        if (http != null) b.httpClientBuilder(http);
        if (config.apiKey() != null && !config.apiKey().isBlank()) b.apiKey(config.apiKey());
        return b.build();
    }

    /**
     * LangChain4j's JDK HTTP client restricted to HTTP/1.1. The JDK client otherwise offers an h2c upgrade on
     * every cleartext request, and uvicorn with httptools (vLLM) then drops the request body (HTTP 400 "body:
     * Field required"); LM Studio and some proxies hang. The class is a runtime dependency of
     * langchain4j-open-ai, hence reflection; null (the default client) when it is not there.
     */
    static HttpClientBuilder http11(java.time.Duration timeout) {
        try {
            Class<?> type = Class.forName("dev.langchain4j.http.client.jdk.JdkHttpClientBuilder");
            Object builder = type.getConstructor().newInstance();
            type.getMethod("httpClientBuilder", HttpClient.Builder.class)
                    .invoke(builder, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
            HttpClientBuilder http = (HttpClientBuilder) builder;
            http.connectTimeout(timeout);
            http.readTimeout(timeout);
            return http;
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            LOG.warn("LangChain4j JDK HTTP client not usable ({}); using the default client (HTTP/2 upgrade may fail on vLLM)", e.toString());
            return null;
        }
    }

    /** The base URL with {@code /v1} added when it has no path (http://localhost:11434 → http://localhost:11434/v1). */
    static String apiBase(String baseUrl) {
        String u = baseUrl.strip();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        try {
            String path = URI.create(u).getPath();
            if (path == null || path.isEmpty()) return u + "/v1";
        } catch (IllegalArgumentException e) {
            // leave it to the client to report
        }
        return u;
    }

    @Override public String name() { return NAME; }

    public LlmConfig config() { return config; }

    public LlmMetrics metrics() { return metrics; }

    /**
     * The backend of every fact and extraction this extractor produces: "llm/" + prompt version (e.g.
     * "llm/extract-v1"), so the prompt version travels with each fact into the findings' evidence. Facts of
     * documents handed to the fallback say "offline".
     */
    public String backend() { return backend; }

    /** Where the facts come from, for a report or a DetectedIssue author: "llm/extract-v1 model=qwen2.5-7b-instruct". */
    public String provenance() { return backend + " model=" + config.model(); }

    /** True while the circuit breaker keeps calls away from the endpoint. */
    public boolean circuitOpen() { return breaker.isOpen(); }

    @Override
    public Extraction extract(NarrativeDocument document, Terminology terminology) {
        return extract(document, terminology, names == null ? null : names.apply(document));
    }

    /**
     * As {@link #extract(NarrativeDocument, Terminology)}, with the names of the people in the document's
     * record (Patient, Practitioners) to pseudonymize, for callers that have the record at hand.
     */
    public Extraction extract(NarrativeDocument document, Terminology terminology, Collection<String> personNames) {
        metrics.documents.incrementAndGet();
        String text = document.text() == null ? "" : document.text();
        List<SectionFact> secs = sections == null ? List.of() : Objects.requireNonNullElse(sections.apply(document), List.of());
        if (text.isBlank()) return new Extraction(secs, List.of(), 0, backend, false);
        if (breaker.isOpen()) {
            metrics.breakerSkips.incrementAndGet();
            LOG.debug("LLM circuit open: a {} goes to the fallback extractor", document.resourceType());
            return degrade(document, terminology, secs);
        }
        PromptTemplate prompt = prompt(document.language());
        Set<String> docNames = new LinkedHashSet<>();
        if (config.pseudonymize()) {
            if (personNames != null) for (String n : personNames) if (n != null) docNames.add(n);
            docNames.addAll(pseudonymizer.discoverNames(text));
        }
        List<MentionFact> out = new ArrayList<>();
        Map<String, Set<Long>> taken = new HashMap<>();
        int ungrounded = 0;
        try {
            for (Asked asked : askAll(document, text, Chunker.chunk(text, secs, config.maxChunkChars()), prompt, terminology, docNames)) {
                ungrounded += ground(document, text, asked, secs, out, taken);
            }
        } catch (EndpointFailure e) {
            // never the document's id or text in the log (ids may be patient identifiers); the caller's MDC says
            // which input message it was (topic/partition/offset)
            LOG.warn("LLM endpoint failed for a {} ({}); used the fallback extractor", document.resourceType(), e.getMessage());
            return degrade(document, terminology, secs);
        }
        out = codedVitals(document, text, out);
        // the same section roles, template prompts, time frames and chief-complaint statements as the offline backend
        NarrativeContext.decorateAll(text, document.language(), secs, out, true);
        metrics.mentions.addAndGet(out.size());
        for (MentionFact st : NarrativeContext.complaintStatements(document, secs)) {
            st.setBackend(backend);
            out.add(st);
        }
        out.sort(Comparator.comparingInt(MentionFact::getStart).thenComparingInt(MentionFact::getEnd));
        metrics.ungrounded.addAndGet(ungrounded);
        return new Extraction(secs, List.copyOf(out), ungrounded, backend, false);
    }

    /** A chunk's answer: the chunk, its pseudonymization, the candidates offered and the model's mentions. */
    private record Asked(Chunk chunk, Pseudonymized p, List<Candidate> offered, List<LlmMention> mentions) { }

    /**
     * Asks the model about every chunk of a document. The chunks of one document go out at once (each call still
     * takes one of the {@link LlmConfig#maxConcurrency()} permits), so a document of six sections waits about
     * one call, not six; the answers come back in chunk order, so grounding — and the result — is the same as
     * asking one after another.
     */
    private List<Asked> askAll(NarrativeDocument document, String text, List<Chunk> chunks, PromptTemplate prompt,
                               Terminology terminology, Set<String> docNames) throws EndpointFailure {
        metrics.chunks.addAndGet(chunks.size());
        List<Asked> out = new ArrayList<>(chunks.size());
        if (chunks.size() == 1) {
            out.add(ask(text, chunks.get(0), prompt, terminology, docNames));
            return out;
        }
        List<java.util.concurrent.Future<Asked>> futures = new ArrayList<>(chunks.size());
        for (Chunk c : chunks) futures.add(CHUNK_CALLS.submit(() -> ask(text, c, prompt, terminology, docNames)));
        EndpointFailure failure = null;
        for (java.util.concurrent.Future<Asked> f : futures) {
            try {
                if (failure == null) out.add(f.get());
                else f.cancel(true);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof EndpointFailure ef) failure = ef;
                else if (e.getCause() instanceof RuntimeException re) throw re;
                else throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EndpointFailure("interrupted while waiting for " + document.ref());
            }
        }
        if (failure != null) throw failure;
        return out;
    }

    /** Threads that wait for the calls of a document's chunks (the permits, not this pool, bound the calls). */
    private static final java.util.concurrent.ExecutorService CHUNK_CALLS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "emrqc-llm-chunk");
        t.setDaemon(true);
        return t;
    });

    /** Asks the model about one chunk (from the cache when it answered the same prompt before). */
    private Asked ask(String text, Chunk chunk, PromptTemplate prompt, Terminology terminology, Set<String> docNames) throws EndpointFailure {
        String original = text.substring(chunk.start(), chunk.end());
        Pseudonymized p = config.pseudonymize() ? pseudonymizer.apply(original, docNames) : Pseudonymizer.identity(original);
        List<Candidate> offered = CandidateFinder.find(terminology, original, config.candidatesPerTerm(), config.maxCandidates());
        boolean zh = prompt.language().equals("zh");
        SectionFact section = chunk.section();
        String sectionLabel = section == null ? (zh ? "（未分节）" : "(none)")
                : section.getTitle() != null && !section.getTitle().isBlank() ? section.getTitle().strip() : section.getCode();
        List<ChatMessage> messages = prompt.render(Map.of(
                "section", sectionLabel,
                "candidates", CandidateFinder.render(offered, zh ? "（无）" : "(none)"),
                "text", p.text()));
        String key = cacheKey(prompt, messages);
        List<LlmMention> mentions = null;
        String cached = cache.get(key);
        if (cached != null) {
            try {
                mentions = MentionSchema.parse(cached);
                metrics.cacheHits.incrementAndGet();
            } catch (InvalidResponseException e) {
                mentions = null;
            }
        }
        if (mentions == null) {
            Answer a = call(messages);
            mentions = a.mentions();
            cache.put(key, a.content());
        }
        return new Asked(chunk, p, offered, mentions);
    }

    /** Grounds a chunk's mentions in the text into {@code out}; returns the number of ungrounded mentions. */
    private int ground(NarrativeDocument document, String text, Asked asked, List<SectionFact> secs, List<MentionFact> out,
                       Map<String, Set<Long>> taken) {
        Chunk chunk = asked.chunk();
        Pseudonymized p = asked.p();
        List<Candidate> offered = asked.offered();
        List<LlmMention> mentions = asked.mentions();
        SectionFact section = chunk.section();
        int ungrounded = 0;
        for (LlmMention m : mentions) {
            String quote = p.restore(m.quote()).strip();
            int hint = -1;
            if (m.start() != null) hint = chunk.start() + p.toOriginal(Math.max(0, Math.min(p.text().length(), m.start())));
            Set<Long> kindTaken = taken.computeIfAbsent(m.kind(), k -> new HashSet<>());
            int[] span = Grounder.locate(text, chunk.start(), chunk.end(), quote, hint, kindTaken);
            if (span == null) {
                ungrounded++;
                continue;
            }
            if (!kindTaken.add(Grounder.key(span[0], span[1]))) continue; // the same mention twice
            MentionFact f = new MentionFact(document.resourceType(), document.id(), m.kind(), text.substring(span[0], span[1]), span[0], span[1]);
            f.setPatientId(document.patientId());
            f.setEncounterId(document.encounterId());
            SectionFact in = section != null ? section : containing(secs, span[0], span[1]);
            if (in != null) f.setSection(in.getCode());
            f.setNegated(m.negated());
            f.setUncertain(m.uncertain());
            f.setHistorical(m.historical() || "past-history".equals(f.getSection()));
            f.setFamily(m.family() || "family-history".equals(f.getSection()));
            f.setLaterality(m.laterality());
            f.setBodySite(p.restore(m.bodySite()));
            f.setValue(m.value());
            f.setUnit(p.restore(m.unit()));
            f.setDose(p.restore(m.dose()));
            f.setRoute(p.restore(m.route()));
            f.setFrequency(p.restore(m.frequency()));
            String duration = p.restore(m.duration());
            f.setDuration(duration);
            f.setDurationDays(durationDays(duration, document.language()));
            f.setConfidence(f.getText().equals(quote) ? CONFIDENCE : LOOSE_CONFIDENCE);
            f.setBackend(backend);
            if (m.candidate() != null) {
                if (m.candidate() < offered.size()) {
                    f.getCodes().addAll(offered.get(m.candidate()).concept().codes());
                } else {
                    metrics.codesDropped.incrementAndGet();
                }
            }
            out.add(f);
        }
        return ungrounded;
    }

    /** A duration as written (3天, 2周, 半年, 2 weeks) in days, read as the offline extractor reads them; else null. */
    static Double durationDays(String duration, String language) {
        if (duration == null || duration.isBlank()) return null;
        Durations.Found d = Durations.first(duration, 0, duration.length(), "zh".equals(language) ? "zh" : "en");
        if (d == null) d = Durations.first(duration, 0, duration.length(), "zh".equals(language) ? "en" : "zh");
        return d == null ? null : d.days();
    }

    /**
     * The model's vital-sign mentions in the form the rules expect (and the offline extractor gives): where the
     * offline vital-sign patterns find values inside a model's vital mention ("BP 150/90 mmHg"), one mention per
     * value (150, 90) with its LOINC code and UCUM unit replaces it, keeping the model's attributes; other vital
     * mentions stay as the model gave them (without a code unless it chose a candidate).
     */
    private static List<MentionFact> codedVitals(NarrativeDocument document, String text, List<MentionFact> mentions) {
        boolean any = false;
        for (MentionFact f : mentions) any |= "vital".equals(f.getKind());
        if (!any) return mentions;
        List<MentionFact> patterns = VitalSigns.find(document.resourceType(), document.id(), text);
        if (patterns.isEmpty()) return mentions;
        List<MentionFact> out = new ArrayList<>(mentions.size() + 4);
        Set<Long> added = new HashSet<>();
        for (MentionFact f : mentions) {
            List<MentionFact> inside = new ArrayList<>(2);
            if ("vital".equals(f.getKind())) {
                for (MentionFact v : patterns) if (f.getStart() <= v.getStart() && v.getEnd() <= f.getEnd()) inside.add(v);
            }
            if (inside.isEmpty()) {
                out.add(f);
                continue;
            }
            for (MentionFact v : inside) {
                if (!added.add(Grounder.key(v.getStart(), v.getEnd()))) continue;
                v.setPatientId(f.getPatientId());
                v.setEncounterId(f.getEncounterId());
                v.setSection(f.getSection());
                v.setNegated(f.isNegated());
                v.setUncertain(f.isUncertain());
                v.setHistorical(f.isHistorical());
                v.setFamily(f.isFamily());
                v.setConfidence(f.getConfidence());
                v.setBackend(f.getBackend());
                out.add(v);
            }
        }
        return out;
    }

    private static SectionFact containing(List<SectionFact> secs, int start, int end) {
        for (SectionFact s : secs) if (s.getStart() <= start && end <= s.getEnd()) return s;
        return null;
    }

    private String cacheKey(PromptTemplate prompt, List<ChatMessage> messages) {
        List<String> parts = new ArrayList<>();
        parts.add(config.model());
        parts.add(prompt.version());
        parts.add(prompt.language());
        for (ChatMessage m : messages) {
            parts.add(m.type().name());
            if (m instanceof SystemMessage s) parts.add(s.text());
            else if (m instanceof UserMessage u) parts.add(u.singleText());
            else if (m instanceof AiMessage a) parts.add(a.text());
        }
        return ResponseCache.key(parts.toArray(String[]::new));
    }

    private PromptTemplate prompt(String language) {
        String lang = language == null || language.isBlank() ? "en" : language.strip().toLowerCase(Locale.ROOT);
        return prompts.computeIfAbsent(lang, l -> PromptTemplate.load(config.promptVersion(), l));
    }

    private Extraction degrade(NarrativeDocument document, Terminology terminology, List<SectionFact> secs) {
        metrics.degradedDocuments.incrementAndGet();
        if (fallback == null) return new Extraction(secs, List.of(), 0, "offline", true);
        Extraction fb = fallback.extract(document, terminology);
        for (MentionFact f : fb.mentions()) {
            f.setDegraded(true);
            f.setBackend("offline");
        }
        List<SectionFact> fbSections = fb.sections() == null || fb.sections().isEmpty() ? secs : fb.sections();
        return new Extraction(fbSections, fb.mentions(), fb.ungrounded(), "offline", true);
    }

    // ---------------------------------------------------------------------------------------------------------
    // calls

    /** A valid answer: its text (cached) and its mentions. */
    private record Answer(String content, List<LlmMention> mentions) { }

    /** The endpoint could not give a valid answer for a chunk (after retries, or the breaker is open). */
    static final class EndpointFailure extends Exception {
        EndpointFailure(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Why one attempt failed: a short reason, whether to retry, whether the server rejected json_schema, and
     * whether it says the endpoint is unwell (counts for the circuit breaker; a request the server rejects,
     * such as one over the context length, does not).
     */
    private record Failure(String reason, boolean retryable, boolean schemaUnsupported, boolean endpoint) {
        Failure(String reason, boolean retryable) {
            this(reason, retryable, false, true);
        }
    }

    private Answer call(List<ChatMessage> messages) throws EndpointFailure {
        int attempt = 0;
        boolean switched = false;
        while (true) {
            if (attempt > 0 && !switched) {
                metrics.retries.incrementAndGet();
                sleep(backoff(attempt));
            }
            switched = false;
            acquire();
            String problem = null;
            boolean retryable = false;
            try {
                if (!breaker.tryAcquire()) throw new EndpointFailure("circuit open");
                ChatResponse response;
                boolean json = jsonMode.get();
                ChatRequest request = ChatRequest.builder()
                        .messages(messages)
                        .temperature(0.0)
                        .responseFormat(json ? ResponseFormat.JSON : SCHEMA)
                        .build();
                metrics.calls.incrementAndGet();
                long t0 = System.nanoTime();
                try {
                    response = model.chat(request);
                    metrics.callTook(System.nanoTime() - t0);
                } catch (RuntimeException e) {
                    metrics.callTook(System.nanoTime() - t0);
                    Failure f = classify(e);
                    if (f.schemaUnsupported() && !json && config.outputMode() == LlmConfig.OutputMode.AUTO) {
                        breaker.onSuccess(); // the endpoint answered
                        if (jsonMode.compareAndSet(false, true)) {
                            metrics.jsonModeFallbacks.incrementAndGet();
                            LOG.info("LLM endpoint rejected response_format json_schema ({}); using JSON mode", f.reason());
                        }
                        switched = true;
                        continue; // same attempt, now in JSON mode
                    }
                    metrics.failures.incrementAndGet();
                    if (!f.endpoint()) {
                        breaker.onSuccess(); // it answered: the request, not the endpoint, is at fault
                    } else if (breaker.onFailure()) {
                        metrics.breakerOpened.incrementAndGet();
                        LOG.warn("LLM circuit breaker open for {} s after {} consecutive failures (last: {})",
                                config.breakerOpenFor().toSeconds(), breaker.consecutiveFailures(), f.reason());
                    }
                    problem = f.reason();
                    retryable = f.retryable();
                    response = null;
                }
                if (response != null) {
                    breaker.onSuccess();
                    usage(response.tokenUsage());
                    String content = response.aiMessage() == null ? null : response.aiMessage().text();
                    try {
                        return new Answer(content, MentionSchema.parse(content));
                    } catch (InvalidResponseException e) {
                        metrics.failures.incrementAndGet();
                        metrics.invalidResponses.incrementAndGet();
                        problem = (e.notJson() ? "invalid JSON: " : "schema violation: ") + e.getMessage();
                        retryable = true;
                    }
                }
            } catch (RuntimeException e) {
                breaker.onAbandon();
                throw e;
            } finally {
                permits.release();
            }
            if (!retryable || attempt >= config.maxRetries()) {
                throw new EndpointFailure(problem + (attempt > 0 ? " after " + (attempt + 1) + " attempts" : ""));
            }
            attempt++;
        }
    }

    private void usage(TokenUsage usage) {
        if (usage == null) return;
        if (usage.inputTokenCount() != null) metrics.promptTokens.addAndGet(usage.inputTokenCount());
        if (usage.outputTokenCount() != null) metrics.completionTokens.addAndGet(usage.outputTokenCount());
    }

    private void acquire() throws EndpointFailure {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndpointFailure("interrupted");
        }
    }

    private static void sleep(long millis) throws EndpointFailure {
        if (millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndpointFailure("interrupted");
        }
    }

    /** base × 2^(attempt-1), ±20 % jitter, at most the breaker's open period. */
    private long backoff(int attempt) {
        long base = config.backoffBase().toMillis();
        if (base <= 0) return 0;
        long d = base << Math.min(attempt - 1, 20);
        d = Math.min(d, config.breakerOpenFor().toMillis());
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Math.round(d * jitter);
    }

    private Failure classify(RuntimeException e) {
        if (e instanceof UnsupportedFeatureException) return new Failure("structured output unsupported", false, true, false);
        if (e instanceof TimeoutException || hasCause(e, HttpTimeoutException.class) || hasCause(e, java.net.SocketTimeoutException.class)) {
            return new Failure("timeout after " + config.timeout().toMillis() + " ms", true);
        }
        int status = status(e);
        if (e instanceof RateLimitException || status == 429) return new Failure("HTTP 429", true);
        if (e instanceof AuthenticationException) return new Failure("HTTP " + (status > 0 ? status : 401) + ", check the API key", false);
        if (e instanceof ModelNotFoundException) return new Failure("HTTP 404, model " + config.model() + " not found", false);
        if (e instanceof InternalServerException || status >= 500) return new Failure("HTTP " + (status > 0 ? status : 500), true);
        if (status == 404) return new Failure("HTTP 404, check the base URL (it should end in /v1)", false);
        if (status == 408 || status == 409 || status == 425) return new Failure("HTTP " + status, true);
        if (e instanceof InvalidRequestException || (status >= 400 && status < 500)) {
            String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            boolean schema = msg.contains("response_format") || msg.contains("json_schema") || msg.contains("schema")
                    || msg.contains("guided") || msg.contains("structured");
            boolean context = msg.contains("context length") || msg.contains("context_length") || msg.contains("maximum context")
                    || msg.contains("too many tokens") || msg.contains("too long");
            // not the server's message: validation errors may echo the request, i.e. the note's text
            return new Failure("HTTP " + (status > 0 ? status : 400) + (schema ? " (structured output rejected)" : context ? " (context length exceeded)" : " (request rejected)"),
                    false, schema, false);
        }
        Throwable io = cause(e, java.io.IOException.class);
        if (io instanceof com.fasterxml.jackson.core.JsonProcessingException) return new Failure("response body is not JSON", true);
        if (io != null) return new Failure("connection failed: " + io.getClass().getSimpleName(), true);
        return new Failure(e.getClass().getSimpleName(), true); // its message may quote the answer or the request
    }

    private static int status(Throwable e) {
        Throwable h = cause(e, HttpException.class);
        return h instanceof HttpException he ? he.statusCode() : -1;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return t;
        }
        return null;
    }
}
