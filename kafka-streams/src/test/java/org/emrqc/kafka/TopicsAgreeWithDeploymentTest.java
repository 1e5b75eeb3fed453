package org.emrqc.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deployment manifests declare exactly the topics the code uses, by the same names. */
class TopicsAgreeWithDeploymentTest {
    private static final Path DEPLOY = Path.of("..", "deploy");

    @Test
    void everyKafkaTopicInTheManifestsIsATopicConstantAndViceVersa() throws Exception {
        List<String> declared = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(f.toFile())) {
                    while (docs.hasNext()) {
                        JsonNode d = docs.next();
                        if (d == null || !"KafkaTopic".equals(d.path("kind").asText())) continue;
                        String name = d.path("spec").path("topicName").asText(d.path("metadata").path("name").asText());
                        assertEquals(name, d.path("metadata").path("name").asText(), f + ": metadata.name and spec.topicName differ");
                        declared.add(name);
                    }
                }
            }
        }
        assertFalse(declared.isEmpty(), "no KafkaTopic under " + DEPLOY.toAbsolutePath().normalize());
        assertEquals(declared.size(), new TreeSet<>(declared).size(), "a topic declared twice: " + declared);
        assertEquals(new TreeSet<>(Topics.ALL), new TreeSet<>(declared));
    }
}
