package org.emrqc.console.packs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emrqc.console.api.ProblemException;
import org.emrqc.console.audit.AuditLog;
import org.emrqc.console.config.ConsoleConfig;
import org.emrqc.console.ingest.QcEngine;
import org.emrqc.console.security.CurrentUser;
import org.emrqc.console.store.PackActivationRow;
import org.emrqc.console.store.PackVersionRow;
import org.emrqc.kafka.CheckerRegistry;
import org.emrqc.kafka.PackPublisher;
import org.emrqc.rules.admin.InvalidEditException;
import org.emrqc.rules.admin.OverlayEditor;
import org.emrqc.rules.admin.PackArchive;
import org.emrqc.rules.admin.PackDiff;
import org.emrqc.rules.admin.PackValidator;
import org.emrqc.rules.admin.Problem;
import org.emrqc.rules.admin.ValidationReport;
import org.emrqc.rules.pack.EffectiveRule;
import org.emrqc.rules.pack.EffectiveRuleSet;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.RegionOverlay;
import org.emrqc.rules.pack.RulePack;
import org.jboss.logging.Logger;

/**
 * Rule-pack administration on the stored versions: drafts made from a version and edited (rule settings per
 * region or hospital, new hospital regions, knowledge tables), validated, published (immutable, with the diff from
 * the previous published version), imported and exported as zips, activated in this console (atomic swap) and on
 * the stream processors (the archive on {@code emrqc.packs.v1} when Kafka is configured). Every change is audited.
 * Methods that change rows run in the caller's transaction (the REST layer opens one).
 */
@ApplicationScoped
public class PackAdmin {
    private static final Logger LOG = Logger.getLogger(PackAdmin.class);
    /** As PackValidator accepts: 2026.11.0, 1.2.3-rc.1, 2026.11.0+h001. */
    static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.-]+)?");
    private static final Pattern NUMERIC = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Pattern MANIFEST_VERSION = Pattern.compile("(?m)^(version:[ \\t]*)([\"']?)([^\\s#\"']+)\\2");

    @Inject
    QcEngine engine;
    @Inject
    ObjectMapper json;
    @Inject
    AuditLog audit;
    @Inject
    ConsoleConfig config;
    @Inject
    CurrentUser current;
    @Inject
    EntityManager em;

    /** Loaded packs by archive sha256 (loading is cheap, but listing rules of a version happens on every page view). */
    private final Map<String, RulePack> loaded = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, RulePack> e) { return size() > 8; }
    });

    // ------------------------------------------------------------------------------------------------ reading

    public PackVersionRow row(String packId, String version) {
        return PackVersionRow.of(packId, version).orElseThrow(() -> ProblemException.notFound("no pack version " + packId + "@" + version));
    }

    private PackVersionRow rowForUpdate(String packId, String version) {
        PackVersionRow r = row(packId, version);
        em.lock(r, LockModeType.PESSIMISTIC_WRITE);
        return r;
    }

    public PackArchive archive(PackVersionRow row) {
        try {
            return PackArchive.read(row.archive);
        } catch (PackException e) {
            throw new ProblemException(500, "Internal Server Error", "the stored archive of " + row.label() + " cannot be read: " + e.getMessage());
        }
    }

    public RulePack pack(PackVersionRow row) {
        RulePack p = loaded.get(row.sha256);
        if (p != null) return p;
        try {
            p = PackLoader.load(archive(row).source());
        } catch (PackException e) {
            throw new ProblemException(422, "Unprocessable Entity", row.label() + " does not load: " + e.getMessage())
                    .with("problems", List.of(Problem.parse(e.getMessage(), "load")));
        }
        loaded.put(row.sha256, p);
        return p;
    }

    /** Every pack with its versions (newest first), the version in force and the one this console serves. */
    public List<Map<String, Object>> list() {
        Optional<PackActivationRow> active = PackStore.latestActivation();
        Map<String, List<PackVersionRow>> byPack = new LinkedHashMap<>();
        for (PackVersionRow r : PackVersionRow.<PackVersionRow>list("order by packId, createdAt desc, id desc")) {
            byPack.computeIfAbsent(r.packId, k -> new ArrayList<>()).add(r);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (var e : byPack.entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("packId", e.getKey());
            Optional<PackActivationRow> own = PackActivationRow.current(e.getKey());
            boolean serving = active.isPresent() && active.get().packId.equals(e.getKey());
            m.put("active", own.filter(a -> serving).map(PackAdmin::activationView).orElse(null));
            m.put("serving", serving ? engine.packLabel() : null);
            List<Map<String, Object>> versions = new ArrayList<>();
            for (PackVersionRow r : e.getValue()) {
                Map<String, Object> v = versionView(r);
                v.put("active", serving && own.get().version.equals(r.version));
                versions.add(v);
            }
            m.put("versions", versions);
            out.add(m);
        }
        return out;
    }

    public Map<String, Object> versionView(PackVersionRow r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("packId", r.packId);
        v.put("version", r.version);
        v.put("label", r.label());
        v.put("status", r.status);
        v.put("sha256", r.sha256);
        v.put("parentVersion", r.parentVersion);
        v.put("note", r.note);
        v.put("createdBy", r.createdBy);
        v.put("createdAt", r.createdAt);
        v.put("publishedBy", r.publishedBy);
        v.put("publishedAt", r.publishedAt);
        JsonNode val = r.validation;
        boolean current = val != null && r.sha256.equals(val.path("sha256").asText(null));
        v.put("valid", val == null || !current ? null : val.path("ok").asBoolean());
        v.put("validationCurrent", current);
        return v;
    }

    /** One version with its stored validation report. */
    public Map<String, Object> detail(String packId, String version) {
        PackVersionRow r = row(packId, version);
        Map<String, Object> v = versionView(r);
        PackActivationRow a = PackStore.latestActivation().orElse(null);
        v.put("active", a != null && a.packId.equals(packId) && a.version.equals(version));
        v.put("validation", r.validation);
        v.put("hasDiff", r.diff != null);
        return v;
    }

    public List<Map<String, Object>> activations(String packId) {
        return PackActivationRow.<PackActivationRow>list("packId = ?1 order by at desc, id desc", packId).stream().map(PackAdmin::activationView).toList();
    }

    static Map<String, Object> activationView(PackActivationRow a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", a.version);
        m.put("activatedBy", a.activatedBy);
        m.put("at", a.at);
        m.put("previousVersion", a.previousVersion);
        return m;
    }

    /** The regions of a version: code, parent, names, overlay file, and the chain to base. */
    public List<Map<String, Object>> regions(String packId, String version) {
        RulePack p = pack(row(packId, version));
        List<Map<String, Object>> out = new ArrayList<>();
        for (RegionOverlay o : p.regions().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", o.code());
            m.put("parent", o.parent());
            m.put("name", o.name() == null ? null : Map.of("en", nz(o.name().en()), "zh", nz(o.name().zh())));
            m.put("file", o.sourceFile());
            m.put("chain", EffectiveRuleSet.of(p, o.code()).chainLabel());
            m.put("enables", o.enable().size());
            m.put("disables", o.disable().size());
            m.put("overrides", o.rules().size());
            out.add(m);
        }
        out.sort(Comparator.comparing(m -> chainDepthKey((String) m.get("chain"))));
        return out;
    }

    private static String chainDepthKey(String chain) {
        List<String> parts = new ArrayList<>(List.of(chain.split(" → ")));
        Collections.reverse(parts);
        return String.join("/", parts);
    }

    private static String nz(String s) { return s == null ? "" : s; }

    /** The effective rules of a region on a version, each setting with the region (or "pack") that set it. */
    public Map<String, Object> effectiveRules(String packId, String version, String region) {
        RulePack p = pack(row(packId, version));
        if (region == null || region.isBlank()) throw ProblemException.badRequest("region: required (e.g. CN-GD)");
        EffectiveRuleSet set;
        try {
            set = EffectiveRuleSet.of(p, region);
        } catch (PackException e) {
            throw new ProblemException(422, "Unprocessable Entity", "region " + region + ": " + e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pack", p.label());
        out.put("region", set.requested());
        out.put("resolvedRegion", set.resolvedRegion());
        out.put("chain", set.chainLabel());
        out.put("ownOverlay", set.resolvedRegion().equalsIgnoreCase(set.requested()));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (EffectiveRule r : set.rules().values()) rules.add(ruleView(r));
        out.put("rules", rules);
        return out;
    }

    static Map<String, Object> ruleView(EffectiveRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        var d = r.definition();
        m.put("id", r.id());
        m.put("title", d.title() == null ? null : Map.of("en", nz(d.title().en()), "zh", nz(d.title().zh())));
        m.put("defectClass", d.defectClass().code());
        m.put("template", d.template());
        m.put("narrative", d.narrative());
        m.put("enabled", r.enabled());
        m.put("params", r.params());
        m.put("severity", r.severity().code());
        m.put("points", r.points());
        m.put("veto", r.veto());
        m.put("stages", r.stages());
        m.put("departments", Map.of("include", r.departments().include(), "exclude", r.departments().exclude()));
        m.put("origins", r.origins());
        m.put("regulation", d.regulation());
        m.put("file", d.sourceFile());
        return m;
    }

    // ------------------------------------------------------------------------------------------------ drafts

    /** A new draft from a version (default: the one in force), numbered as the next free patch version. */
    public PackVersionRow createDraft(String packId, String from, String note) {
        String base = from;
        if (base == null || base.isBlank()) {
            base = PackActivationRow.current(packId).map(a -> a.version)
                    .orElseThrow(() -> ProblemException.badRequest("from: required (the pack has no active version)"));
        }
        PackVersionRow parent = row(packId, base);
        String version = nextVersion(packId, parent.version);
        PackArchive archive = withVersion(archive(parent), version);
        PackVersionRow d = new PackVersionRow();
        d.packId = packId;
        d.version = version;
        d.status = PackVersionRow.DRAFT;
        d.archive = archive.zip();
        d.sha256 = archive.sha256();
        d.parentVersion = parent.version;
        d.note = blankToNull(note);
        d.createdBy = current.username();
        d.createdAt = Instant.now();
        d.persist();
        audit.record("pack.draft.create", "pack_version", d.label(), null, Map.of("from", parent.label(), "sha256", d.sha256));
        return d;
    }

    private PackVersionRow draft(String packId, String version) {
        PackVersionRow r = rowForUpdate(packId, version);
        if (r.published()) throw ProblemException.conflict(r.label() + " is published and cannot change: create a draft from it");
        return r;
    }

    /** Replaces a draft's archive (after an edit): new checksum, the old validation no longer current. */
    private void replace(PackVersionRow d, PackArchive next) {
        d.archive = next.zip();
        d.sha256 = next.sha256();
    }

    /** Changes one rule's settings in one region (or hospital) overlay of a draft. */
    public Map<String, Object> editRule(String packId, String version, OverlayEditor.RuleEdit edit) {
        PackVersionRow d = draft(packId, version);
        String before = d.sha256;
        Map<String, Object> was = ruleIn(d, edit.region(), edit.rule());
        PackArchive next;
        try {
            next = OverlayEditor.of(archive(d)).apply(edit).archive();
        } catch (InvalidEditException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        replace(d, next);
        Map<String, Object> now = ruleIn(d, edit.region(), edit.rule());
        audit.record("pack.draft.rule", "pack_version", d.label(), Map.of("region", edit.region(), "rule", edit.rule(), "settings", settings(was), "sha256", before),
                Map.of("region", edit.region(), "rule", edit.rule(), "edit", edit, "settings", settings(now), "sha256", d.sha256));
        return now;
    }

    private Map<String, Object> ruleIn(PackVersionRow d, String region, String rule) {
        if (region == null || region.isBlank()) throw ProblemException.badRequest("region: required");
        Map<String, Object> set = effectiveRules(d.packId, d.version, region);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) set.get("rules");
        return rules.stream().filter(r -> r.get("id").equals(rule)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("no rule " + rule + " in " + d.label()));
    }

    private static Map<String, Object> settings(Map<String, Object> rule) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : List.of("enabled", "params", "severity", "points", "veto", "departments", "origins")) m.put(k, rule.get(k));
        return m;
    }

    /** Adds a region overlay (a hospital under its province) to a draft. */
    public Map<String, Object> addRegion(String packId, String version, OverlayEditor.NewRegion region) {
        PackVersionRow d = draft(packId, version);
        if (region.parent() == null || region.parent().isBlank()) throw ProblemException.badRequest("parent: required (the region the new one inherits from, e.g. CN-GD)");
        PackArchive next;
        try {
            next = OverlayEditor.of(archive(d)).addRegion(region).archive();
        } catch (InvalidEditException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        replace(d, next);
        audit.record("pack.draft.region", "pack_version", d.label(), null, Map.of("region", region, "sha256", d.sha256));
        return regions(packId, version).stream().filter(m -> region.code().equalsIgnoreCase((String) m.get("code"))).findFirst().orElseThrow();
    }

    /** Replaces a knowledge table of a draft with an uploaded CSV or XLSX (checked against the table's columns). */
    public Map<String, Object> putKnowledge(String packId, String version, String table, byte[] body, boolean xlsx) {
        PackVersionRow d = draft(packId, version);
        PackArchive before = archive(d);
        KnowledgeUpload.Result r = KnowledgeUpload.replace(before, pack(d), table, body, xlsx);
        replace(d, r.archive());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("table", table);
        out.put("file", r.file());
        out.put("rowsBefore", r.rowsBefore());
        out.put("rows", r.rows());
        out.put("columns", r.columns());
        out.put("sha256", d.sha256);
        audit.record("pack.draft.knowledge", "pack_version", d.label(), Map.of("table", table, "sha256", before.sha256()),
                Map.of("table", table, "file", r.file(), "rows", r.rows(), "format", xlsx ? "xlsx" : "csv", "sha256", d.sha256));
        return out;
    }

    /** Simple rules from a spreadsheet (CSV or XLSX) into a draft, as rules/sheet-NAME.yaml. */
    public Map<String, Object> putRuleSheet(String packId, String version, String name, byte[] body, boolean xlsx) {
        PackVersionRow d = draft(packId, version);
        PackArchive before = archive(d);
        RuleSheetUpload.Result r = RuleSheetUpload.put(before, pack(d), name, body, xlsx);
        replace(d, r.archive());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", r.file());
        out.put("rules", r.ids());
        out.put("sha256", d.sha256);
        audit.record("pack.draft.rule-sheet", "pack_version", d.label(), Map.of("sha256", before.sha256()),
                Map.of("file", r.file(), "rules", r.ids(), "format", xlsx ? "xlsx" : "csv", "sha256", d.sha256));
        return out;
    }

    public void deleteDraft(String packId, String version) {
        PackVersionRow d = draft(packId, version);
        audit.record("pack.draft.delete", "pack_version", d.label(), Map.of("sha256", d.sha256, "parent", String.valueOf(d.parentVersion)), null);
        d.delete();
    }

    // ------------------------------------------------------------------------------------------------ validation

    private PackValidator validator() { return new PackValidator(QcEngine::stage); }

    /** Validates a version (load, metadata, parameters, DRL of every region, fixtures) and stores the report. */
    public ValidationReport validate(String packId, String version) {
        PackVersionRow r = rowForUpdate(packId, version);
        ValidationReport report = validator().validate(archive(r));
        r.validation = json.valueToTree(report);
        audit.record("pack.validate", "pack_version", r.label(), null, Map.of("ok", report.ok(), "problems", report.problems().size(), "sha256", r.sha256));
        return report;
    }

    /** Publishes a draft: validated (refused with the problems when invalid), numbered, its diff stored; immutable after. */
    public PackVersionRow publish(String packId, String version, String newVersion, String note) {
        PackVersionRow d = draft(packId, version);
        String target = newVersion == null || newVersion.isBlank() ? d.version : newVersion.strip();
        if (!VERSION.matcher(target).matches()) throw ProblemException.badRequest("version: '" + target + "' is not a version such as 2026.11.1");
        if (!target.equals(d.version) && PackVersionRow.of(packId, target).isPresent()) {
            throw ProblemException.conflict("version: " + packId + "@" + target + " exists already");
        }
        PackArchive archive = archive(d);
        if (!target.equals(d.version)) archive = withVersion(archive, target);
        ValidationReport report = validator().validate(archive);
        if (!report.ok()) {
            QuarkusTransaction.requiringNew().run(() -> audit.record("pack.publish.refused", "pack_version", packId + "@" + version, null,
                    Map.of("problems", report.problems().stream().map(Problem::toString).toList())));
            throw invalid(packId + "@" + target + " cannot be published", report);
        }
        Optional<PackVersionRow> previous = PackVersionRow.<PackVersionRow>find("packId = ?1 and status = 'published' order by publishedAt desc, id desc", packId)
                .firstResultOptional();
        d.version = target;
        replace(d, archive);
        d.validation = json.valueToTree(report);
        if (previous.isPresent()) {
            PackDiff diff = PackDiff.between(archive(previous.get()), archive);
            d.diff = json.valueToTree(diff);
        }
        if (note != null && !note.isBlank()) d.note = note.strip();
        d.status = PackVersionRow.PUBLISHED;
        d.publishedBy = current.username();
        d.publishedAt = Instant.now();
        audit.record("pack.publish", "pack_version", d.label(), Map.of("draft", packId + "@" + version),
                Map.of("sha256", d.sha256, "previous", previous.map(PackVersionRow::label).orElse("(none)"), "rules", report.rules()));
        return d;
    }

    static ProblemException invalid(String what, ValidationReport report) {
        String first = report.problems().stream().limit(3).map(Problem::toString).reduce((a, b) -> a + "; " + b).orElse("");
        int more = report.problems().size() - 3;
        return new ProblemException(422, "Unprocessable Entity", what + ": " + report.problems().size() + " problem(s): " + first
                + (more > 0 ? "; and " + more + " more" : ""))
                .with("problems", report.problems()).with("validation", report);
    }

    /** The stored diff of a published version; for a draft, computed now against its parent. */
    public JsonNode diff(String packId, String version) {
        PackVersionRow r = row(packId, version);
        if (r.published()) {
            if (r.diff == null) throw ProblemException.notFound(r.label() + " has no diff (it is the first published version of " + packId + ")");
            return r.diff;
        }
        if (r.parentVersion == null) throw ProblemException.notFound(r.label() + " has no parent version to compare with");
        return json.valueToTree(PackDiff.between(archive(row(packId, r.parentVersion)), archive(r)));
    }

    // ------------------------------------------------------------------------------------------------ import / export

    public byte[] export(String packId, String version) {
        PackVersionRow r = row(packId, version);
        audit.record("pack.export", "pack_version", r.label(), null, Map.of("sha256", r.sha256));
        return r.archive;
    }

    /** A zip → a validated draft; an invalid or unreadable pack is rejected with the reasons and nothing is stored. */
    public PackVersionRow importZip(byte[] zip, String version, String note) {
        PackArchive archive;
        try {
            archive = PackArchive.read(zip);
        } catch (PackException e) {
            rejected("(unreadable archive)", List.of(Problem.parse(e.getMessage(), "archive")));
            throw new ProblemException(422, "Unprocessable Entity", "the archive is refused: " + e.getMessage())
                    .with("problems", List.of(Problem.parse(e.getMessage(), "archive")));
        }
        if (version != null && !version.isBlank()) {
            if (!VERSION.matcher(version.strip()).matches()) throw ProblemException.badRequest("version: '" + version + "' is not a version such as 2026.11.1");
            if (archive.has("pack.yaml")) archive = withVersion(archive, version.strip());
        }
        ValidationReport report = validator().validate(archive);
        if (!report.ok()) {
            rejected(report.pack() == null ? "(pack did not load)" : report.pack(), report.problems());
            throw invalid("the pack is refused", report);
        }
        RulePack p = PackLoader.load(archive.source());
        Optional<PackVersionRow> same = PackVersionRow.of(p.id(), p.version());
        if (same.isPresent()) {
            throw ProblemException.conflict(p.label() + " exists already (" + same.get().status + (same.get().sha256.equals(archive.sha256()) ? ", same content" : ", other content")
                    + "): give the pack another version in pack.yaml or pass ?version=");
        }
        PackVersionRow d = new PackVersionRow();
        d.packId = p.id();
        d.version = p.version();
        d.status = PackVersionRow.DRAFT;
        d.archive = archive.zip();
        d.sha256 = archive.sha256();
        d.parentVersion = PackActivationRow.current(p.id()).map(a -> a.version).orElse(null);
        d.validation = json.valueToTree(report);
        d.note = note == null || note.isBlank() ? "imported" : note.strip();
        d.createdBy = current.username();
        d.createdAt = Instant.now();
        d.persist();
        audit.record("pack.import", "pack_version", d.label(), null, Map.of("sha256", d.sha256, "files", archive.files().size(), "rules", report.rules()));
        return d;
    }

    private void rejected(String label, List<Problem> problems) {
        QuarkusTransaction.requiringNew().run(() -> audit.record("pack.import.refused", "pack_version", label, null,
                Map.of("problems", problems.stream().map(Problem::toString).toList())));
    }

    // ------------------------------------------------------------------------------------------------ activation

    /**
     * Puts a published version in force: compiled and swapped atomically in this console's engine, then (with Kafka
     * configured) published to emrqc.packs.v1 for the stream processors; when that fails the console goes back to the
     * version it served and nothing is recorded. Activating an earlier version is the rollback.
     */
    public Map<String, Object> activate(String packId, String version) {
        PackVersionRow r = row(packId, version);
        if (!r.published()) throw ProblemException.conflict(r.label() + " is a draft: publish it before activating it");
        Optional<PackActivationRow> previous = PackStore.latestActivation();
        RulePack before = engine.pack();
        RulePack next = pack(r);
        try {
            engine.activate(next);
        } catch (RuntimeException e) {
            throw new ProblemException(422, "Unprocessable Entity", r.label() + " cannot be put in force: " + e.getMessage() + " — " + before.label() + " keeps serving");
        }
        Map<String, Object> kafka = null;
        Optional<String> bootstrap = config.kafka().bootstrap();
        if (bootstrap.isPresent()) {
            try {
                PackPublisher.Published p = PackPublisher.publish(bootstrap.get(), r.packId, r.version, r.archive, current.username());
                kafka = new LinkedHashMap<>();
                kafka.put("topic", org.emrqc.kafka.Topics.PACKS);
                kafka.put("partition", p.partition());
                kafka.put("offset", p.offset());
                kafka.put("bytes", p.bytes());
            } catch (RuntimeException e) {
                engine.activate(before);
                LOG.errorf("activating %s: publishing to %s failed: %s", r.label(), org.emrqc.kafka.Topics.PACKS, e.getMessage());
                throw new ProblemException(502, "Bad Gateway", "the stream processors could not be told: " + e.getMessage()
                        + " — nothing changed, " + before.label() + " keeps serving");
            }
        }
        PackActivationRow a = new PackActivationRow();
        a.packId = r.packId;
        a.version = r.version;
        a.activatedBy = current.username();
        a.at = Instant.now();
        a.previousVersion = previous.map(p -> p.packId.equals(r.packId) ? p.version : p.packId + "@" + p.version).orElse(null);
        a.persist();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", r.label());
        after.put("sha256", r.sha256);
        if (kafka != null) after.put("kafka", kafka);
        audit.record("pack.activate", "pack_version", r.label(), previous.map(p -> Map.<String, Object>of("version", p.packId + "@" + p.version)).orElse(null), after);
        Map<String, Object> out = activationView(a);
        out.put("serving", engine.packLabel());
        out.put("kafka", kafka);
        return out;
    }

    /** The snapshot a shadow run compares against the one in force. */
    public CheckerRegistry.Snapshot candidate(String packId, String version) {
        return engine.candidate(pack(row(packId, version)));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The next free patch version after {@code base} (2026.11.0 → 2026.11.1, or the first free one above). */
    String nextVersion(String packId, String base) {
        Matcher m = NUMERIC.matcher(base);
        if (m.lookingAt()) {
            long major = Long.parseLong(m.group(1));
            long minor = Long.parseLong(m.group(2));
            long patch = Long.parseLong(m.group(3));
            for (long p = patch + 1; p < patch + 10_000; p++) {
                String v = major + "." + minor + "." + p;
                if (PackVersionRow.of(packId, v).isEmpty()) return v;
            }
        }
        for (int n = 1; ; n++) {
            String v = base + "-draft." + n;
            if (PackVersionRow.of(packId, v).isEmpty()) return v;
        }
    }

    /** The archive with pack.yaml's version set (the rest of the manifest, comments included, unchanged). */
    static PackArchive withVersion(PackArchive archive, String version) {
        String manifest = archive.text("pack.yaml");
        if (manifest == null) throw ProblemException.badRequest("the pack has no pack.yaml");
        Matcher m = MANIFEST_VERSION.matcher(manifest);
        if (!m.find()) throw ProblemException.badRequest("pack.yaml: no 'version:' line to set");
        String updated = manifest.substring(0, m.start()) + m.group(1) + m.group(2) + version + m.group(2) + manifest.substring(m.end());
        return archive.with("pack.yaml", updated);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
