package dev.postinglint.core.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of RE2 syntax (Perl flags, as RE2/J compiles it) into a small immutable tree, from
 * which {@link RegexPrefilter} and {@link AnchoredScan} derive what they need. The pattern has
 * already compiled with RE2/J, so it is well formed; any construct this reader does not know throws,
 * and the pattern then gets no speed-up at all (always correct, never a guess).
 */
final class RegexSyntax {
    private RegexSyntax() {
    }

    sealed interface Node permits Lit, Cls, Assert, Cat, Alt, Repeat {
    }

    /** One literal code point; {@code fold}: read under {@code (?i)}. */
    record Lit(int cp, boolean fold) implements Node {
    }

    /**
     * One character out of a class ({@code [...]}, {@code .}, {@code \d}, {@code \pL}, ...). {@code set}
     * holds the members of a class made only of caseless literal characters, {@code \d} and {@code \s}
     * ({@link Kind#SET}: {@code [$€£]}, {@code [\d,.]});
     * {@code width} is the most UTF-16 units one match of it takes.
     */
    record Cls(Kind kind, String set, int width) implements Node {
    }

    /**
     * What bounds a run of a class's characters in a text: \s, ASCII digits, a literal set, ASCII
     * letters, digits and '_' ({@code \w}, {@code [A-Z]}, {@code [a-z0-9]}: with their {@code (?i)}
     * partners U+017F and U+212A, see {@link PolicyPattern#wordRunChar}), nothing known.
     */
    enum Kind { SPACE, DIGIT, SET, WORD, OTHER }

    /**
     * A zero-width assertion: a text anchor ({@code \A \z}, and {@code ^ $} without {@code (?m)}), a line
     * anchor ({@code line} is {@code '^'} or {@code '$'} under {@code (?m)}: a line's start or end, where only
     * {@code \n} ends a line; else 0), {@code \b} or {@code \B}. For a text anchor, {@code textEnd} tells
     * that it tests the text's end ({@code \z}, {@code $}), not its start.
     */
    record Assert(boolean textAnchor, boolean wordBoundary, char line, boolean textEnd) implements Node {
        Assert(boolean textAnchor, boolean wordBoundary) {
            this(textAnchor, wordBoundary, (char) 0, false);
        }

        Assert(boolean wordBoundary, char line) {
            this(false, wordBoundary, line, false);
        }

        /** A text anchor: the text's end ({@code \z}, {@code $} without {@code (?m)}) or start. */
        static Assert text(boolean end) {
            return new Assert(true, false, (char) 0, end);
        }
    }

    /** A sequence; groups that are not repeated are spliced into the sequence around them. */
    record Cat(List<Node> parts) implements Node {
    }

    record Alt(List<Node> alternatives) implements Node {
    }

    /** {@code inner{min,max}}; max -1: unbounded. Laziness does not change which matches exist. */
    record Repeat(Node inner, int min, int max) implements Node {
    }

    static Node parse(String re) {
        Reader r = new Reader(re);
        Node n = r.alternation();
        if (r.i != re.length()) {
            throw new IllegalStateException("unbalanced ')' at " + r.i);
        }
        return n;
    }

    /**
     * The branches of a pattern that is an alternation at its top level, each as a pattern of its own
     * with the flags in force where it starts ({@code (?i)a|b} gives {@code (?i)a} and {@code (?i)b});
     * null when the pattern is no such alternation, or sets flags at its top level other than at its
     * very start (they would reach into the branches after them).
     */
    static List<String> topLevelBranches(String re) {
        Reader r = new Reader(re);
        List<Integer> bars = new ArrayList<>();
        r.sequence();
        while (r.at('|')) {
            bars.add(r.i);
            r.i++;
            r.sequence();
        }
        if (r.i != re.length() || r.midFlags || bars.isEmpty()) {
            return null;
        }
        java.util.regex.Matcher lead = LEADING_FLAGS.matcher(re);
        String flags = lead.lookingAt() ? lead.group() : "";
        List<String> out = new ArrayList<>();
        out.add(re.substring(0, bars.get(0)));
        for (int k = 0; k < bars.size(); k++) {
            out.add(flags + re.substring(bars.get(k) + 1, k + 1 < bars.size() ? bars.get(k + 1) : re.length()));
        }
        return out;
    }

    /**
     * The branches of a pattern {@code X(?:A|B|...)Y} that has no alternation at its top level and whose part before the
     * group only asserts ({@code \b}, {@code \B}), as the patterns {@code X(?:A)Y}, {@code X(?:B)Y}, ... (each with the
     * pattern's leading flags): at any one place the pattern matches what their alternation matches, in the same order
     * (leftmost-first: {@code X} makes no choice, and each choice within the group is followed by the same {@code Y}).
     * Null when the pattern is not of that form. Capturing groups would be numbered differently: the caller checks.
     */
    static List<String> groupBranches(String re) {
        java.util.regex.Matcher lead = LEADING_FLAGS.matcher(re);
        String flags = lead.lookingAt() ? lead.group() : "";
        int i = flags.length();
        while (re.startsWith("\\b", i) || re.startsWith("\\B", i)) {
            i += 2;
        }
        if (!re.startsWith("(?:", i)) {
            return null;
        }
        String before = re.substring(flags.length(), i);
        int close = closingParen(re, i);
        if (close < 0) {
            return null;
        }
        String inner = re.substring(i + 3, close);
        String rest = re.substring(close + 1);
        if (!rest.isEmpty() && "?*+{".indexOf(rest.charAt(0)) >= 0) {
            return null; // a repeated group
        }
        try {
            parse(inner); // both halves read on their own: the group was split at its own end
            if (!rest.isEmpty()) {
                parse(rest);
            }
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
        List<String> alternatives = topLevelBranches(inner);
        if (alternatives == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String a : alternatives) {
            out.add(flags + before + "(?:" + a + ")" + rest);
        }
        return out;
    }

    /** Where the group opened at {@code open} closes, or -1: escaped characters, {@code \Q...\E} and classes are skipped. */
    private static int closingParen(String re, int open) {
        int depth = 0;
        for (int i = open; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                if (re.startsWith("\\Q", i)) {
                    int e = re.indexOf("\\E", i + 2);
                    if (e < 0) {
                        return -1;
                    }
                    i = e + 1;
                } else {
                    i++;
                }
            } else if (c == '[') {
                i = classEnd(re, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Where the class opened at {@code open} ends (its {@code ]}), or -1; a {@code ]} first in it is a member. */
    private static int classEnd(String re, int open) {
        int j = open + 1;
        if (j < re.length() && re.charAt(j) == '^') {
            j++;
        }
        if (j < re.length() && re.charAt(j) == ']') {
            j++;
        }
        while (j < re.length()) {
            char c = re.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (re.startsWith("[:", j)) {
                int e = re.indexOf(":]", j + 2);
                if (e < 0) {
                    return -1;
                }
                j = e + 2;
            } else if (c == ']') {
                return j;
            } else {
                j++;
            }
        }
        return -1;
    }

    private static final java.util.regex.Pattern LEADING_FLAGS = java.util.regex.Pattern.compile("\\(\\?[imsU-]+\\)");

    private static final class Reader {
        private final String re;
        private int i;
        /** How many groups enclose the reader's position. */
        private int depth;
        /** A flag group such as {@code (?i)} stands at the top level other than at the pattern's start. */
        private boolean midFlags;
        /** Whether {@code (?i)} is in force here. */
        private boolean fold;
        /** Whether {@code (?m)} is in force here: {@code ^} and {@code $} match at every line's start and end. */
        private boolean multiline;

        Reader(String re) {
            this.re = re;
        }

        private boolean at(char c) {
            return i < re.length() && re.charAt(i) == c;
        }

        private IllegalStateException unknown(String what) {
            return new IllegalStateException(what + " at " + i + " in " + re);
        }

        Node alternation() {
            List<Node> alts = new ArrayList<>();
            alts.add(sequence());
            while (at('|')) {
                i++;
                alts.add(sequence());
            }
            return alts.size() == 1 ? alts.get(0) : new Alt(List.copyOf(alts));
        }

        private Node sequence() {
            List<Node> parts = new ArrayList<>();
            while (i < re.length() && !at('|') && !at(')')) {
                Node a = re.startsWith("\\Q", i) ? quoted(parts) : atom();
                if (a == null) {
                    continue; // a flag group such as (?i), or an empty \Q\E
                }
                a = repeat(a);
                if (a instanceof Cat c) {
                    parts.addAll(c.parts());
                } else {
                    parts.add(a);
                }
            }
            return new Cat(List.copyOf(parts));
        }

        /**
         * {@code \Q...\E}: every character a literal. All but the last go straight into the sequence
         * and the last is returned, since (as in RE2) a repetition after {@code \E} applies to it alone.
         */
        private Node quoted(List<Node> parts) {
            int end = re.indexOf("\\E", i + 2);
            String text = re.substring(i + 2, end < 0 ? re.length() : end);
            i = end < 0 ? re.length() : end + 2;
            Node last = null;
            for (int k = 0; k < text.length(); k += Character.charCount(text.codePointAt(k))) {
                if (last != null) {
                    parts.add(last);
                }
                last = new Lit(text.codePointAt(k), fold);
            }
            if (last == null && i < re.length() && "*+?{".indexOf(re.charAt(i)) >= 0) {
                throw unknown("repetition after an empty \\Q\\E");
            }
            return last;
        }

        private Node atom() {
            char c = re.charAt(i);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return charClass();
                case '.':
                    i++;
                    return new Cls(Kind.OTHER, null, 2);
                case '^':
                case '$':
                    i++;
                    return multiline ? new Assert(false, c) : Assert.text(c == '$');
                case '\\':
                    return escape();
                case '*':
                case '+':
                case '?':
                    throw unknown("repetition without operand");
                case '{':
                    if (counted() != null) {
                        throw unknown("repetition without operand");
                    }
                    i++;
                    return new Lit('{', fold); // not a repetition: RE2 reads '{' literally
                default:
                    int cp = re.codePointAt(i);
                    i += Character.charCount(cp);
                    return new Lit(cp, fold);
            }
        }

        private Node escape() {
            if (i + 1 >= re.length()) {
                throw unknown("trailing backslash");
            }
            char e = re.charAt(i + 1);
            switch (e) {
                case 'b':
                case 'B':
                    i += 2;
                    return new Assert(false, e == 'b');
                case 'A':
                case 'z':
                    i += 2;
                    return Assert.text(e == 'z');
                case 'd':
                case 's':
                case 'w':
                case 'D':
                case 'S':
                case 'W':
                    i += 2;
                    return perlClass(e);
                case 'p':
                case 'P':
                    i += 2;
                    skipUnicodeClassName();
                    return new Cls(Kind.OTHER, null, 2);
                default:
                    return new Lit(escapedChar(), fold);
            }
        }

        /** {@code \d \s \w} and their negations; RE2's are ASCII (plus K and long s under (?i): still one unit). */
        private static Cls perlClass(char e) {
            return switch (e) {
                case 'd' -> new Cls(Kind.DIGIT, null, 1);
                case 's' -> new Cls(Kind.SPACE, null, 1);
                case 'w' -> new Cls(Kind.WORD, null, 1);
                default -> new Cls(Kind.OTHER, null, 2);
            };
        }

        /** After {@code \p} or {@code \P}: {@code {Name}}, {@code {^Name}} or one letter. */
        private void skipUnicodeClassName() {
            if (at('{')) {
                int close = re.indexOf('}', i);
                if (close < 0) {
                    throw unknown("unclosed \\p{");
                }
                i = close + 1;
            } else {
                i += Character.charCount(re.codePointAt(i));
            }
        }

        /**
         * The character an escape at {@code i} stands for: escaped punctuation, {@code \a \f \t \n \r
         * \v}, {@code \xHH}, {@code \x{H...}} or octal {@code \0..\777}.
         */
        private int escapedChar() {
            char e = re.charAt(i + 1);
            i += 2;
            if (e < 128 && !Character.isLetterOrDigit(e)) {
                return e;
            }
            switch (e) {
                case 'a':
                    return 7;
                case 'f':
                    return '\f';
                case 't':
                    return '\t';
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 'v':
                    return 11;
                case 'x':
                    if (at('{')) {
                        int close = re.indexOf('}', i);
                        int cp = Integer.parseInt(re.substring(i + 1, close), 16);
                        i = close + 1;
                        return cp;
                    }
                    i += 2;
                    return Integer.parseInt(re.substring(i - 2, i), 16);
                default:
                    if (e < '0' || e > '7' || (e != '0' && !(i < re.length() && isOctal(re.charAt(i))))) {
                        throw unknown("escape \\" + e); // \1-\7 alone would be a backreference
                    }
                    int v = e - '0';
                    for (int k = 0; k < 2 && i < re.length() && isOctal(re.charAt(i)); k++) {
                        v = v * 8 + re.charAt(i++) - '0';
                    }
                    return v;
            }
        }

        private static boolean isOctal(char c) {
            return c >= '0' && c <= '7';
        }

        /** A group; null for a flag group such as {@code (?i)}, whose flags hold to the end of the enclosing group. */
        private Node group() {
            int open = i;
            i++; // (
            boolean outer = fold;
            boolean outerMultiline = multiline;
            if (at('?')) {
                i++;
                if (re.startsWith("P<", i) || at('<')) {
                    int gt = re.indexOf('>', i);
                    if (gt < 0) {
                        throw unknown("unclosed group name");
                    }
                    i = gt + 1;
                } else {
                    boolean negate = false;
                    boolean f = fold;
                    boolean m = multiline;
                    for (; i < re.length() && "imsU-".indexOf(re.charAt(i)) >= 0; i++) {
                        negate |= re.charAt(i) == '-';
                        f = re.charAt(i) == 'i' ? !negate : f;
                        m = re.charAt(i) == 'm' ? !negate : m;
                    }
                    fold = f;
                    multiline = m;
                    if (at(')')) {
                        i++;
                        midFlags |= depth == 0 && open != 0;
                        return null;
                    }
                    if (!at(':')) {
                        throw unknown("group syntax");
                    }
                    i++;
                }
            }
            depth++;
            Node inner = alternation();
            depth--;
            if (!at(')')) {
                throw unknown("unclosed group");
            }
            i++;
            fold = outer;
            multiline = outerMultiline;
            return inner;
        }

        /**
         * {@code [...]} as RE2 reads it: a leading {@code ^} negates, a {@code ]} first is a member,
         * {@code [:name:]} is an ASCII class, {@code -} between two members makes a range, any other
         * {@code [} is a member.
         */
        private Node charClass() {
            i++; // [
            boolean negated = at('^');
            if (negated) {
                i++;
            }
            StringBuilder set = new StringBuilder(); // members, while all are caseless literal characters
            boolean simple = true;
            boolean ascii = true; // every member ASCII: one UTF-16 unit, even with (?i) folding
            boolean digits = true; // every member an ASCII digit
            boolean word = true; // every member an ASCII letter, digit or '_'
            boolean first = true;
            while (!at(']') || first) {
                if (i >= re.length()) {
                    throw unknown("unclosed class");
                }
                first = false;
                char c = re.charAt(i);
                if (c == '[' && re.startsWith("[:", i) && re.indexOf(":]", i + 2) >= 0) {
                    int close = re.indexOf(":]", i + 2);
                    ascii &= re.charAt(i + 2) != '^';
                    String name = re.substring(i, close + 2);
                    digits &= name.equals("[:digit:]");
                    word &= WORD_CLASSES.contains(name);
                    simple = false;
                    i = close + 2;
                    continue;
                }
                if (c == '\\' && i + 1 < re.length() && "dswDSWpP".indexOf(re.charAt(i + 1)) >= 0) {
                    char e = re.charAt(i + 1);
                    i += 2;
                    if (e == 'p' || e == 'P') {
                        skipUnicodeClassName();
                    }
                    ascii &= "dsw".indexOf(e) >= 0;
                    digits &= e == 'd';
                    word &= e == 'd' || e == 'w';
                    if (simple && (e == 'd' || e == 's')) {
                        // RE2's \d and \s are ASCII ([0-9], [\t\n\f\r ]) and caseless: [\d,.] is a set of 12 characters,
                        // whose longest run in a text bounds a match of [\d,.]* (else the repeat would be unbounded).
                        set.append(e == 'd' ? "0123456789" : "\t\n\f\r ");
                    } else {
                        simple = false;
                    }
                    continue;
                }
                int lo = classMember();
                int hi = lo;
                if (at('-') && i + 1 < re.length() && re.charAt(i + 1) != ']') {
                    i++;
                    hi = classMember();
                    simple = false;
                }
                ascii &= hi < 128;
                digits &= lo >= '0' && hi <= '9';
                word &= (lo >= '0' && hi <= '9') || (lo >= 'A' && hi <= 'Z') || (lo >= 'a' && hi <= 'z') || (lo == '_' && hi == '_');
                if (simple && lo < 0x10000 && RegexPrefilter.caseless((char) lo)) {
                    set.append((char) lo);
                } else {
                    simple = false;
                }
            }
            i++; // ]
            if (negated) {
                return new Cls(Kind.OTHER, null, 2);
            }
            if (digits) {
                return new Cls(Kind.DIGIT, null, 1);
            }
            if (simple) {
                return new Cls(Kind.SET, set.toString(), 1);
            }
            return word ? new Cls(Kind.WORD, null, 1) : new Cls(Kind.OTHER, null, ascii ? 1 : 2);
        }

        /** The POSIX classes whose members are all ASCII letters, digits or '_'. */
        private static final java.util.Set<String> WORD_CLASSES = java.util.Set.of(
                "[:alnum:]", "[:alpha:]", "[:digit:]", "[:lower:]", "[:upper:]", "[:word:]", "[:xdigit:]");

        private int classMember() {
            if (at('\\')) {
                return escapedChar();
            }
            int cp = re.codePointAt(i);
            i += Character.charCount(cp);
            return cp;
        }

        private Node repeat(Node atom) {
            while (i < re.length()) {
                char c = re.charAt(i);
                int[] range = c == '*' ? new int[] {0, -1} : c == '+' ? new int[] {1, -1} : c == '?' ? new int[] {0, 1}
                        : c == '{' ? counted() : null;
                if (range == null) {
                    return atom;
                }
                i = c == '{' ? re.indexOf('}', i) + 1 : i + 1;
                if (at('?')) {
                    i++; // lazy
                }
                atom = new Repeat(atom, range[0], range[1]);
            }
            return atom;
        }

        /** {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i} as {min, max}; null when '{' is a literal there. */
        private int[] counted() {
            java.util.regex.Matcher m = COUNTED.matcher(re).region(i, re.length());
            if (!m.lookingAt()) {
                return null;
            }
            int min = Integer.parseInt(m.group(1));
            return new int[] {min, m.group(2) == null ? min : m.group(3).isEmpty() ? -1 : Integer.parseInt(m.group(3))};
        }

        private static final java.util.regex.Pattern COUNTED = java.util.regex.Pattern.compile("\\{(\\d+)(,(\\d*))?\\}");
    }
}
