package org.emrqc.model;

/**
 * What a record's check says about a rule besides findings: that the rule was not evaluated for the record
 * (it failed on this record's data; its findings are missing, every other rule's are there), or that it could not
 * verify something from the data it had (a date without a time against an hours limit). Neither costs points.
 */
public record RuleNotice(String ruleId, Kind kind, String reason, String reasonZh) {
    public RuleNotice(String ruleId, Kind kind, String reason) { this(ruleId, kind, reason, null); }

    /** The reason in a language ("zh" or "en"). */
    public String reason(String language) { return "zh".equals(language) && reasonZh != null ? reasonZh : reason; }

    public enum Kind {
        /** The rule failed on this record and was skipped: the reason names the error, never patient data. */
        NOT_EVALUATED("not-evaluated"),
        /** The data cannot decide the rule: no finding, and no deduction. */
        CANNOT_VERIFY("cannot-verify");

        private final String code;

        Kind(String code) { this.code = code; }

        public String code() { return code; }
    }

    public static RuleNotice notEvaluated(String ruleId, String reason) { return new RuleNotice(ruleId, Kind.NOT_EVALUATED, reason); }

    public static RuleNotice cannotVerify(String ruleId, String reason, String reasonZh) { return new RuleNotice(ruleId, Kind.CANNOT_VERIFY, reason, reasonZh); }
}
