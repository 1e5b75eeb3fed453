package org.emrqc.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.emrqc.model.Finding;
import org.emrqc.rules.check.FixtureRunner;
import org.emrqc.rules.engine.RuleBaseCache;
import org.junit.jupiter.api.Test;

/**
 * Messages a reviewer can read: every Chinese message of every finding on every fixture case (in the case's region)
 * is free of internal codes — no kebab-case codes (first-progress-note, past-history), FHIR paths (Patient.gender,
 * period.end), UCUM codes (mm[Hg], Cel), "none" or "?" for a missing value, encounter class codes.
 */
class ChineseMessagesTest {
    private static final Pattern INTERNAL = Pattern.compile(
            "\\b[a-z]+(?:-[a-z]+)+\\b|\\b(?:Patient|Encounter|Composition|Condition|Procedure|Observation|period)\\.[a-zA-Z]+|mm\\[Hg\\]|\\bCel\\b|\\bnone\\b|\\bnull\\b|[?？]|\\bIMP\\b|\\bAMB\\b|\\bEMER\\b|\\b(?:male|female)\\b");

    @Test
    void noInternalCodeInAnyChineseMessage() {
        FixtureRunner runner = new FixtureRunner(TestPacks.core(), new RuleBaseCache(), PackStages.offline()::apply);
        Map<String, String> bad = new TreeMap<>();
        int messages = 0;
        for (FixtureRunner.Case c : runner.cases()) {
            if (!c.fires()) continue;
            for (Finding f : runner.run(c).findings()) {
                messages++;
                String zh = f.detailZh();
                // quotes from the record may hold anything: only the message's own words are checked
                String own = zh.replaceAll("\"[^\"]*\"|“[^”]*”|「[^」]*」", "\"\"");
                if (INTERNAL.matcher(own).find()) bad.putIfAbsent(f.ruleId(), zh + "   [" + c.file() + "]");
            }
        }
        assertTrue(messages > 200, "messages checked: " + messages);
        assertEquals(Map.of(), bad, "Chinese messages with internal codes");
    }
}
