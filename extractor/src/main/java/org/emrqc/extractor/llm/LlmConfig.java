package org.emrqc.extractor.llm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the LLM extractor backend: an OpenAI-compatible endpoint ({@code baseUrl} up to and including
 * {@code /v1}; vLLM, Ollama, llama.cpp server or a hosted API) and model, the API key (read from an
 * environment variable whose name the caller gives, never logged: {@link #toString()} masks it), the per-call
 * timeout, how many calls may be in flight at once, retries and their exponential backoff, the circuit breaker
 * (after {@code breakerThreshold} consecutive endpoint failures the endpoint is skipped for
 * {@code breakerOpenFor}), whether text is pseudonymized before it leaves the process, the response cache
 * (entries in memory, and an optional directory), the largest chunk sent in one call, how many terminology
 * candidates are offered per term and per chunk, the prompt version and the structured-output mode.
 *
 * <p>Start from {@link #defaults(String, String)} and change what you need with the {@code with...} methods.
 */
public record LlmConfig(
        String baseUrl,
        String model,
        String apiKey,
        Duration timeout,
        int maxConcurrency,
        int maxRetries,
        Duration backoffBase,
        int breakerThreshold,
        Duration breakerOpenFor,
        boolean pseudonymize,
        Path cacheDir,
        int cacheEntries,
        int maxChunkChars,
        int candidatesPerTerm,
        int maxCandidates,
        String promptVersion,
        OutputMode outputMode) {

    /** How structured output is requested. */
    public enum OutputMode {
        /** {@code response_format: json_schema}; falls back to JSON mode once the server rejects it. */
        AUTO,
        /** Always {@code json_schema}. */
        JSON_SCHEMA,
        /** Always {@code json_object} (JSON mode); the prompt describes the shape. */
        JSON_OBJECT
    }

    public static final String DEFAULT_PROMPT_VERSION = "extract-v1";

    public LlmConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        if (baseUrl.isBlank()) throw new IllegalArgumentException("baseUrl is blank");
        if (model.isBlank()) throw new IllegalArgumentException("model is blank");
        timeout = positive(timeout, "timeout");
        backoffBase = backoffBase == null ? Duration.ZERO : backoffBase;
        breakerOpenFor = positive(breakerOpenFor, "breakerOpenFor");
        if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency must be at least 1");
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must not be negative");
        if (breakerThreshold < 1) throw new IllegalArgumentException("breakerThreshold must be at least 1");
        if (cacheEntries < 0) throw new IllegalArgumentException("cacheEntries must not be negative");
        if (maxChunkChars < 200) throw new IllegalArgumentException("maxChunkChars must be at least 200");
        if (candidatesPerTerm < 0 || maxCandidates < 0) throw new IllegalArgumentException("candidate limits must not be negative");
        promptVersion = promptVersion == null || promptVersion.isBlank() ? DEFAULT_PROMPT_VERSION : promptVersion.strip();
        if (!promptVersion.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) throw new IllegalArgumentException("promptVersion: letters, digits, '.', '_' and '-' only");
        outputMode = outputMode == null ? OutputMode.AUTO : outputMode;
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
        return d;
    }

    /**
     * Defaults: 60 s timeout, 4 calls in flight, 3 retries from a 500 ms backoff, breaker after 5 consecutive
     * failures for 60 s, pseudonymization on unless the endpoint is on this machine, 1000 cached responses in
     * memory and no cache directory, chunks of at most 4000 characters, 5 candidates per term and 40 per chunk,
     * prompt {@value #DEFAULT_PROMPT_VERSION}, structured output {@link OutputMode#AUTO}, no API key.
     */
    public static LlmConfig defaults(String baseUrl, String model) {
        return new LlmConfig(baseUrl, model, null, Duration.ofSeconds(60), 4, 3, Duration.ofMillis(500), 5,
                Duration.ofSeconds(60), !isLocal(baseUrl), null, 1000, 4000, 5, 40, DEFAULT_PROMPT_VERSION, OutputMode.AUTO);
    }

    /** True when the URL's host is this machine (localhost, 127.x, ::1): text never leaves it. */
    public static boolean isLocal(String baseUrl) {
        try {
            String host = URI.create(baseUrl.strip()).getHost();
            if (host == null) return false;
            host = host.toLowerCase(Locale.ROOT);
            return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                    || host.equals("[::1]") || host.equals("::1") || host.equals("0.0.0.0");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The API key from the environment variable {@code variable} (e.g. {@code OPENAI_API_KEY}); a null or blank
     * variable name means no key (local servers need none).
     *
     * @throws IllegalArgumentException when the variable is named but not set; the message names the variable
     */
    public LlmConfig withApiKeyFromEnv(String variable) {
        return withApiKeyFromEnv(variable, System.getenv());
    }

    /** {@link #withApiKeyFromEnv(String)} reading from the given environment (for tests). */
    public LlmConfig withApiKeyFromEnv(String variable, Map<String, String> environment) {
        if (variable == null || variable.isBlank()) return withApiKey(null);
        String key = environment.get(variable);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("environment variable " + variable + " (the LLM API key) is not set");
        }
        return withApiKey(key.strip());
    }

    public LlmConfig withApiKey(String key) {
        return new LlmConfig(baseUrl, model, key, timeout, maxConcurrency, maxRetries, backoffBase, breakerThreshold,
                breakerOpenFor, pseudonymize, cacheDir, cacheEntries, maxChunkChars, candidatesPerTerm, maxCandidates, promptVersion, outputMode);
    }

    public LlmConfig withTimeout(Duration t) {
        return new LlmConfig(baseUrl, model, apiKey, t, maxConcurrency, maxRetries, backoffBase, breakerThreshold,
                breakerOpenFor, pseudonymize, cacheDir, cacheEntries, maxChunkChars, candidatesPerTerm, maxCandidates, promptVersion, outputMode);
    }

    public LlmConfig withMaxConcurrency(int n) {
        return new LlmConfig(baseUrl, model, apiKey, timeout, n, maxRetries, backoffBase, breakerThreshold,
                breakerOpenFor, pseudonymize, cacheDir, cacheEntries, maxChunkChars, candidatesPerTerm, maxCandidates, promptVersion, outputMode);
    }

    public LlmConfig withRetries(int retries, Duration base) {
        return new LlmConfig(baseUrl, model, apiKey, timeout, maxConcurrency, retries, base, breakerThreshold,
                breakerOpenFor, pseudonymize, cacheDir, cacheEntries, maxChunkChars, candidatesPerTerm, maxCandidates, promptVersion, outputMode);
    }

    public LlmConfig withBreaker(int threshold, Duration openFor) {
        return new LlmConfig(baseUrl, model, apiKey, timeout, maxConcurrency, maxRetries, backoffBase, threshold,
                openFor, pseudonymize, cacheDir, cacheEntries, maxChunkChars, candidatesPerTerm, maxCandidates, promptVersion, outputMode);
    }

    public LlmConfig withPseudonymize(boolean on) {
        return new LlmConfig(baseUrl, model, apiKey, timeout, maxConcurrency, maxRetries, backoffBase, breakerThreshold,
                breakerOpenFor, on, cacheDir, cacheEntries, maxChunkChars, candidatesPerTerm, maxCandidates, promptVersion, outputMode);
    }

    public LlmConfig withCache(int entries, Path dir) {
        return new LlmConfig(baseUrl, model, apiKey, timeout, maxConcurrency, maxRetries, backoffBase, breakerThreshold,
                breakerOpenFor, pseudonymize, dir, entries, maxChunkChars, candidatesPerTerm, maxCandidates, promptVersion, outputMode);
    }

    public LlmConfig withMaxChunkChars(int chars) {
        return new LlmConfig(baseUrl, model, apiKey, timeout, maxConcurrency, maxRetries, backoffBase, breakerThreshold,
                breakerOpenFor, pseudonymize, cacheDir, cacheEntries, chars, candidatesPerTerm, maxCandidates, promptVersion, outputMode);
    }

    public LlmConfig withCandidates(int perTerm, int perChunk) {
        return new LlmConfig(baseUrl, model, apiKey, timeout, maxConcurrency, maxRetries, backoffBase, breakerThreshold,
                breakerOpenFor, pseudonymize, cacheDir, cacheEntries, maxChunkChars, perTerm, perChunk, promptVersion, outputMode);
    }

    public LlmConfig withPromptVersion(String version) {
        return new LlmConfig(baseUrl, model, apiKey, timeout, maxConcurrency, maxRetries, backoffBase, breakerThreshold,
                breakerOpenFor, pseudonymize, cacheDir, cacheEntries, maxChunkChars, candidatesPerTerm, maxCandidates, version, outputMode);
    }

    public LlmConfig withOutputMode(OutputMode mode) {
        return new LlmConfig(baseUrl, model, apiKey, timeout, maxConcurrency, maxRetries, backoffBase, breakerThreshold,
                breakerOpenFor, pseudonymize, cacheDir, cacheEntries, maxChunkChars, candidatesPerTerm, maxCandidates, promptVersion, mode);
    }

    /** The settings with the API key masked: safe to log. */
    @Override public String toString() {
        return "LlmConfig[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", timeout=" + timeout + ", maxConcurrency=" + maxConcurrency + ", maxRetries=" + maxRetries
                + ", backoffBase=" + backoffBase + ", breakerThreshold=" + breakerThreshold + ", breakerOpenFor=" + breakerOpenFor
                + ", pseudonymize=" + pseudonymize + ", cacheDir=" + cacheDir + ", cacheEntries=" + cacheEntries
                + ", maxChunkChars=" + maxChunkChars + ", candidatesPerTerm=" + candidatesPerTerm + ", maxCandidates=" + maxCandidates
                + ", promptVersion=" + promptVersion + ", outputMode=" + outputMode + "]";
    }
}
