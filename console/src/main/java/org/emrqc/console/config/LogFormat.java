package org.emrqc.console.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.JsonFormatter;

/**
 * Structured logs for log collectors: with {@code emrqc.console.log-format=json} (environment
 * {@code EMRQC_CONSOLE_LOG_FORMAT=json}) every handler of the root logger writes one JSON object per line
 * (timestamp, level, logger, message, thread, exception) through the log manager's own JSON formatter. The
 * console's log lines name records by id and errors by class, never by their content (see docs/operations.md).
 */
@ApplicationScoped
public class LogFormat {
    @Inject
    ConsoleConfig config;

    void onStart(@Observes @Priority(1) StartupEvent ev) {
        String format = config.logFormat().strip();
        if (format.equalsIgnoreCase("plain")) return;
        if (!format.equalsIgnoreCase("json")) throw new IllegalArgumentException("emrqc.console.log-format: '" + format + "' (plain or json)");
        JsonFormatter json = new JsonFormatter();
        json.setPrettyPrint(false);
        json.setPrintDetails(false);
        for (Handler h : handlers()) h.setFormatter(json);
    }

    /** Every handler of the root logger, those nested in wrapping handlers included. */
    public static List<Handler> handlers() {
        List<Handler> out = new ArrayList<>();
        for (Handler h : LogContext.getLogContext().getLogger("").getHandlers()) collect(h, out);
        return out;
    }

    private static void collect(Handler h, List<Handler> out) {
        out.add(h);
        if (h instanceof ExtHandler ext) for (Handler nested : ext.getHandlers()) collect(nested, out);
    }
}
