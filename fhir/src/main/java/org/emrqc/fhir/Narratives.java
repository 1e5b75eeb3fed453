package org.emrqc.fhir;

import java.util.regex.Pattern;

/** Plain text from FHIR narrative XHTML. */
final class Narratives {
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>|</li>|</tr>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private Narratives() { }

    static String plainText(String xhtml) {
        if (xhtml == null) return null;
        String s = BREAK.matcher(xhtml).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
        return s.strip();
    }
}
