package dev.postinglint.core.regex;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.postinglint.core.yaml.YamlValue;
import java.util.regex.Matcher;

/**
 * Compiles policy patterns with RE2/J, which runs in time linear in the input, so no policy can make
 * the linter backtrack forever. What RE2/J rejects, or would silently read differently from
 * java.util.regex, is reported at the pattern's place in the policy.
 */
public final class Patterns {
    private static final int MAX_PATTERN_LENGTH = 10_000;
    private static final java.util.regex.Pattern CLASS_INTERSECTION = java.util.regex.Pattern.compile("\\[[^\\]]*&&");
    private static final java.util.regex.Pattern LOOKAROUND = java.util.regex.Pattern.compile("\\(\\?<?[=!]");
    private static final java.util.regex.Pattern BACKREF = java.util.regex.Pattern.compile("(?<!\\\\)\\\\[1-9]|\\\\k<");

    private Patterns() {
    }

    public static Pattern compile(YamlValue value, String what) {
        return compile(value.asNonBlank(what), value, what);
    }

    public static Pattern compile(String regex, YamlValue at, String what) {
        if (regex.length() > MAX_PATTERN_LENGTH) {
            throw at.error(what + " is longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        if (LOOKAROUND.matcher(regex).find()) {
            throw at.error(what + " uses lookahead or lookbehind, which RE2/J does not support: '" + regex + "'");
        }
        Matcher backref = BACKREF.matcher(regex);
        if (backref.find()) {
            throw at.error(what + " uses a backreference (" + backref.group() + "), which RE2/J does not support: '" + regex + "'");
        }
        if (CLASS_INTERSECTION.matcher(regex).find()) {
            throw at.error(what + " uses '&&' inside a character class; RE2/J reads it as literal characters, not an intersection: '" + regex + "'");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw at.error(what + " is not a valid RE2 regular expression: " + e.getDescription() + " in '" + regex + "'");
        }
    }

    /**
     * A literal phrase as a pattern: case-insensitive, any run of white space between words, and word
     * boundaries where the phrase starts or ends with a letter or digit.
     */
    public static Pattern phrase(String phrase, YamlValue at, String what) {
        String p = phrase.strip();
        if (p.isEmpty()) {
            throw at.error(what + " must not be empty");
        }
        return compile(phraseRegex(p), at, what);
    }

    static String phraseRegex(String p) {
        StringBuilder re = new StringBuilder("(?i)");
        if (Character.isLetterOrDigit(p.charAt(0))) {
            re.append("\\b");
        }
        String[] words = p.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                re.append("\\s+");
            }
            re.append(Pattern.quote(words[i]));
        }
        if (Character.isLetterOrDigit(p.charAt(p.length() - 1))) {
            re.append("\\b");
        }
        return re.toString();
    }
}
