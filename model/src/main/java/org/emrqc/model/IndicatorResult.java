package org.emrqc.model;

import java.util.List;

/**
 * One record's place in one national indicator (病案管理质量控制指标): it is in the denominator (why, and the resources
 * that put it there), and whether it is in the numerator — for a conformity rate, no finding of the indicator's
 * rules; for an occurrence rate, a finding of them — with the findings that decided it.
 *
 * @param code      the indicator's code (MER-D&T-04 …)
 * @param number    its number in the 2021 list (1–27)
 * @param name      its name
 * @param occurrence true for a rate of defective records (不合理复制病历发生率), where lower is better
 * @param inNumerator whether the record counts in the numerator
 * @param why       why the record is in the denominator
 * @param refs      the resources that put it there (the operation, the transfusion order …)
 * @param rules     the indicator's rules evaluated for this record
 * @param deciding  the rule ids of the findings that decided the numerator (empty when none fired)
 */
public record IndicatorResult(String code, int number, Localized name, boolean occurrence, boolean inNumerator, Localized why,
                              List<String> refs, List<String> rules, List<String> deciding) {
    public IndicatorResult {
        refs = List.copyOf(refs);
        rules = List.copyOf(rules);
        deciding = List.copyOf(deciding);
    }
}
