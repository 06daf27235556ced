package dev.mlsandbox.governance;

/**
 * Unity Catalog's rules for one part of an object name: 1 to 255 characters, no period, space,
 * forward slash, ASCII control character or DEL. (UC stores names lower-case; unquoted SQL names
 * are also limited to letters, digits and underscores, so a hyphen needs backticks.)
 */
public final class NameRules {

    public static final String RULE = "is 1-255 characters with no period, space, '/', control character or DEL";

    private NameRules() {
    }

    /** What is wrong with a name part, or null when it is fine. */
    public static String problem(String part) {
        if (part == null || part.isEmpty()) {
            return "empty";
        }
        if (part.length() > 255) {
            return part.length() + " characters";
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '.') {
                return "contains '.'";
            }
            if (c == ' ') {
                return "contains a space";
            }
            if (c == '/') {
                return "contains '/'";
            }
            if (c < 0x20 || c == 0x7f) {
                return "contains control character 0x" + Integer.toHexString(c);
            }
        }
        return null;
    }
}
