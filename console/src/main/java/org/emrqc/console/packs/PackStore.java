package org.emrqc.console.packs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.emrqc.console.audit.AuditLog;
import org.emrqc.console.config.ConsoleConfig;
import org.emrqc.console.store.PackActivationRow;
import org.emrqc.console.store.PackVersionRow;
import org.emrqc.rules.admin.PackArchive;
import org.emrqc.rules.pack.PackLoader;
import org.emrqc.rules.pack.PackSource;
import org.emrqc.rules.pack.RulePack;
import org.jboss.logging.Logger;

/**
 * The stored pack versions at start: on the first start the shipped pack (the core pack on the classpath, or
 * {@code emrqc.console.pack.dir}) is stored as a published version and activated; later starts put the last
 * activated version back in force. A shipped version not seen before (an upgrade of emrqc) is stored as published
 * but not activated: an admin decides when it goes into force.
 */
@ApplicationScoped
public class PackStore {
    private static final Logger LOG = Logger.getLogger(PackStore.class);

    @Inject
    ConsoleConfig config;
    @Inject
    AuditLog audit;

    /** The shipped pack as an archive. */
    public PackArchive shipped() {
        return config.pack().dir().map(d -> PackArchive.of(Path.of(d))).orElseGet(() -> PackArchive.of(PackSource.classpath("emrqc/packs/core")));
    }

    /** Seeds the shipped version when needed and returns the version to put in force. */
    @Transactional
    public RulePack startupPack() {
        PackArchive shipped = shipped();
        RulePack shippedPack = PackLoader.load(shipped.source());
        Optional<PackVersionRow> same = PackVersionRow.of(shippedPack.id(), shippedPack.version());
        boolean first = PackActivationRow.count() == 0;
        if (same.isEmpty()) {
            PackVersionRow row = new PackVersionRow();
            row.packId = shippedPack.id();
            row.version = shippedPack.version();
            row.status = PackVersionRow.PUBLISHED;
            row.archive = shipped.zip();
            row.sha256 = shipped.sha256();
            row.note = "shipped with emrqc (" + shipped.describe() + ")";
            row.createdBy = "system";
            row.createdAt = Instant.now();
            row.publishedBy = "system";
            row.publishedAt = row.createdAt;
            row.persist();
            audit.system("pack.seed", "pack_version", row.label(), null, Map.of("sha256", row.sha256, "status", row.status));
            LOG.infof("rule pack %s stored as a published version (%s)", row.label(), shipped.describe());
        } else if (!same.get().sha256.equals(shipped.sha256())) {
            LOG.warnf("the shipped rule pack %s differs from the stored version of the same number (sha256 %s, stored %s): the stored one is kept;"
                    + " give the shipped pack a new version to store it", shippedPack.label(), shipped.sha256(), same.get().sha256);
        }
        if (first) {
            PackActivationRow a = new PackActivationRow();
            a.packId = shippedPack.id();
            a.version = shippedPack.version();
            a.activatedBy = "system";
            a.at = Instant.now();
            a.persist();
            audit.system("pack.activate", "pack_version", shippedPack.label(), null, Map.of("reason", "first start"));
            return shippedPack;
        }
        PackActivationRow active = latestActivation().orElseThrow();
        if (active.packId.equals(shippedPack.id()) && active.version.equals(shippedPack.version()) && same.map(r -> r.sha256.equals(shipped.sha256())).orElse(true)) {
            return shippedPack;
        }
        PackVersionRow row = PackVersionRow.of(active.packId, active.version).orElseThrow();
        try {
            return PackLoader.load(PackArchive.read(row.archive).source());
        } catch (RuntimeException e) {
            LOG.errorf("the active rule pack %s cannot be loaded (%s): serving the shipped %s instead until an admin activates a version",
                    row.label(), e.getMessage(), shippedPack.label());
            return shippedPack;
        }
    }

    /** The activation in force: the latest of all packs (the console serves one pack at a time). */
    public static Optional<PackActivationRow> latestActivation() {
        return PackActivationRow.find("order by at desc, id desc").firstResultOptional();
    }
}
