package org.emrqc.extractor.statements;

import org.emrqc.extractor.NarrativeDocument;
import org.emrqc.extractor.terminology.Terminology;

/** What the readers read: the document's text, its headed blocks, and the terminology (to tell drugs by name). */
final class Source {
    final NarrativeDocument doc;
    final String text;
    final Blocks blocks;
    final Terminology terminology;

    Source(NarrativeDocument doc, Terminology terminology) {
        this.doc = doc;
        this.text = doc.text();
        this.blocks = Blocks.of(text);
        this.terminology = terminology;
    }

    /** Where the clause holding an offset starts: after the last 。；;，, or line break before it. */
    int clauseStart(int offset) {
        int i = offset;
        while (i > 0 && "。；;，,\n".indexOf(text.charAt(i - 1)) < 0) i--;
        return i;
    }

    /** Where the sentence holding an offset starts: after the last 。；; or line break before it. */
    int sentenceStart(int offset) {
        int i = offset;
        while (i > 0 && "。；;\n".indexOf(text.charAt(i - 1)) < 0) i--;
        return i;
    }

    /** Where the sentence holding an offset ends (at 。；; or a line break, exclusive). */
    int sentenceEnd(int offset) {
        int i = offset;
        while (i < text.length() && "。；;\n".indexOf(text.charAt(i)) < 0) i++;
        return i;
    }

    /** Whether the text before an offset, back to the start of its clause, names someone other than the patient. */
    boolean otherPerson(int offset) {
        String clause = text.substring(Math.max(clauseStart(offset), offset - 16), offset);
        for (String w : OTHERS) if (clause.contains(w)) return true;
        return false;
    }

    private static final String[] OTHERS = {"其父", "其母", "父亲", "母亲", "父母", "配偶", "丈夫", "妻子", "爱人", "儿子", "女儿", "子女",
        "兄", "弟", "姐", "妹", "孙", "祖父", "祖母", "外公", "外婆", "胎儿", "新生儿", "家属", "亲属", "陪护", "同事"};
}
