package org.emrqc.model;

/**
 * A value shown in a finding's message in the message's language: the English and the Chinese form of a name
 * (a document kind, a section, "not recorded"). Messages are filled per language, so a Chinese message never shows
 * an English code and an English message never shows Chinese it cannot explain.
 */
public record Localized(String en, String zh) {
    public static Localized of(String both) { return new Localized(both, both); }

    /** The form in a language ("zh" or "en"); the other form when that one is missing. */
    public String in(String language) {
        if ("zh".equals(language)) return zh != null ? zh : en;
        return en != null ? en : zh;
    }

    @Override public String toString() { return zh != null ? zh : en; }
}
