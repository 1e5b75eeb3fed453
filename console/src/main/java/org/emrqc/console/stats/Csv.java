package org.emrqc.console.stats;

import java.util.List;

/** CSV (RFC 4180): fields with commas, quotes or line breaks are quoted; a UTF-8 BOM lets spreadsheet programs read Chinese. */
public final class Csv {
    public static final String BOM = "\uFEFF";

    private final StringBuilder sb = new StringBuilder(BOM);

    public Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(field(fields.get(i)));
        }
        sb.append("\r\n");
        return this;
    }

    static String field(Object v) {
        if (v == null) return "";
        String s = v instanceof java.math.BigDecimal b ? b.toPlainString() : String.valueOf(v);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) return '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }

    @Override
    public String toString() { return sb.toString(); }
}
