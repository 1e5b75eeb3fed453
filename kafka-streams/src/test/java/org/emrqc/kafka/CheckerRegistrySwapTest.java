package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.emrqc.extractor.NarrativeStage;
import org.emrqc.extractor.offline.OfflineExtractor;
import org.emrqc.extractor.terminology.TsvTerminology;
import org.emrqc.fhir.FhirContexts;
import org.emrqc.fhir.QcCodeSystems;
import org.emrqc.rules.pack.PackException;
import org.emrqc.rules.pack.RulePack;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swapping the pack version of a running registry: atomic, whole records on one version, bad versions refused. */
class CheckerRegistrySwapTest {
    @TempDir
    Path dir;

    private static final NarrativeStage STAGE = new NarrativeStage(new OfflineExtractor(), TsvTerminology.shipped());

    private static CheckerRegistry registry() { return new CheckerRegistry(Pipelines.pack(), STAGE::apply, ZoneOffset.UTC, 8L * 1024 * 1024); }

    /** Every label a findings message carries: the header, the bundle's tag, each DetectedIssue's pack extension. */
    static Set<String> labels(byte[] json, String header) {
        Set<String> out = new HashSet<>();
        out.add(header);
        Bundle b = FhirContexts.r4().newJsonParser().parseResource(Bundle.class, new String(json, StandardCharsets.UTF_8));
        for (Coding tag : b.getMeta().getTag()) if ("https://emrqc.org/fhir/CodeSystem/qc-rule-pack".equals(tag.getSystem())) out.add(tag.getCode());
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            if (e.getResource() instanceof DetectedIssue di) out.add(((StringType) di.getExtensionByUrl(QcCodeSystems.EXT_PACK).getValue()).getValue());
        }
        return out;
    }

    private static int issues(byte[] json) {
        Bundle b = FhirContexts.r4().newJsonParser().parseResource(Bundle.class, new String(json, StandardCharsets.UTF_8));
        return (int) b.getEntry().stream().filter(e -> e.getResource() instanceof DetectedIssue).count();
    }

    @Test
    void swapPutsTheNewVersionInForceAtOnceAndCompilesTheRegionsInUseFirst() throws Exception {
        CheckerRegistry r = registry();
        RulePack next = PackVersions.load(PackVersions.nextVersion(dir.resolve("next"), "2099.1.0"));
        CheckerRegistry.Snapshot before = r.snapshot();
        before.forRegion("CN");
        before.forRegion("US");
        CheckerRegistry.Snapshot after = r.swap(next, "base");
        assertEquals("core@2099.1.0", r.packLabel());
        assertEquals(Set.of("CN", "US", "base"), after.regions(), "the new version is compiled for the regions in use before it is in force");
        assertEquals(before.generation() + 1, after.generation());
        assertEquals(Pipelines.pack().label(), before.packLabel(), "a snapshot taken before the swap stays on its version");
        assertNotSame(before.forRegion("CN"), after.forRegion("CN"));
        assertEquals("core@2099.1.0", after.forRegion("CN").base().ruleSet().pack().label());
        assertEquals(9, ((Number) after.forRegion("CN").base().ruleSet().rules().get("INC-FPN-MISSING").params().get("minStayHours")).intValue());
    }

    @Test
    void aVersionThatDoesNotCompileIsRefusedAndTheActiveOneStays() throws Exception {
        CheckerRegistry r = registry();
        CheckerRegistry.Snapshot before = r.snapshot();
        before.forRegion("CN");
        RulePack broken = PackVersions.load(PackVersions.brokenVersion(dir.resolve("broken"), "2099.2.0"));
        PackException e = assertThrows(PackException.class, () -> r.swap(broken, "CN"));
        assertTrue(e.getMessage().contains("patient-field-missing"), e.getMessage());
        assertEquals(Pipelines.pack().label(), r.packLabel());
        assertEquals(before, r.snapshot());
    }

    @Test
    void aRecordBeingCheckedDuringASwapIsWhollyOnTheVersionItStartedWith() throws Exception {
        RulePack next = PackVersions.load(PackVersions.nextVersion(dir.resolve("next"), "2099.1.0"));
        AtomicBoolean swapped = new AtomicBoolean();
        CheckerRegistry[] holder = new CheckerRegistry[1];
        // the structuring stage runs in the middle of a record's check: the swap happens right there
        CheckerRegistry r = new CheckerRegistry(Pipelines.pack(), record -> {
            STAGE.apply(record);
            if (swapped.compareAndSet(false, true)) holder[0].swap(next, "CN");
        }, ZoneOffset.UTC, 8L * 1024 * 1024);
        holder[0] = r;
        MessageCheck check = new MessageCheck(r, "CN");
        byte[] cn = Pipelines.sample("cn/cn-inpatient-appendicitis-late-admission-record.json");
        MessageCheck.Result first = check.check(cn, new RecordHeaders(), 1_800_000_000_000L, "t/0/0");
        assertTrue(swapped.get());
        assertFalse(first.deadLetter());
        assertTrue(issues(first.value()) > 0, "the sample has findings");
        String old = Pipelines.pack().label();
        assertEquals(Set.of(old), labels(first.value(), header(first, Topics.HEADER_RULE_PACK)), "the record started on " + old);
        MessageCheck.Result second = check.check(cn, new RecordHeaders(), 1_800_000_000_000L, "t/0/1");
        assertEquals(Set.of("core@2099.1.0"), labels(second.value(), header(second, Topics.HEADER_RULE_PACK)));
    }

    @Test
    void theTopologyStampsRecordsBeforeTheSwapWithTheOldVersionAndAfterWithTheNew() throws Exception {
        CheckerRegistry r = registry();
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "emrqc-swap-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        byte[] us = Pipelines.sample("us/us-inpatient-chest-pain-allergy-and-vitals.json");
        try (TopologyTestDriver driver = new TopologyTestDriver(QcTopology.build(r, "US"), p)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(Topics.RECORDS, new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic(Topics.FINDINGS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            for (int i = 0; i < 3; i++) in.pipeInput(("k" + i).getBytes(StandardCharsets.UTF_8), us);
            r.swap(PackVersions.load(PackVersions.nextVersion(dir.resolve("next"), "2099.1.0")), "US");
            for (int i = 3; i < 6; i++) in.pipeInput(("k" + i).getBytes(StandardCharsets.UTF_8), us);
            List<String> seen = new ArrayList<>();
            for (TestRecord<byte[], byte[]> rec : out.readRecordsToList()) {
                Set<String> l = labels(rec.value(), new String(rec.headers().lastHeader(Topics.HEADER_RULE_PACK).value(), StandardCharsets.UTF_8));
                assertEquals(1, l.size(), "one version per record: " + l);
                seen.add(l.iterator().next());
            }
            String old = Pipelines.pack().label();
            assertEquals(List.of(old, old, old, "core@2099.1.0", "core@2099.1.0", "core@2099.1.0"), seen);
        }
    }

    @Test
    void replacedVersionsAreNotKeptOnceNothingUsesThem() throws Exception {
        CheckerRegistry r = registry();
        r.forRegion("US");
        for (int i = 1; i <= 3; i++) r.swap(PackVersions.load(PackVersions.nextVersion(dir.resolve("v" + i), "2099.1." + i)), "US");
        long deadline = System.currentTimeMillis() + 20_000;
        while (r.retiredAlive() > 0 && System.currentTimeMillis() < deadline) {
            System.gc();
            Thread.sleep(100);
        }
        assertEquals(0, r.retiredAlive(), "the three replaced versions (and their KieBases) are garbage");
    }

    private static String header(MessageCheck.Result r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
