package org.emrqc.rules.pack;

import java.util.List;

/**
 * Which departments a rule applies to: when {@code include} is non-empty only those, and never those in
 * {@code exclude}. A department matches by code or by name (e.g. "儿科" or "pediatrics").
 */
public record DepartmentScope(List<String> include, List<String> exclude) {
    public static final DepartmentScope ALL = new DepartmentScope(List.of(), List.of());

    public DepartmentScope {
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
    }

    public boolean isAll() { return include.isEmpty() && exclude.isEmpty(); }

    /** Whether a record of this department is in scope; an unknown department is in scope unless includes are set. */
    public boolean admits(String code, String name) {
        if (matches(exclude, code, name)) return false;
        return include.isEmpty() || matches(include, code, name);
    }

    private static boolean matches(List<String> list, String code, String name) {
        for (String s : list) {
            if (s.equals(code) || s.equalsIgnoreCase(name == null ? "" : name)) return true;
        }
        return false;
    }

    @Override public String toString() {
        if (isAll()) return "all";
        return (include.isEmpty() ? "all" : String.join("|", include)) + (exclude.isEmpty() ? "" : " except " + String.join("|", exclude));
    }
}
