package org.emrqc.rules.pack;

/** A text in Chinese and English. */
public record Text(String zh, String en) {
    public String in(String lang) {
        if ("zh".equals(lang)) return zh != null ? zh : en;
        return en != null ? en : zh;
    }
}
