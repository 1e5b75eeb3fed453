package org.emrqc.model;

/** One section of a clinical document: title, code and plain text. */
public final class DocumentSection {
    private final String title;
    private final String code;
    private final String text;

    public DocumentSection(String title, String code, String text) {
        this.title = title;
        this.code = code;
        this.text = text;
    }

    public String getTitle() { return title; }
    public String getCode() { return code; }
    public String getText() { return text; }
    public boolean isEmpty() { return text == null || text.isBlank(); }
}
