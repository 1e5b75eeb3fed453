-- emrqc console schema, version 3: the national indicators (病案管理质量控制指标) each record is in the denominator of,
-- with why and the rules that decide its numerator: {"MER-D&T-04": {"why": {"zh": …, "en": …}, "refs": […],
-- "rules": […], "occurrence": false}, …}. The numerator is decided at query time from the record's findings that
-- reviewers have not dismissed.
alter table qc_record add column indicators jsonb;
