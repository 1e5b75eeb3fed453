package org.emrqc.rules.codes;

import java.util.regex.Pattern;

/**
 * Well-formedness of ICD-10 codes for three families, chosen by code-system URI:
 * <ul>
 *   <li>{@value #WHO} - WHO ICD-10: a letter and two digits, optionally followed by a
 *       fourth (and, as in several national modifications, fifth) digit written either after a
 *       dot ({@code E11.9}, {@code E11.91}) or, for the fourth character only, without it
 *       ({@code E119}); a trailing dagger {@code †} or asterisk {@code *} marks the
 *       dagger/asterisk convention.</li>
 *   <li>{@value #CM} - ICD-10-CM (United States): a letter, a digit and an alphanumeric
 *       character, optionally followed by a dot and one to four upper-case alphanumerics
 *       ({@code S72.001A}, {@code U07.1}).</li>
 *   <li>{@value #CN} - the Chinese national clinical edition 2.0 and the national healthcare
 *       security (insurance) edition: the WHO form with a dot and one to four digits or
 *       {@code x} placeholders, optionally followed by an extension {@code x} plus three
 *       digits ({@code E11.900}, {@code I10.x00x002}, {@code K35.800x001}); {@code x} may be
 *       upper or lower case, and a trailing {@code †}, {@code +} (common ASCII stand-in for the
 *       dagger) or {@code *} is accepted.</li>
 * </ul>
 * Also: ICD-O morphology codes ({@link #isMorphology}), the external-cause chapter
 * ({@link #isExternalCause}) and the three-character category ({@link #category}).
 *
 * <p>This checks the form of a code only; it does not tell whether the code exists in a
 * particular release of the classification.
 */
public final class Icd10Code {

    /** Code-system URI for WHO ICD-10. */
    public static final String WHO = "http://hl7.org/fhir/sid/icd-10";
    /** Code-system URI for ICD-10-CM. */
    public static final String CM = "http://hl7.org/fhir/sid/icd-10-cm";
    /** Code-system URI used by emrqc for the Chinese clinical / insurance editions of ICD-10. */
    public static final String CN = "urn:emrqc:icd-10-cn";

    private static final Pattern WHO_FORM =
            Pattern.compile("[A-Z][0-9]{2}(\\.[0-9]{1,2}|[0-9])?[\u2020*]?");
    private static final Pattern CM_FORM =
            Pattern.compile("[A-Z][0-9][A-Z0-9](\\.[A-Z0-9]{1,4})?");
    private static final Pattern CN_FORM =
            Pattern.compile("[A-Z][0-9]{2}(\\.[0-9xX]{1,4})?([xX][0-9]{3})?[\u2020+*]?");
    private static final Pattern MORPHOLOGY = Pattern.compile("M?[0-9]{4}/[0-9]");

    private Icd10Code() {
    }

    /** Returns {@code true} when {@code system} is one of {@link #WHO}, {@link #CM}, {@link #CN}. */
    public static boolean isIcd10System(String system) {
        return WHO.equals(system) || CM.equals(system) || CN.equals(system);
    }

    /**
     * Returns {@code null} when {@code code} is well formed for the ICD-10 family named by
     * {@code system}, otherwise a short English reason. An unknown or missing system is itself
     * reported as a problem, since the form cannot be judged without it.
     */
    public static String problem(String code, String system) {
        if (code == null || code.isEmpty()) {
            return "empty";
        }
        for (int i = 0; i < code.length(); i++) {
            if (Character.isWhitespace(code.charAt(i)) || Character.isSpaceChar(code.charAt(i))) {
                return "contains whitespace";
            }
        }
        char first = code.charAt(0);
        if (first < 'A' || first > 'Z') {
            return "first character " + first + " is not an upper-case letter A\u2013Z";
        }
        if (system == null || system.isEmpty()) {
            return "no ICD-10 code system given";
        }
        switch (system) {
            case WHO:
                return WHO_FORM.matcher(code).matches() ? null : "not a well-formed WHO ICD-10 code";
            case CM:
                return CM_FORM.matcher(code).matches() ? null : "not a well-formed ICD-10-CM code";
            case CN:
                return CN_FORM.matcher(code).matches()
                        ? null : "not a well-formed Chinese clinical/insurance edition ICD-10 code";
            default:
                return "unknown ICD-10 code system " + system;
        }
    }

    /**
     * Returns {@code true} when {@code code} is in the external-causes chapter: its first letter
     * is V, W, X or Y (either case) and its second character is a digit.
     */
    public static boolean isExternalCause(String code) {
        if (code == null || code.length() < 2 || !isDigit(code.charAt(1))) {
            return false;
        }
        char first = Character.toUpperCase(code.charAt(0));
        return first == 'V' || first == 'W' || first == 'X' || first == 'Y';
    }

    /**
     * Returns {@code true} when {@code code} looks like an ICD-O morphology code: an optional
     * {@code M}, four digits, a slash and a one-digit behaviour code ({@code M8140/3},
     * {@code 8140/3}).
     */
    public static boolean isMorphology(String code) {
        return code != null && MORPHOLOGY.matcher(code).matches();
    }

    /**
     * Returns the three-character category of {@code code} in upper case ({@code "E11.9"} gives
     * {@code "E11"}), or {@code null} when {@code code} is null or shorter than three characters.
     * The code itself is not validated.
     */
    public static String category(String code) {
        if (code == null || code.length() < 3) {
            return null;
        }
        return code.substring(0, 3).toUpperCase(java.util.Locale.ROOT);
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }
}
