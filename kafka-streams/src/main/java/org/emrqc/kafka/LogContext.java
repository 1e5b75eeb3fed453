package org.emrqc.kafka;

import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The MDC fields of a line logged while a message is processed: {@code topic}, {@code partition},
 * {@code offset} of the input message and the {@code stage}. Only positions, never a key, id or content.
 */
final class LogContext {
    private static final String[] KEYS = {"topic", "partition", "offset", "stage"};

    private LogContext() { }

    static void put(String topic, int partition, long offset, String stage) {
        if (topic != null) {
            MDC.put("topic", topic);
            MDC.put("partition", String.valueOf(partition));
            MDC.put("offset", String.valueOf(offset));
        }
        MDC.put("stage", stage);
    }

    /** From "topic/partition/offset" (anything else: the stage only). */
    static void putInput(String input, String stage) {
        int slash = input == null ? -1 : input.lastIndexOf('/');
        int slash0 = slash <= 0 ? -1 : input.lastIndexOf('/', slash - 1);
        if (slash0 > 0) {
            MDC.put("topic", input.substring(0, slash0));
            MDC.put("partition", input.substring(slash0 + 1, slash));
            MDC.put("offset", input.substring(slash + 1));
        }
        MDC.put("stage", stage);
    }

    static void clear() {
        for (String k : KEYS) MDC.remove(k);
    }

    /** The supplier run with the caller's MDC fields (for work handed to another thread). */
    static <T> Supplier<T> carrying(Supplier<T> work) {
        Map<String, String> fields = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            if (fields != null) MDC.setContextMap(fields);
            else MDC.clear();
            try {
                return work.get();
            } finally {
                if (before != null) MDC.setContextMap(before);
                else MDC.clear();
            }
        };
    }
}
