package org.emrqc.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Every setting of the console under one prefix, emrqc.console.* (datasource settings stay quarkus.datasource.*). */
@ConfigMapping(prefix = "emrqc.console")
public interface ConsoleConfig {
    Kafka kafka();

    Pack pack();

    /** Default region when a record names none (ISO 3166-2 such as CN-GD, or CN, US, base). */
    @WithDefault("CN")
    String region();

    /** Time zone for FHIR times written without an offset. */
    @WithDefault("Asia/Shanghai")
    String timezone();

    Admin admin();

    Quality quality();

    /** Seeds the demo users reviewer/physician (password = username + "-demo"); never in production. */
    @WithDefault("false")
    boolean demo();

    /** plain (the quarkus.log.console.format) or json: one JSON object per log line (see LogFormat). */
    @WithDefault("plain")
    String logFormat();

    /** Largest FHIR body accepted by the API, in bytes. */
    @WithDefault("16777216")
    long maxBytes();

    interface Kafka {
        /** When set, a consumer thread reads emrqc.findings.v1 from this bootstrap server list. */
        Optional<String> bootstrap();

        @WithDefault("emrqc-console")
        String group();

        /** Also read the input record (by the emrqc-input header's topic/partition/offset) to keep the FHIR as received. */
        @WithDefault("true")
        boolean fetchInput();
    }

    interface Pack {
        /** A rule-pack folder; default: the core pack on the classpath. */
        Optional<String> dir();
    }

    /** When the rule-quality report suggests muting or reviewing a rule. */
    interface Quality {
        /** Verdicts a rule needs before its precision counts. */
        @WithDefault("5")
        int minVerdicts();

        /** Below this precision (confirmed / (confirmed + dismissed)) the report suggests muting the rule. */
        @WithDefault("0.5")
        double muteBelow();

        /** Below this precision (and at or above muteBelow) it suggests reviewing the rule's parameters. */
        @WithDefault("0.8")
        double reviewBelow();
    }

    interface Admin {
        /** Password of the initial admin user; when absent one is generated on first start and printed once. */
        Optional<String> initialPassword();
    }
}
