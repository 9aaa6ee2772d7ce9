package dev.postinglint.core.regex;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Include and exclude globs over paths relative to the directory being walked, with {@code /}
 * separators. As in most tools, a leading {@code **}{@code /} also matches at the top level, so
 * {@code **}{@code /*.html} matches {@code a.html}.
 *
 * <p>The syntax is the JDK's {@code glob:} ({@code * ** ? [a-z] [!a-z] {a,b} \}), but each glob is
 * translated to an RE2/J pattern, which matches in time linear in the path's length: the JDK's
 * matcher is java.util.regex, which backtracks exponentially on a glob such as
 * {@code *a*a*a*a*a*a*a*a*a*a*a*a*a*c} (a waiver's {@code files:} comes from a policy, which may not
 * be trusted).
 */
public final class Globs {
    private final List<Pattern> matchers = new ArrayList<>();
    private final List<String> patterns;

    public Globs(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        for (String p : patterns) {
            String glob = p.strip().replace('\\', '/');
            if (glob.startsWith("./")) {
                glob = glob.substring(2);
            }
            try {
                matchers.add(Pattern.compile(toRegex(glob)));
                if (glob.startsWith("**/")) {
                    matchers.add(Pattern.compile(toRegex(glob.substring(3))));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid glob '" + p + "': " + e.getMessage(), e);
            } catch (PatternSyntaxException e) {
                // What the translation passes on to RE2/J, such as a backwards range ([z-a]); not an IllegalArgumentException.
                throw new IllegalArgumentException("invalid glob '" + p + "': " + e.getDescription() + " '" + e.getPattern() + "'", e);
            }
        }
    }

    public List<String> patterns() {
        return patterns;
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether a relative path (with {@code /} separators) matches any of the globs. */
    public boolean matches(String relativePath) {
        String p = normalize(relativePath);
        for (Pattern m : matchers) {
            if (m.matches(p)) {
                return true;
            }
        }
        return false;
    }

    /** As {@code Path.of(p).toString()} would have it: no repeated, and no trailing, separators. */
    private static String normalize(String p) {
        String s = p.replaceAll("/{2,}", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** The JDK's glob syntax as an RE2 pattern; an {@link IllegalArgumentException} says what is wrong. */
    static String toRegex(String glob) {
        StringBuilder re = new StringBuilder("(?s)");
        boolean inGroup = false;
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            switch (c) {
                case '\\' -> {
                    if (i == glob.length()) {
                        throw new IllegalArgumentException("no character to escape at the end");
                    }
                    re.append(Pattern.quote(String.valueOf(glob.charAt(i++))));
                }
                case '/' -> re.append('/');
                case '[' -> i = charClass(glob, i, re);
                case '{' -> {
                    if (inGroup) {
                        throw new IllegalArgumentException("cannot nest groups");
                    }
                    re.append("(?:");
                    inGroup = true;
                }
                case '}' -> {
                    if (inGroup) {
                        re.append(')');
                        inGroup = false;
                    } else {
                        re.append("\\}");
                    }
                }
                case ',' -> re.append(inGroup ? "|" : ",");
                case '*' -> {
                    if (i < glob.length() && glob.charAt(i) == '*') {
                        re.append(".*");
                        i++;
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inGroup) {
            throw new IllegalArgumentException("missing '}'");
        }
        return re.toString();
    }

    /** A {@code [...]} class after its '['; returns the index after ']'. A class never matches '/'. */
    private static int charClass(String glob, int i, StringBuilder re) {
        re.append("[^/");
        boolean negated = i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^');
        if (negated) {
            i++;
        } else {
            re.setLength(re.length() - 3);
            re.append('[');
        }
        boolean empty = true;
        while (i < glob.length() && (glob.charAt(i) != ']' || empty)) {
            char c = glob.charAt(i++);
            if (c == '/') {
                throw new IllegalArgumentException("a '[...]' class cannot contain '/'");
            }
            if (c == '-' && !empty && i < glob.length() && glob.charAt(i) != ']') {
                re.append('-');
            } else {
                re.append(c == '\\' || c == '[' || c == ']' || c == '^' || c == '-' ? "\\" + c : String.valueOf(c));
            }
            empty = false;
        }
        if (i >= glob.length()) {
            throw new IllegalArgumentException("missing ']'");
        }
        re.append(']');
        return i + 1;
    }
}
