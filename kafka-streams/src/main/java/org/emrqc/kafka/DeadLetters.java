package org.emrqc.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** A dead letter: the original bytes and headers, plus stage, reason, exception class, time and input position. */
final class DeadLetters {
    private DeadLetters() { }

    static MessageCheck.Result of(byte[] value, Headers in, String input, String stage, String reason, Throwable error) {
        Headers headers = new RecordHeaders(in == null ? new Header[0] : in.toArray());
        headers.remove(Topics.HEADER_INPUT);
        headers.add(Topics.HEADER_ERROR_STAGE, stage.getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_ERROR_REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_ERROR_CLASS, (error == null ? "InputProblem" : error.getClass().getName()).getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_ERROR_TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_INPUT, input.getBytes(StandardCharsets.UTF_8));
        return new MessageCheck.Result(value, headers, true);
    }

    /** The stage header of a dead letter, for metrics. */
    static String stage(Headers headers) {
        Header stage = headers.lastHeader(Topics.HEADER_ERROR_STAGE);
        return stage == null ? "unknown" : new String(stage.value(), StandardCharsets.UTF_8);
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
