package org.emrqc.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/k8s: every overlay renders with `kubectl kustomize`, every object it produces validates against the
 * schema of its kind in deploy/k8s/schemas, and the objects agree with each other (replicas and partitions,
 * replication and brokers, references, selectors, heap and memory).
 */
class ManifestsTest {
    /** The stream processor's instances that can get work: the input topics' partitions. */
    private static final String STREAM = "emrqc-stream";
    private static final List<String> STREAM_INPUT_TOPICS = List.of("emrqc.records.v1", "emrqc.records.structured.v1");
    /** Secrets the workloads may name without the overlay defining them: created by an operator or by hand (README). */
    private static final Set<String> EXTERNAL_SECRETS = Set.of("emrqc-console", "emrqc-llm", "emrqc-console-tls");

    private final Manifests manifests = Manifests.create();

    static List<String> overlays() throws Exception { return Manifests.overlays(); }

    @Test
    void thereAreDevAndProdOverlays() throws Exception {
        assertTrue(overlays().containsAll(List.of("dev", "prod")), "overlays: " + overlays());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyObjectMatchesTheSchemaOfItsKind(String overlay) throws Exception {
        List<JsonNode> objects = Manifests.render(overlay);
        assertFalse(objects.isEmpty(), overlay + " renders nothing");
        List<String> problems = new ArrayList<>();
        for (JsonNode o : objects) problems.addAll(manifests.violations(o));
        assertEquals(List.of(), problems, overlay + ": objects that do not match their schema:\n  " + String.join("\n  ", problems));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theObjectsAgreeWithEachOther(String overlay) throws Exception {
        List<JsonNode> objects = Manifests.render(overlay);
        List<String> problems = new ArrayList<>();
        streamInstancesAtMostPartitions(objects, problems);
        replicationWithinBrokers(objects, problems);
        referencesResolve(objects, problems);
        selectorsMatchPods(objects, problems);
        probesUseDeclaredPorts(objects, problems);
        heapFitsTheMemoryLimit(objects, problems);
        everythingInOneNamespace(objects, problems);
        assertEquals(List.of(), problems, overlay + ":\n  " + String.join("\n  ", problems));
    }

    /** The schemas catch the mistakes they are there for, and say where. */
    @Test
    void theSchemasReportKindNameAndPathOfEachMistake() throws Exception {
        JsonNode good = Manifests.find(Manifests.render("dev"), "StatefulSet", STREAM).orElseThrow();
        assertEquals(List.of(), manifests.violations(good));

        ObjectNode noImage = good.deepCopy();
        container(noImage).remove("image");
        assertViolation(noImage, "StatefulSet/emrqc-stream: $.spec.template.spec.containers[0]", "image");

        ObjectNode portAsDigits = good.deepCopy();
        ((ObjectNode) container(portAsDigits).path("readinessProbe").path("httpGet")).put("port", "8081");
        assertViolation(portAsDigits, "$.spec.template.spec.containers[0].readinessProbe.httpGet.port", "");

        ObjectNode misspelled = good.deepCopy();
        container(misspelled).set("readinesProbe", container(misspelled).remove("readinessProbe"));
        assertViolation(misspelled, "$.spec.template.spec.containers[0]", "readinesProbe");

        ObjectNode noLimits = good.deepCopy();
        ((ObjectNode) container(noLimits).path("resources")).remove("limits");
        assertViolation(noLimits, "$.spec.template.spec.containers[0].resources", "limits");

        ObjectNode badMemory = good.deepCopy();
        ((ObjectNode) container(badMemory).path("resources").path("limits")).put("memory", "2GB");
        assertViolation(badMemory, "$.spec.template.spec.containers[0].resources.limits.memory", "");

        ObjectNode numericEnv = good.deepCopy();
        ((ObjectNode) container(numericEnv).path("env").get(1)).put("value", 1);
        assertViolation(numericEnv, "$.spec.template.spec.containers[0].env[1].value", "");

        JsonNode topic = Manifests.find(Manifests.render("dev"), "KafkaTopic", "emrqc.records.v1").orElseThrow();
        ObjectNode topicTypo = topic.deepCopy();
        ((ObjectNode) topicTypo.path("spec")).set("partition", topicTypo.path("spec").path("partitions"));
        ((ObjectNode) topicTypo.path("spec")).remove("partitions");
        assertViolation(topicTypo, "KafkaTopic/emrqc.records.v1: $.spec", "partition");

        ObjectNode unknownKind = good.deepCopy();
        unknownKind.put("kind", "DaemonSet");
        assertViolation(unknownKind, "DaemonSet/emrqc-stream: no schema", "apps_v1_DaemonSet.json");
    }

    private static ObjectNode container(ObjectNode workload) {
        return (ObjectNode) workload.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private void assertViolation(JsonNode o, String where, String mentioning) {
        List<String> v = manifests.violations(o);
        assertTrue(v.stream().anyMatch(m -> m.contains(where) && m.contains(mentioning)),
                "expected a violation at " + where + " mentioning '" + mentioning + "', got " + v);
    }

    // ---- consistency checks

    private static void streamInstancesAtMostPartitions(List<JsonNode> objects, List<String> problems) {
        JsonNode sts = Manifests.find(objects, "StatefulSet", STREAM).orElse(null);
        if (sts == null) {
            problems.add("no StatefulSet " + STREAM);
            return;
        }
        int replicas = sts.path("spec").path("replicas").asInt();
        for (String t : STREAM_INPUT_TOPICS) {
            JsonNode topic = Manifests.find(objects, "KafkaTopic", t).orElse(null);
            if (topic == null) {
                problems.add("no KafkaTopic " + t);
                continue;
            }
            int partitions = topic.path("spec").path("partitions").asInt();
            if (replicas > partitions) {
                problems.add("StatefulSet/" + STREAM + ": " + replicas + " replicas but " + t + " has " + partitions
                        + " partitions (instances beyond the partitions get no work)");
            }
        }
    }

    private static void replicationWithinBrokers(List<JsonNode> objects, List<String> problems) {
        int brokers = 0;
        int controllers = 0;
        for (JsonNode pool : Manifests.ofKind(objects, "KafkaNodePool")) {
            Set<String> roles = new HashSet<>();
            pool.path("spec").path("roles").forEach(r -> roles.add(r.asText()));
            int n = pool.path("spec").path("replicas").asInt();
            if (roles.contains("broker")) brokers += n;
            if (roles.contains("controller")) controllers += n;
        }
        if (brokers == 0 || controllers == 0) problems.add("KafkaNodePools give " + brokers + " brokers and " + controllers + " controllers");
        if (controllers % 2 == 0) problems.add(controllers + " KRaft controllers: use an odd number (a quorum of 2 survives no loss)");
        for (JsonNode topic : Manifests.ofKind(objects, "KafkaTopic")) {
            int rf = topic.path("spec").path("replicas").asInt();
            int isr = topic.path("spec").path("config").path("min.insync.replicas").asInt(1);
            if (rf > brokers) problems.add(Manifests.id(topic) + ": replicas " + rf + " > " + brokers + " brokers");
            if (isr > rf) problems.add(Manifests.id(topic) + ": min.insync.replicas " + isr + " > replicas " + rf + " (no write would succeed)");
        }
        for (JsonNode kafka : Manifests.ofKind(objects, "Kafka")) {
            JsonNode cfg = kafka.path("spec").path("kafka").path("config");
            for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor", "transaction.state.log.replication.factor")) {
                if (cfg.has(key) && cfg.path(key).asInt() > brokers) problems.add(Manifests.id(kafka) + ": " + key + " " + cfg.path(key).asInt() + " > " + brokers + " brokers");
            }
            if (cfg.path("transaction.state.log.min.isr").asInt(1) > cfg.path("transaction.state.log.replication.factor").asInt(3)) {
                problems.add(Manifests.id(kafka) + ": transaction.state.log.min.isr above its replication factor (exactly-once stalls)");
            }
        }
    }

    /** ConfigMaps and Secrets named by workloads exist (hash-suffixed names included), except the known external Secrets. */
    private static void referencesResolve(List<JsonNode> objects, List<String> problems) {
        Set<String> configMaps = names(objects, "ConfigMap");
        Set<String> secrets = names(objects, "Secret");
        for (JsonNode db : Manifests.ofKind(objects, "Cluster")) secrets.add(db.path("metadata").path("name").asText() + "-app");
        // Strimzi creates the cluster CA's certificate Secret of each Kafka
        for (JsonNode k : Manifests.ofKind(objects, "Kafka")) secrets.add(k.path("metadata").path("name").asText() + "-cluster-ca-cert");
        for (JsonNode w : workloads(objects)) {
            JsonNode pod = w.path("spec").path("template").path("spec");
            for (JsonNode c : pod.path("containers")) {
                for (JsonNode e : c.path("env")) {
                    JsonNode from = e.path("valueFrom");
                    check(w, "ConfigMap", from.path("configMapKeyRef"), configMaps, problems);
                    check(w, "Secret", from.path("secretKeyRef"), secrets, problems);
                }
                for (JsonNode e : c.path("envFrom")) {
                    check(w, "ConfigMap", e.path("configMapRef"), configMaps, problems);
                    check(w, "Secret", e.path("secretRef"), secrets, problems);
                }
            }
            Set<String> volumes = new HashSet<>();
            pod.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
            w.path("spec").path("volumeClaimTemplates").forEach(v -> volumes.add(v.path("metadata").path("name").asText()));
            for (JsonNode c : pod.path("containers")) {
                for (JsonNode m : c.path("volumeMounts")) {
                    if (!volumes.contains(m.path("name").asText())) problems.add(Manifests.id(w) + ": mounts volume " + m.path("name").asText() + ", which it does not declare");
                }
            }
        }
        for (JsonNode ing : Manifests.ofKind(objects, "Ingress")) {
            for (JsonNode rule : ing.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String svc = path.path("backend").path("service").path("name").asText();
                    JsonNode service = Manifests.find(objects, "Service", svc).orElse(null);
                    if (service == null) {
                        problems.add(Manifests.id(ing) + ": backend service " + svc + " does not exist");
                        continue;
                    }
                    JsonNode port = path.path("backend").path("service").path("port");
                    boolean found = false;
                    for (JsonNode p : service.path("spec").path("ports")) {
                        if (port.has("name") ? port.path("name").asText().equals(p.path("name").asText()) : port.path("number").asInt() == p.path("port").asInt()) found = true;
                    }
                    if (!found) problems.add(Manifests.id(ing) + ": service " + svc + " has no port " + port);
                }
            }
        }
        for (JsonNode sts : Manifests.ofKind(objects, "StatefulSet")) {
            String svc = sts.path("spec").path("serviceName").asText();
            JsonNode service = Manifests.find(objects, "Service", svc).orElse(null);
            if (service == null || !"None".equals(service.path("spec").path("clusterIP").asText())) {
                problems.add(Manifests.id(sts) + ": serviceName " + svc + " is not a headless Service");
            }
        }
    }

    private static void check(JsonNode w, String kind, JsonNode ref, Set<String> defined, List<String> problems) {
        if (ref.isMissingNode()) return;
        String name = ref.path("name").asText();
        if (defined.contains(name) || ref.path("optional").asBoolean(false)) return;
        if ("Secret".equals(kind) && EXTERNAL_SECRETS.contains(name)) return;
        problems.add(Manifests.id(w) + ": " + kind + " " + name + " is neither defined nor known to be created outside the overlay");
    }

    /** Workload selectors match their pod labels; Service and PodDisruptionBudget selectors match some workload's pods. */
    private static void selectorsMatchPods(List<JsonNode> objects, List<String> problems) {
        List<JsonNode> workloads = workloads(objects);
        for (JsonNode w : workloads) {
            if (!matches(w.path("spec").path("selector").path("matchLabels"), podLabels(w))) {
                problems.add(Manifests.id(w) + ": spec.selector does not match its pod template's labels");
            }
        }
        for (JsonNode svc : Manifests.ofKind(objects, "Service")) {
            if (workloads.stream().noneMatch(w -> matches(svc.path("spec").path("selector"), podLabels(w)))) {
                problems.add(Manifests.id(svc) + ": selector matches no workload's pods");
            }
        }
        for (JsonNode pdb : Manifests.ofKind(objects, "PodDisruptionBudget")) {
            List<JsonNode> matched = workloads.stream().filter(w -> matches(pdb.path("spec").path("selector").path("matchLabels"), podLabels(w))).toList();
            if (matched.isEmpty()) problems.add(Manifests.id(pdb) + ": selector matches no workload's pods");
            for (JsonNode w : matched) {
                JsonNode min = pdb.path("spec").path("minAvailable");
                if (min.isInt() && min.asInt() >= w.path("spec").path("replicas").asInt()) {
                    problems.add(Manifests.id(pdb) + ": minAvailable " + min.asInt() + " with " + w.path("spec").path("replicas").asInt() + " replicas of " + Manifests.id(w) + " blocks every eviction");
                }
            }
        }
    }

    /** A probe port given by name names a port of its container; a Service targetPort name exists on the pods. */
    private static void probesUseDeclaredPorts(List<JsonNode> objects, List<String> problems) {
        for (JsonNode w : workloads(objects)) {
            for (JsonNode c : w.path("spec").path("template").path("spec").path("containers")) {
                Set<String> names = new HashSet<>();
                Set<Integer> numbers = new HashSet<>();
                c.path("ports").forEach(p -> {
                    names.add(p.path("name").asText());
                    numbers.add(p.path("containerPort").asInt());
                });
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    JsonNode port = c.path(probe).path("httpGet").path("port");
                    if (port.isMissingNode()) port = c.path(probe).path("tcpSocket").path("port");
                    if (port.isMissingNode()) continue;
                    if (port.isTextual() ? !names.contains(port.asText()) : !numbers.contains(port.asInt())) {
                        problems.add(Manifests.id(w) + ": " + c.path("name").asText() + "." + probe + " uses port " + port + ", which the container does not declare");
                    }
                }
            }
        }
        for (JsonNode svc : Manifests.ofKind(objects, "Service")) {
            for (JsonNode p : svc.path("spec").path("ports")) {
                JsonNode target = p.path("targetPort");
                if (!target.isTextual()) continue;
                boolean found = workloads(objects).stream()
                        .filter(w -> matches(svc.path("spec").path("selector"), podLabels(w)))
                        .flatMap(w -> stream(w.path("spec").path("template").path("spec").path("containers")))
                        .flatMap(c -> stream(c.path("ports")))
                        .anyMatch(cp -> target.asText().equals(cp.path("name").asText()));
                if (!found) problems.add(Manifests.id(svc) + ": targetPort " + target.asText() + " is no port name of its pods");
            }
        }
    }

    private static final Pattern XMX = Pattern.compile("-Xmx([0-9]+)([kKmMgG]?)");

    /** -Xmx in JAVA_OPTS leaves at least 20% of the container's memory limit for metaspace, threads and buffers. */
    private static void heapFitsTheMemoryLimit(List<JsonNode> objects, List<String> problems) {
        for (JsonNode w : workloads(objects)) {
            for (JsonNode c : w.path("spec").path("template").path("spec").path("containers")) {
                String opts = null;
                for (JsonNode e : c.path("env")) if ("JAVA_OPTS".equals(e.path("name").asText())) opts = e.path("value").asText(null);
                String who = Manifests.id(w) + ": " + c.path("name").asText();
                if (opts == null) {
                    problems.add(who + ": no JAVA_OPTS value (the heap must be set explicitly)");
                    continue;
                }
                Matcher m = XMX.matcher(opts);
                if (!m.find()) {
                    problems.add(who + ": JAVA_OPTS has no -Xmx");
                    continue;
                }
                long heap = Long.parseLong(m.group(1)) * switch (m.group(2).toLowerCase()) {
                    case "k" -> 1024L;
                    case "m" -> 1024L * 1024;
                    case "g" -> 1024L * 1024 * 1024;
                    default -> 1L;
                };
                long limit = bytes(c.path("resources").path("limits").path("memory").asText());
                if (heap > limit * 0.8) {
                    problems.add(who + ": -Xmx " + m.group(1) + m.group(2) + " is more than 80% of the memory limit " + c.path("resources").path("limits").path("memory").asText());
                }
            }
        }
    }

    /** Namespaced objects all land in the overlay's Namespace. */
    private static void everythingInOneNamespace(List<JsonNode> objects, List<String> problems) {
        List<JsonNode> ns = Manifests.ofKind(objects, "Namespace");
        if (ns.size() != 1) {
            problems.add("expected one Namespace, found " + ns.size());
            return;
        }
        String name = ns.get(0).path("metadata").path("name").asText();
        for (JsonNode o : objects) {
            if (o == ns.get(0)) continue;
            String got = o.path("metadata").path("namespace").asText();
            if (!name.equals(got)) problems.add(Manifests.id(o) + ": namespace '" + got + "', not " + name);
        }
    }

    // ---- helpers

    static long bytes(String quantity) {
        Matcher m = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)([a-zA-Z]*)$").matcher(quantity);
        if (!m.matches()) throw new IllegalArgumentException("not a quantity: " + quantity);
        double n = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2)) {
            case "" -> 1L;
            case "k" -> 1000L;
            case "M" -> 1000L * 1000;
            case "G" -> 1000L * 1000 * 1000;
            case "Ki" -> 1024L;
            case "Mi" -> 1024L * 1024;
            case "Gi" -> 1024L * 1024 * 1024;
            case "Ti" -> 1024L * 1024 * 1024 * 1024;
            default -> throw new IllegalArgumentException("unit of " + quantity);
        };
        return (long) (n * unit);
    }

    private static List<JsonNode> workloads(List<JsonNode> objects) {
        List<JsonNode> out = new ArrayList<>(Manifests.ofKind(objects, "Deployment"));
        out.addAll(Manifests.ofKind(objects, "StatefulSet"));
        return out;
    }

    private static JsonNode podLabels(JsonNode workload) {
        return workload.path("spec").path("template").path("metadata").path("labels");
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) return false;
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) return false;
        }
        return true;
    }

    private static Set<String> names(List<JsonNode> objects, String kind) {
        Set<String> s = new HashSet<>();
        Manifests.ofKind(objects, kind).forEach(o -> s.add(o.path("metadata").path("name").asText()));
        return s;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> l = new ArrayList<>();
        if (array instanceof ArrayNode a) a.forEach(l::add);
        return l.stream();
    }
}
