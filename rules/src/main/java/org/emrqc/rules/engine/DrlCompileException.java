package org.emrqc.rules.engine;

import java.util.List;
import org.emrqc.rules.pack.PackException;

/**
 * The DRL of a region does not compile. Each {@link DrlError} names the template file and, where the error
 * could be traced back, the line of the template; else the line of the generated DRL and its text.
 */
public class DrlCompileException extends PackException {
    private final String region;
    private final transient List<DrlError> errors;

    public DrlCompileException(String message, String region, List<DrlError> errors) {
        super(message);
        this.region = region;
        this.errors = List.copyOf(errors);
    }

    public String region() { return region; }
    public List<DrlError> errors() { return errors; }
}
