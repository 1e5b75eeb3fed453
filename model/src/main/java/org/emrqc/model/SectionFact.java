package org.emrqc.model;

/**
 * A section found in a document's narrative: its header as written and its normalized code
 * (chief-complaint, hpi, past-history, allergies, medications, physical-exam, ...), the offsets of its
 * content in the document's source text, and whether that content is empty or boilerplate.
 */
public final class SectionFact extends Fact {
    private final String title;
    private final String code;
    private final int start;
    private final int end;
    private final boolean empty;
    private final boolean boilerplate;
    private final String content;
    private String documentKind;

    public SectionFact(String documentType, String documentId, String title, String code, int start, int end,
                       String content, boolean empty, boolean boilerplate) {
        super(documentType, documentId);
        this.title = title;
        this.code = code;
        this.start = start;
        this.end = end;
        this.content = content;
        this.empty = empty;
        this.boilerplate = boilerplate;
    }

    public String getTitle() { return title; }
    public String getCode() { return code; }
    /** Offset of the content (after the header) in the document's source text. */
    public int getStart() { return start; }
    public int getEnd() { return end; }
    public String getContent() { return content; }
    public boolean isEmpty() { return empty; }
    public boolean isBoilerplate() { return boilerplate; }
    public String getDocumentKind() { return documentKind; }
    public void setDocumentKind(String documentKind) { this.documentKind = documentKind; }
}
