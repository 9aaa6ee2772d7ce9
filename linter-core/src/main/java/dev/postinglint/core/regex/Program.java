package dev.postinglint.core.regex;

import com.google.re2j.Pattern;

/**
 * A pattern's RE2/J program: compiled when the pattern is read, or, for a pattern of a pack the build
 * checked ({@link dev.postinglint.core.yaml.YamlValue#checked}), when a search first needs it. A cold
 * single-file check confirms few of the shipped packs' patterns, and compiling them all was about a sixth
 * of its work, on the path the check waits for. Two threads that want the same program at once may both
 * compile it; either result is the same program, and the field is volatile, so each sees a whole one.
 */
final class Program {
    private final String regex;
    private final int flags;
    /** Whether the program was left to first use (a checked pack's pattern) rather than compiled when read. */
    private final boolean onFirstUse;
    private volatile Pattern compiled;

    private Program(String regex, int flags, Pattern compiled) {
        this.regex = regex;
        this.flags = flags;
        this.onFirstUse = compiled == null;
        this.compiled = compiled;
    }

    static Program of(Pattern compiled) {
        return new Program(compiled.pattern(), compiled.flags(), compiled);
    }

    /** A program compiled on first use: {@code regex} must be known to compile (a checked pack's). */
    static Program onFirstUse(String regex) {
        return new Program(regex, 0, null);
    }

    Pattern get() {
        Pattern p = compiled;
        if (p == null) {
            p = Pattern.compile(regex, flags);
            compiled = p;
        }
        return p;
    }

    String regex() {
        return regex;
    }

    int flags() {
        return flags;
    }

    boolean onFirstUse() {
        return onFirstUse;
    }

    /** As RE2/J's {@code Pattern.equals}: the same text and flags. */
    boolean sameAs(Program o) {
        return flags == o.flags && regex.equals(o.regex);
    }

    /** As RE2/J's {@code Pattern.hashCode}. */
    int hash() {
        return 31 * regex.hashCode() + flags;
    }
}
