package org.emrqc.extractor;

/** Chinese or English, by the share of CJK characters among the letters of a text. */
public final class Languages {
    private Languages() { }

    public static String detect(String text) {
        int cjk = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                cjk++;
                letters++;
            } else if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters > 0 && cjk * 5 >= letters ? "zh" : "en";
    }
}
