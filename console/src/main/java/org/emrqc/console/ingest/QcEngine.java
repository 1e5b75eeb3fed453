package org.emrqc.console.ingest;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.emrqc.console.api.ProblemException;
import org.emrqc.console.config.ConsoleConfig;
import org.emrqc.console.packs.PackStore;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.Concepts;
import org.emrqc.extractor.terminology.DictionaryTerminology;
import org.emrqc.extractor.terminology.Terminology;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.fhir.FhirInputReader;
import org.emrqc.fhir.FindingsBundleWriter;
import org.emrqc.fhir.InputProblem;
import org.emrqc.fhir.ParsedInput;
import org.emrqc.fhir.RecordRegion;
import org.emrqc.kafka.CheckerRegistry;
import org.emrqc.kafka.PackWatcher;
import org.emrqc.rules.check.FileOutcome;
import org.emrqc.rules.check.RecordChecker;
import org.emrqc.rules.check.RecordStage;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.KnowledgeTable;
import org.emrqc.rules.pack.Row;
import org.emrqc.rules.pack.RulePack;
import org.hl7.fhir.r4.model.Bundle;
import org.jboss.logging.Logger;

/**
 * The rule engine and the offline narrative extractor in this process: checks a FHIR body as `emrqc check` does
 * (same pack, same structuring stage, same findings Bundle). One compiled rule base per region, built on first use.
 *
 * <p>The pack in force is the version last activated (pack_activation; on first start the bundled core pack, see
 * {@link org.emrqc.console.packs.PackStore}); {@link #activate} swaps it atomically: each check takes one snapshot
 * of the registry and is evaluated wholly by that version, so no request is half-evaluated by two versions.
 */
@ApplicationScoped
public class QcEngine {
    private static final Logger LOG = Logger.getLogger(QcEngine.class);

    /** A checked body: what was read, the region used, the outcome, and the findings Bundle `check` would write. */
    public record Checked(ParsedInput input, String region, FileOutcome outcome, Bundle bundle, long checkedAt) { }

    @Inject
    ConsoleConfig config;
    @Inject
    PackStore packs;

    private CheckerRegistry checkers;
    private PackWatcher watcher;
    private FhirInputReader reader;
    private ZoneId zone;

    void onStart(@Observes StartupEvent ev) {
        zone = ZoneId.of(config.timezone());
        RulePack pack = packs.startupPack();
        checkers = new CheckerRegistry(pack, QcEngine::stage, zone, config.maxBytes());
        reader = new FhirInputReader(config.maxBytes());
        long t0 = System.nanoTime();
        checkers.forRegion(config.region());
        LOG.infof("rule pack %s compiled for region %s in %d ms", pack.label(), config.region(), (System.nanoTime() - t0) / 1_000_000);
        config.kafka().bootstrap().ifPresent(this::followActivations);
    }

    /**
     * With Kafka, versions activated elsewhere (another console instance, `bin/emrqc pack activate`) reach this one
     * through emrqc.packs.v1 and are swapped in as the stream processors swap them; a bad archive is refused and the
     * version in force keeps serving.
     */
    private void followActivations(String bootstrap) {
        watcher = new PackWatcher(bootstrap, checkers, List.of(config.region())).log(line -> LOG.info("packs: " + line));
        watcher.start();
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (watcher != null) watcher.close();
    }

    /** The watcher of emrqc.packs.v1 (null without Kafka). */
    public PackWatcher watcher() { return watcher; }

    /** The structuring stage of a pack version (its drug names feed the terminology); also used by validation. */
    public static RecordStage stage(RulePack pack) { return structuring(pack)::apply; }

    private static NarrativeStage structuring(RulePack pack) {
        List<Terminology> tables = new ArrayList<>();
        tables.add(TsvTerminology.shipped());
        KnowledgeTable names = pack.knowledge().get("ingredient-names");
        if (names != null) tables.add(Concepts.medicationsFromIngredientNames(names.rows().stream().map(Row::values).toList()));
        return new NarrativeStage(new OfflineExtractor(null), DictionaryTerminology.combine(tables));
    }

    /** The pack version in force. */
    public RulePack pack() { return checkers.pack(); }

    public String packLabel() { return checkers.packLabel(); }

    /** The version in force with its compiled regions (take it once and use it for a whole comparison). */
    public CheckerRegistry.Snapshot activeSnapshot() { return checkers.snapshot(); }

    /**
     * Puts a pack version in force: compiles the default region and every region the current version has compiled
     * (requests keep being checked on the current version meanwhile), then swaps atomically. A version that does not
     * compile changes nothing (PackException).
     */
    public CheckerRegistry.Snapshot activate(RulePack next) {
        long t0 = System.nanoTime();
        CheckerRegistry.Snapshot s = checkers.swap(next, config.region());
        LOG.infof("rule pack %s in force (regions %s compiled in %d ms)", next.label(), s.regions(), (System.nanoTime() - t0) / 1_000_000);
        return s;
    }

    /** A snapshot of a candidate version beside the one in force (for shadow runs; never put in force). */
    public CheckerRegistry.Snapshot candidate(RulePack pack) {
        return new CheckerRegistry(pack, QcEngine::stage, zone, config.maxBytes()).snapshot();
    }

    /** Checks a readable input on one version, in a region; the outcome's results hold the findings. */
    public FileOutcome checkOn(CheckerRegistry.Snapshot version, ParsedInput parsed, String region, long asOf) {
        return checker(version, region).check(parsed, asOf);
    }

    public ZoneId zone() { return zone; }

    public String defaultRegion() { return config.region(); }

    public EffectiveRuleSet ruleSet(String region) { return checker(checkers.snapshot(), region == null ? config.region() : region).base().ruleSet(); }

    private static RecordChecker checker(CheckerRegistry.Snapshot version, String region) {
        try {
            return version.forRegion(region);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("region " + region + ": " + e.getMessage());
        }
    }

    /** Reads a FHIR JSON body; 400 with every problem when it cannot be read. */
    public ParsedInput read(String source, byte[] body) {
        if (body == null || body.length == 0) throw ProblemException.badRequest("empty body: send a FHIR R4 Bundle or resource as JSON");
        if (body.length > config.maxBytes()) {
            throw new ProblemException(413, "Payload Too Large", "the body has " + body.length + " bytes; the limit is " + config.maxBytes());
        }
        ParsedInput parsed = reader.parse(source, body);
        if (!parsed.ok()) throw ProblemException.badRequest("not a readable FHIR R4 resource: " + reasons(parsed.problems()));
        if (parsed.entries().isEmpty()) throw ProblemException.badRequest("the body holds no resources");
        return parsed;
    }

    /** Checks a body; region: the request's, else the record's own (organization address), else the default. */
    public Checked check(String source, byte[] body, String requestedRegion) {
        ParsedInput parsed = read(source, body);
        String region = requestedRegion != null && !requestedRegion.isBlank() ? requestedRegion.strip() : RecordRegion.of(parsed.entries());
        if (region == null) region = config.region();
        CheckerRegistry.Snapshot version = checkers.snapshot();
        RecordChecker checker = checker(version, region);
        long now = System.currentTimeMillis();
        FileOutcome outcome = checker.check(parsed, now);
        if (outcome.failed()) throw new ProblemException(422, "Unprocessable Entity", "the record could not be checked: " + reasons(outcome.problems()));
        if (outcome.results().isEmpty()) throw ProblemException.badRequest("the body holds no patient record (no Patient and no resources that reference one)");
        FindingsBundleWriter writer = new FindingsBundleWriter(checker.base().ruleSet().language());
        Bundle bundle = writer.bundle(source, outcome.results(), now);
        bundle.getMeta().addTag(org.emrqc.fhir.QcCodeSystems.TAG_RULE_PACK, version.packLabel(), "rule pack version");
        return new Checked(parsed, region, outcome, bundle, now);
    }

    public String json(Bundle bundle) { return new FindingsBundleWriter("zh").json(bundle); }

    static String reasons(List<InputProblem> problems) {
        return problems.stream().filter(InputProblem::fatal).map(InputProblem::toString).collect(Collectors.joining("; "));
    }
}
