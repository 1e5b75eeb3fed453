package org.emrqc.console.security;

import java.util.List;

/** The four roles of the console. */
public final class Roles {
    public static final String REVIEWER = "reviewer";
    public static final String PHYSICIAN = "physician";
    public static final String ADMIN = "admin";
    /** API clients: submit and check records, nothing else. */
    public static final String INTEGRATION = "integration";
    public static final List<String> ALL = List.of(REVIEWER, PHYSICIAN, ADMIN, INTEGRATION);

    private Roles() { }
}
