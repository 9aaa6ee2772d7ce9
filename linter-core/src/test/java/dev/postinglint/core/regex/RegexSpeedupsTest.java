package dev.postinglint.core.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The regex speed-ups of {@link PolicyPattern} (prefilter and anchored/windowed scans, both read
 * from the one {@link RegexSyntax} tree) must report exactly what a plain RE2/J {@code find()} loop
 * reports. Checked on the shipped packs' patterns, patterns shaped like them, and tricky constructs
 * ({@code \Q..\E}, {@code \p{..}}, {@code \x..}, octal, nested and negated classes, flag groups),
 * over random texts built to hit the literals, word edges, case folding (including the Kelvin sign
 * and the long s), characters outside the BMP and long runs of white space and digits. Fixed seeds.
 */
class RegexSpeedupsTest {
    static final List<String> PATTERNS = List.of(
            "(?i)\\brock ?stars?\\b",
            "(?i)\\b(?:rock\\s?stars?|ninjas?|gurus?|wizards?|jedis?|unicorns?)\\b",
            "(?i)\\b(?:u\\.?s\\.?\\s+)?citizens?\\s+only\\b|\\bmust\\s+be\\s+(?:a\\s+)?(?:u\\.?s\\.?|us|united\\s+states)\\s+citizens?\\b|\\bOPT\\s+only\\b",
            "(?i)\\bequal\\s+(?:employment\\s+)?opportunit(?:y|ies)\\b|\\bEEOC?\\b|without\\s+regard\\s+to\\b[^.]{0,30}\\b(?:race|colou?r|sex)\\b",
            "(?i)\\b(?:aged?|ages)\\s+\\d{2}\\s*(?:-|–|to)\\s*\\d{2}\\b|\\bclass\\s+of\\s+20\\d\\d\\b",
            "(?:[$€£]|\\b(?:USD|EUR|GBP|CAD)\\b)\\s?\\d[\\d,.]*(?:\\s?[kK]\\b)?|\\b\\d[\\d,.]{1,12}(?:\\s?[kK])?\\s?(?:€|£|\\b(?:USD|EUR|GBP|CAD)\\b)",
            "(?:[$€£]|\\b(?:USD|EUR|GBP|CAD|AUD)\\b)\\s?\\d[\\d,.\\s]{0,12}\\d?(?:\\s?[kK]\\b)?|\\b\\d[\\d,.]{1,12}(?:\\s?[kK])?\\s?(?:€|£|\\b(?:USD|EUR)\\b)",
            "(?i)(?P<label>\\b(?:available\\s+|job\\s+|office\\s+|work\\s+)?locations?(?:\\s*\\(s\\))?\\s*[:\\-–]+)\\s*(?P<value>[^\\n]{2,40})",
            "(?i)[A-Z0-9._%+-]+@[A-Z0-9.-]+\\.[A-Z]{2,}",
            "(?i)\\bsalary\\s+history\\b|\\bhow\\s+much\\s+(?:do|did)\\s+you\\s+(?:currently\\s+)?(?:earn|make)\\b",
            "(?i)^\\s*(?:click\\s+)?(?:here|more)\\s*[.!]?\\s*$",
            "(?i)\\bdigital\\s+natives?\\b",
            "(?i)\\bhe/she\\b",
            "(?i)sk",
            "(?i)\\Bss\\b",
            "ab+c|x{2,3}y",
            "Kelvin|\\bKK\\b",
            "a*b",
            "(?:x|)yz",
            "(?i)(?:a|b)?c+d",
            "\\bfoo\\b(?:bar)*baz",
            "(?s)start.{0,20}end",
            "[^a]{3}zzz",
            "(?i)\\b(?:male|female|women|men)\\s+(?:candidates?\\s+|applicants?\\s+)?(?:only|preferred)\\b",
            // \Q..\E: literal text; a repetition after \E applies to its last character only
            "\\Qa.b\\E+c", "(?i)\\Qrock*star\\E", "\\Qab\\E{2}x", "(?i)\\b\\Q$100\\E\\s?k\\b", "x\\Q\\Ey",
            // \p{..} and \P{..}
            "\\pL+star", "(?i)\\p{Greek}+\\s*rock", "\\PL{2}ninja", "\\p{^L}ab", "ninja\\pN", "(?i)\\bguru\\P{L}",
            // \x.., octal
            "\\x41\\x{263a}?b", "(?i)\\x{4B}elvin", "\\x{1F600}x", "[\\x41-\\x5a]+ock", "\\060\\d", "a\\0?b", "\\x{1F600}{1,3}",
            // classes: POSIX, nested, negated, escaped ']' and '-', a ']' first, a '[' member
            "[[:alpha:]]+star", "[^\\]x]{1,3}ninja", "[\\d\\-]+k", "[[:^digit:]]ss", "(?i)[^[:space:]]{2}ss\\b", "[]a]ock",
            "[^]a]ck", "[a-]ro", "[\\[\\]]x", "[[]x", "[\\pL\\d]{2}ock", "(?i)[[:upper:]]elvin", "[0-9]+[kK]", "[:\\-–]+\\s*ninja",
            "[😀a]b", "(?i)[é-ë]+s", "[\\t ]+only",
            // flags, groups, repeats
            "(?i:ROCK)star", "(?i)rock(?-i)STAR", "a(?i)b|c", "(?U)a+?b", "(?s:.)ninja", "(?m)^rock", "x{,3}y", "(?:ab){2,}c",
            "(?:)ab|(?:x|)", "()ab", "(?P<w>wiz)ards?", "(?<n>nin)ja", "\\b(?:un|)icorns?\\b", "(?i)ſk", "(?i)é+s", "é{2}s",
            "\\bsk\\B", "(?:\\bk)+",
            // characters outside the BMP take two UTF-16 units: the longest match must count them so
            "(?s)\\bq.{1,4}z", "q[^a]{1,4}z", "q\\PL{1,4}z", "(?i)q[\\x{1F600}-\\x{1F64F}]{1,4}z",
            // alternations: one literal per branch, the pattern tried where any occurs; letters outside ASCII
            // under (?i) (é/É, ü/Ü, the Greek sigmas, the micro sign, titlecase ǅ, dotted and dotless i, ß/ẞ)
            "(?i)\\btélétravail\\b|\\bà\\s+distance\\b|\\brégion\\s+\\w+|\\bbasée?s?\\s+(?:à|en|au)\\b|\\bbüro\\s+in\\b",
            "télétravail|Région\\s+\\w+|BÜRO", "(?i)\\bÜber\\w*|\\bμ\\w*σ|ǅem|straße|ıa|İst",
            // overlapping branches, a branch with no literal (no narrowing), nested groups and alternations
            "(?i)\\b(?:ab|abc|abcd)\\w*", "(?i)(?:foo|foobar)(?:bar|)baz?", "x(?:abc|(?:de|fgh)i|)y",
            "(?:(?:alpha|beta)\\s+(?:gamma|delta)|epsilon)\\w{0,5}", "(?i)\\b(?:our|the)\\s+(?:[A-Z]\\w+\\s+){0,2}(?:office|hq)\\b|\\bwork\\s+(?:from|in)\\b",
            "(?i)\\b(?:offices?|hq|campus)\\s+(?:in|at)\\b|\\brelocat\\w*\\b|[a-z]+ing\\b", "\\w+@\\w+|[[:alpha:]_]{2,}x|(?i)kelvin\\w+",
            "\\bUC\\s?[A-Z][a-z]+|\\b(?:in|at)\\s+[A-Z][a-z]+(?:\\s[A-Z][a-z]+)?,\\s+(?:[A-Z]{2}\\b|[A-Z][a-z]+)",
            // alternations put together from their branches' own matches: overlapping branches, ties, flags
            "\\b[a-z]+\\s+rock\\b|\\bro\\w*|ck\\s+st", "(?i)x?ninja\\w{0,5}|\\w{0,3}ja\\b|\\bnin", "[a-z]{0,4}star|sta|tar\\w*",
            "(?i)\\w{0,6}ock|rock\\s*star|(?-i:[A-Z]\\w*)?ninja", "(?i)[a-z]*team|the\\s+\\w+|(?s:.)we", "[a-z]{0,3}(?i)ro(?-i)ck|ck|ROCK",
            "(?i)\\b[A-Z][a-z]+\\s+University\\b|\\bUC\\s?[A-Z][a-z]+|\\b(?:in|at)\\s+[A-Z][a-z]+,\\s+[A-Z]{2}\\b",
            // line anchors under (?m): tried at line starts, or in windows of whole lines; \s* crossing line ends
            "(?m)^\\s*rock\\s*$", "(?m)^rock|star$", "(?im)^\\s*(?:job\\s+)?locations?\\s*:\\s*(?P<v>[^\\n]{2,40})",
            "(?im)^\\s*(?P<label>(?:(?:available\\s+)?locations?(?:\\s*\\(s\\))?|büro)\\s*(?::|\\s[-–]\\s))\\s*(?P<value>[^\\n]{2,30})",
            "(?m)^(?:rock|ninja)", "(?m)(?:^|\\b)star\\b", "(?m:^star)|ninja$", "(?m)^\\s*$\\s*rock", "(?m)\\bstar$", "(?m)[a-z]*ninja\\s*$", "(?m)\\s*rock$", "(?m)\\W?ninja\\W*$\\s*\\w",
            "(?m)^\\W*ninja\\W*$", "(?m)\\Arock|^star", "(?m)^star(?-m:$)", "(?m)\\b^\\s*(?:equal|ninja)\\s+\\w+\\s*:?\\s*$",
            "(?im)^\\s*equal\\s+(?:employment\\s+)?opportunit(?:y|ies)(?:\\s+(?:at|statement)\\b[^\\n]{0,40})?\\s*:?\\s*$",
            // alternations tried branch by branch at each candidate: branches sharing prefixes or prefixes of each
            // other, a \\b on one branch and not another, required literals far from the prefix, (?i) in one branch only
            "(?i)\\b(?:is|are|as)\\s+an?\\s+eeo\\b|\\bequal\\s+opportunity\\b|is\\w*\\s+ninja|\\bas\\w{0,4}\\s+(?:\\w+\\s+){0,2}star",
            "rock\\s+\\w+|\\brock\\w*\\s+star|ro(?i)ck\\s+\\w{0,3}ninja|(?i:ROCK)\\s*$|\\bro\\b",
            "\\b(?:our|the)\\s+(?:[A-Z]\\w+\\s+){0,2}(?:office|team)\\b|\\bthe\\s+\\w+|\\bour\\b|(?P<g>the)\\s+rock",
            "(?i)\\bin\\s+\\w+\\s+only|in\\w*\\s+\\d|\\bin\\b|ing\\s+rock");

    static final String[] WORDS = {"rock", "star", "rockstar", "ninja", "citizens", "citizen", "only", "must", "be", "a", "us",
        "u.s.", "united", "states", "opt", "equal", "employment", "opportunity", "opportunities", "eeo", "eeoc", "without",
        "regard", "to", "race", "color", "sex", "aged", "ages", "25", "30", "-", "–", "class", "of", "2024", "$", "€", "£",
        "usd", "eur", "100,000", "120k", "k", "available", "location", "locations", "(s)", ":", "job", "office", "remote",
        "jo@x.io", "a.b@c.de", "salary", "history", "how", "much", "do", "you", "earn", "here", "more", "click", "digital",
        "native", "natives", "he/she", "sk", "ss", "boss", "abbbc", "xxy", "xxxy", "kelvin", "\u212aelvin", "K\u212a", "\u017fk",
        "ab", "b", "aab", "xyz", "yz", "ccd", "acd", "bccd", "foo", "foobarbaz", "foobaz", "start", "end", "zzz", "azzz",
        "male", "women", "candidates", "preferred", "the", "team", "\n", "  ", "\t", "_x", "9", "a.b", "a.bbc", "rock*star",
        "abab", "ababx", "$100", "$100k", "ωμέγα", "αβ", "☺", "A☺b", "Ab", "\ud83d\ude00", "\ud83d\ude00x", "\ud83d\ude00b", "ABCock",
        "0", "07", "a\u0000b", "]x", "[x", "]ock", "aock", "-ro", "ro", "é", "É", "ée", "Ébs", "éés", "xy", "xxxy", "wizards", "ninja9",
        "guru!", "12-3k", "\u017fk", "\u212a", "ROCKstar", "rockSTAR", "C", "aB",
        "télétravail", "TÉLÉTRAVAIL", "Télétravail", "à", "À", "distance", "région", "RÉGION", "Région", "büro", "BÜRO", "Büro", "in",
        "Über", "über", "ÜBER", "μάσ", "ΜΑΣ", "\u00b5ας", "µ", "ς", "σ", "Σ", "straße", "STRASSE", "stra\u1e9ee", "ǅem", "Ǆem", "ǆem",
        "İst", "ist", "ıa", "IA", "abcd", "foobar", "bazbaz", "with_under_scores_and_more_word_chars", "ALPHA", "gamma", "epsilon",
        "Berkeley", "Norwich,", "UK", "Colorado", "at", "University", "UC", "UCSF", "@", "(", ")", "[", "]", "{", "}", ":", "–", "q\ud83d\ude00\ud83d\ude00\ud83d\ude00z", "q\ud83d\ude00z", "q\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00z"};

    /** Random texts draw on the words above and (weighted, so that matches are frequent) on the pattern's own. */
    static String[] vocabulary(String re) {
        List<String> words = new ArrayList<>(List.of(WORDS));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]{2,}").matcher(re);
        while (m.find()) {
            words.addAll(java.util.Collections.nCopies(4, m.group()));
        }
        return words.toArray(String[]::new);
    }

    static String randomText(Random r, String[] words, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String w = words[r.nextInt(words.length)];
            if (r.nextInt(4) == 0) {
                w = w.toUpperCase(java.util.Locale.ROOT);
            } else if (r.nextInt(4) == 0 && !w.isEmpty()) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            b.append(w);
            int gap = r.nextInt(10);
            // Long runs inside would-be matches test the bounds on a match's length.
            b.append(gap == 0 ? "" : gap == 1 ? "  " : gap == 2 ? "\n" : gap == 3 ? "." : gap == 4 ? " \t "
                    : gap == 5 ? " ".repeat(1 + r.nextInt(12)) : gap == 6 && r.nextBoolean() ? "-".repeat(1 + r.nextInt(6)) : " ");
            if (r.nextInt(50) == 0) {
                b.append("          "); // a long run of spaces
            }
            if (r.nextInt(60) == 0) {
                b.append("1234567890123456"); // a long run of digits
            }
        }
        return b.toString();
    }

    /** What a plain find() loop reports: [start, end) of every non-empty match. */
    static List<String> plain(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                out.add(m.start() + ".." + m.end());
            }
        }
        return out;
    }

    /** A whole text as a posting's view hands it to the searches. */
    record Whole(String folded, int[] runs) implements PolicyPattern.Text {
        Whole(String text) {
            this(PolicyPattern.fold(text), PolicyPattern.runs(text));
        }
    }

    /** The patterns of the shipped packs (every pattern-like key, and phrases as the loader builds them). */
    static List<String> packPatterns() throws IOException {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(Path.of("../rules/src/main/resources/dev/postinglint/rules"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(f))) {
                    collect(doc, null, out);
                }
            }
        }
        assertTrue(out.size() > 20, "read " + out.size() + " pack patterns");
        return out;
    }

    private static void collect(Object node, String key, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> collect(v, String.valueOf(k), out));
        } else if (node instanceof List<?> l) {
            l.forEach(x -> collect(x, key, out));
        } else if (node instanceof String s && key != null) {
            if (key.equals("phrase") || key.equals("phrases")) {
                out.add(PolicyPattern.phraseRegex(s.strip()));
            } else if (key.contains("pattern") || key.equals("contains") || key.equals("matches") || key.equals("unless-block")
                    || key.equals("separator") || key.equals("ignore")) {
                out.add(s);
            }
        }
    }

    static List<String> allPatterns() throws IOException {
        List<String> all = new ArrayList<>(PATTERNS);
        all.addAll(packPatterns());
        return all;
    }

    /**
     * A shipped pack's pattern is read with its RE2/J programs left to first use ({@link Program}): it must be
     * read exactly as one compiled at once (the same speed-ups, the same literals for the policy's automaton),
     * and each program it may use must compile to the same program.
     */
    @Test
    void aPackPatternCompiledOnFirstUseIsReadAsOneCompiledAtOnce() throws IOException {
        Random r = new Random(5);
        for (String re : packPatterns()) {
            PolicyPattern now = PolicyPattern.of(Pattern.compile(re));
            PolicyPattern later = PolicyPattern.onFirstUse(re);
            assertEquals(now, later, re);
            assertEquals(now.hashCode(), later.hashCode(), re);
            assertEquals(now.literals(), later.literals(), re);
            assertEquals(now.prefixes(), later.prefixes(), re);
            assertEquals(now.indexedLiterals(), later.indexedLiterals(), re);
            assertEquals(List.of(now.scans(), now.hasLineTail(), now.hasBranches(), now.dispatchesBranches()),
                    List.of(later.scans(), later.hasLineTail(), later.hasBranches(), later.dispatchesBranches()), re);
            assertEquals(now.programs(), later.programs(), re); // compiles every deferred one: RE2/J's equals is text and flags
            for (int k = 0; k < now.programs().size(); k++) {
                assertEquals(now.programs().get(k).namedGroups(), later.programs().get(k).namedGroups(), re);
            }
            String[] words = vocabulary(re);
            for (int i = 0; i < 20; i++) {
                String text = randomText(r, words, 1 + r.nextInt(30));
                Whole whole = new Whole(text);
                assertEquals(matches(now, whole, text), matches(later, whole, text), () -> re + " on '" + text + "'");
            }
        }
    }

    private static List<Integer> matches(PolicyPattern p, Whole whole, String text) {
        List<Integer> out = new ArrayList<>();
        p.search(whole).findAll(text, 0, (s, e) -> {
            out.add(s);
            out.add(e);
        });
        PolicyPattern.Groups g = p.search(whole).firstGroups(text, 0);
        out.add(g == null ? -1 : g.groupCount());
        return out;
    }

    @Test
    void prefilterNeverSkipsATextThatMatches() throws IOException {
        Random r = new Random(7);
        List<String> all = allPatterns();
        for (String re : all) {
            String[] words = vocabulary(re);
            Pattern p = Pattern.compile(re);
            PolicyPattern f = PolicyPattern.of(p);
            for (int i = 0; i < 400; i++) {
                String text = randomText(r, words, 1 + r.nextInt(30));
                if (p.matcher(text).find()) {
                    assertTrue(f.mayMatch(PolicyPattern.fold(text)), () -> re + " matches '" + text + "' but was skipped");
                }
            }
        }
    }

    @Test
    void searchesFindExactlyWhatFindFinds() throws IOException {
        Random r = new Random(11);
        List<String> all = allPatterns();
        // The policy-wide automaton over every pattern's literals, as a loaded policy holds it.
        PolicyMatcher matcher = PolicyMatcher.of(all.stream().map(re -> PolicyPattern.of(Pattern.compile(re))).toList());
        int compared = 0;
        int scanned = 0;
        int dispatched = 0;
        for (String re : all) {
            String[] words = vocabulary(re);
            Pattern p = Pattern.compile(re);
            PolicyPattern pp = PolicyPattern.of(p);
            scanned += pp.scans() ? 1 : 0;
            dispatched += pp.dispatchesBranches() ? 1 : 0;
            for (int i = 0; i < 300; i++) {
                String whole = randomText(r, words, 1 + r.nextInt(80));
                // A region inside a larger text, as rules scan them.
                int from = r.nextInt(Math.max(1, whole.length() / 3));
                int to = Math.max(from, whole.length() - r.nextInt(Math.max(1, whole.length() / 3)));
                String text = whole.substring(from, to);
                List<String> expected = plain(p, text);
                String expectedFirst = firstGroups(p, text);
                // Each literal searched for on its own, and looked up in one pass of the automaton.
                for (PolicyPattern.Text searched : List.of(new Whole(whole), matcher.index(new Whole(whole)))) {
                    PolicyPattern.Search search = pp.search(searched);
                    if (!search.mayMatch(from, to)) {
                        assertEquals(List.of(), expected, () -> re + " skipped '" + text + "'");
                        continue;
                    }
                    List<String> fast = new ArrayList<>();
                    search.findAll(text, from, (s, e) -> fast.add(s + ".." + e));
                    assertEquals(expected, fast, () -> re + " on '" + text + "'");
                    PolicyPattern.Groups first = search.firstGroups(text, from);
                    assertEquals(expectedFirst, first == null ? null : Arrays.toString(first.spans()), () -> re + " on '" + text + "'");
                }
                assertEquals(expectedFirst, pp.firstGroups(text) == null ? null : Arrays.toString(pp.firstGroups(text).spans()), re);
                compared += expected.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(compared > 3000, "compared " + compared);
        assertTrue(scanned > 60, "scanned " + scanned);
        assertTrue(dispatched > 60, "alternations tried branch by branch: " + dispatched);
    }

    /**
     * Patterns with a repeated set ({@code [\d,.]*}) on long texts with many candidates: the set's longest run
     * is counted (through the index, once per text) only when more than a few candidates need the bound; with
     * few, the window is the rest of the text. Both must find what find() finds, in every region.
     */
    @Test
    void repeatedSetsOnLongTextsWithManyCandidates() {
        Random r = new Random(29);
        List<String> patterns = List.of("(?:[$€£]|\\b(?:USD|EUR)\\b)\\s?\\d[\\d,.]*\\s?[kKmM]?",
                "(?i)\\bup\\s+to\\s+(?:[$€£]|USD)\\s?\\d[\\d,.]*\\s?[kK]?",
                "(?:(?:[$€£]|\\bUSD\\b)\\s?[1-9][\\d,.]*|\\b\\d[\\d,.]{1,12}\\s?(?:€|\\bUSD\\b))(?:$|[.,;]|\\s*[a-z]\\w*)",
                "\\bx[\\s-]+y\\b");
        String[] words = {"$", "€", "USD", "EUR", "up", "to", "1,234.50", "12", "3.", ",,", "999,999,999", "k", "M", "x", "y", "-", "--", "pay",
            "per", "year", "\n", "  ",
            "$1,234.50", "USD 12k", "€999,999", "up to $5k", "$ 12.5M", "1.000,00 €", "12 USD", "x - y", "x--y"};
        PolicyMatcher matcher = PolicyMatcher.of(patterns.stream().map(re -> PolicyPattern.of(Pattern.compile(re))).toList());
        int compared = 0;
        for (String re : patterns) {
            Pattern p = Pattern.compile(re);
            PolicyPattern pp = PolicyPattern.of(p);
            for (int i = 0; i < 40; i++) {
                String whole = randomText(r, words, 100 + r.nextInt(400));
                int from = r.nextInt(Math.max(1, whole.length() / 4));
                int to = Math.max(from, whole.length() - r.nextInt(Math.max(1, whole.length() / 4)));
                String text = whole.substring(from, to);
                List<String> expected = plain(p, text);
                for (PolicyPattern.Text searched : List.of(new Whole(whole), matcher.index(new Whole(whole)))) {
                    PolicyPattern.Search search = pp.search(searched);
                    List<String> fast = new ArrayList<>();
                    if (search.mayMatch(from, to)) {
                        search.findAll(text, from, (s, e) -> fast.add(s + ".." + e));
                    }
                    assertEquals(expected, fast, () -> re + " on '" + text + "'");
                }
                compared += expected.size();
            }
        }
        assertTrue(compared > 1000, "matches compared: " + compared);
    }

    /**
     * Line anchors on long texts of many lines, where the windows around the literals are small and the
     * line starts many, so the windowed and line-start scans run (short texts mostly fall back to a plain scan).
     */
    @Test
    void lineAnchoredPatternsOnLongTexts() {
        Random r = new Random(13);
        List<String> patterns = List.of("(?m)^\\s*rock\\s*$", "(?m)[a-z]*ninja\\s*$", "(?m)\\s*rock$", "(?m)\\W?ninja\\W*$\\s*\\w",
                "(?m)^\\s*$\\s*rock", "(?m)^rock|star$", "(?m)^\\W*ninja\\W*$",
                "(?im)^\\s*(?P<label>(?:(?:available\\s+)?locations?(?:\\s*\\(s\\))?|büro)\\s*(?::|\\s[-–]\\s))\\s*(?P<value>[^\\n]{2,30})",
                "(?im)^\\s*equal\\s+(?:employment\\s+)?opportunit(?:y|ies)(?:\\s+(?:at|statement)\\b[^\\n]{0,40})?\\s*:?\\s*$",
            // alternations tried branch by branch at each candidate: branches sharing prefixes or prefixes of each
            // other, a \\b on one branch and not another, required literals far from the prefix, (?i) in one branch only
            "(?i)\\b(?:is|are|as)\\s+an?\\s+eeo\\b|\\bequal\\s+opportunity\\b|is\\w*\\s+ninja|\\bas\\w{0,4}\\s+(?:\\w+\\s+){0,2}star",
            "rock\\s+\\w+|\\brock\\w*\\s+star|ro(?i)ck\\s+\\w{0,3}ninja|(?i:ROCK)\\s*$|\\bro\\b",
            "\\b(?:our|the)\\s+(?:[A-Z]\\w+\\s+){0,2}(?:office|team)\\b|\\bthe\\s+\\w+|\\bour\\b|(?P<g>the)\\s+rock",
            "(?i)\\bin\\s+\\w+\\s+only|in\\w*\\s+\\d|\\bin\\b|ing\\s+rock");
        String[] filler = {"we", "are", "hiring", "a", "team", "the", "of", "work", "with", "our", "and", "you", "will", "build"};
        String[] hits = {"rock", "ninja", "star", "Location:", "locations (s) –", "Büro -", "equal opportunity", "EQUAL employment opportunities",
            "statement", ":", "\n", "\n\n", "  ", "\n  ", "-", "x\n", "\nrock\n", "\n \trock \n", "ninja\n", "\nstar",
            "\nLocation: Paris\n", "\n Equal Opportunity Statement\n", "\n\n-ninja-\n"};
        PolicyMatcher matcher = PolicyMatcher.of(patterns.stream().map(re -> PolicyPattern.of(Pattern.compile(re))).toList());
        for (String re : patterns) {
            int withMatches = 0;
            Pattern p = Pattern.compile(re);
            PolicyPattern pp = PolicyPattern.of(p);
            assertTrue(pp.scans(), re);
            for (int i = 0; i < 150; i++) {
                StringBuilder b = new StringBuilder();
                for (int w = 0, n = 300 + r.nextInt(600); w < n; w++) {
                    b.append(r.nextInt(15) == 0 ? hits[r.nextInt(hits.length)] : filler[r.nextInt(filler.length)]);
                    b.append(r.nextInt(12) == 0 ? "\n" : r.nextInt(30) == 0 ? "\n \t" : " ");
                }
                String text = b.toString();
                List<String> expected = plain(p, text);
                String expectedFirst = firstGroups(p, text);
                for (PolicyPattern.Text searched : List.of(new Whole(text), matcher.index(new Whole(text)))) {
                    List<String> fast = new ArrayList<>();
                    pp.search(searched).findAll(text, 0, (s, e) -> fast.add(s + ".." + e));
                    assertEquals(expected, fast, () -> re + " on '" + text + "'");
                    PolicyPattern.Groups first = pp.search(searched).firstGroups(text, 0);
                    assertEquals(expectedFirst, first == null ? null : Arrays.toString(first.spans()), () -> re + " on '" + text + "'");
                }
                withMatches += expected.isEmpty() ? 0 : 1;
            }
            assertTrue(withMatches > 10, re + ": texts with matches: " + withMatches);
        }
    }

    /**
     * End anchors ({@code $} without {@code (?m)}, {@code \\z}) on long texts, where the windows around the
     * literals are small, so the windowed and anchored scans run and their windows end before the text's end;
     * also on regions of them, whose end is the anchor's.
     */
    @Test
    void endAnchoredPatternsOnLongTexts() {
        Random r = new Random(17);
        List<String> patterns = List.of("rock\\s*$", "(?i)\\bninja\\b[^\\n]{0,5}\\z", "star$|\\bninja", "\\s*rock(?:$|[.,](?:\\s|$)|\\s+\\w)",
                "(?P<value>(?:[$€]|\\bUSD\\b)\\s?[1-9][\\d,.\\s]{0,12}\\d?(?:\\s?[kK]\\b)?|\\b\\d[\\d,.]{1,12}\\s?(?:€|\\bUSD\\b))"
                        + "(?:$|[.,;:!?)](?:\\s|$)|\\s*(?:[^\\s\\d.,mMbB+\\w]|[ac-ln-zAC-LN-Z]\\w*|[mM](?:o|ay)|[bB](?:a|e)))");
        String[] filler = {"we", "are", "hiring", "a", "team", "the", "of", "work", "with", "our", "and", "you", "will", "build"};
        String[] hits = {"rock", "ninja", "star", "$", "$1", "$120,000", "€45.000", "USD 95k", "12 000 USD", "M", "month", "bonus",
            ".", ",", ")", "\n", "  ", "5", "rock.", "ninja!", "$25M", "k"};
        String[] tails = {"rock", "ninja", "star", "$120,000", "ninja!"};
        PolicyMatcher matcher = PolicyMatcher.of(patterns.stream().map(re -> PolicyPattern.of(Pattern.compile(re))).toList());
        for (String re : patterns) {
            int withMatches = 0;
            Pattern p = Pattern.compile(re);
            PolicyPattern pp = PolicyPattern.of(p);
            assertTrue(pp.scans(), re);
            for (int i = 0; i < 150; i++) {
                StringBuilder b = new StringBuilder();
                for (int w = 0, n = 300 + r.nextInt(600); w < n; w++) {
                    b.append(r.nextInt(15) == 0 ? hits[r.nextInt(hits.length)] : filler[r.nextInt(filler.length)]);
                    b.append(r.nextInt(12) == 0 ? "\n" : " ");
                }
                // The text ends on a hit (its anchor reached) or on filler; the region ends anywhere.
                String whole = b.append(r.nextInt(4) > 0 ? tails[r.nextInt(tails.length)] : "").toString();
                int from = r.nextInt(whole.length() / 4);
                int to = whole.length() - (r.nextInt(4) > 0 ? 0 : r.nextInt(whole.length() / 4));
                String text = whole.substring(from, to);
                List<String> expected = plain(p, text);
                String expectedFirst = firstGroups(p, text);
                for (PolicyPattern.Text searched : List.of(new Whole(whole), matcher.index(new Whole(whole)))) {
                    List<String> fast = new ArrayList<>();
                    pp.search(searched).findAll(text, from, (s, e) -> fast.add(s + ".." + e));
                    assertEquals(expected, fast, () -> re + " on '" + text + "'");
                    PolicyPattern.Groups first = pp.search(searched).firstGroups(text, from);
                    assertEquals(expectedFirst, first == null ? null : Arrays.toString(first.spans()), () -> re + " on '" + text + "'");
                }
                withMatches += expected.isEmpty() ? 0 : 1;
            }
            assertTrue(withMatches > 5, re + ": texts with matches: " + withMatches);
        }
    }

    /**
     * Alternations put together from their branches ({@link PolicyPattern#hasBranches}): a frequent literal
     * ({@code in}) keeps the whole pattern from narrowing, each branch is narrowed on its own, and dense
     * clusters of a few letters make the branches' matches overlap and tie in every way.
     */
    @Test
    void branchesOverlappingInEveryWay() {
        Random r = new Random(17);
        List<String> patterns = List.of("[a-c]{0,3}abc|bca[a-c]{0,2}|\\bin\\s+[a-c]{1,4}|cab|b{2}",
                "(?i)[a-c]{0,4}bb|\\bin\\s+a[a-c]{0,6}|ab[a-c]{0,5}c|ca",
                "[a-c]{1,2}ca|\\bin\\s+[a-c]{2,}|bcb|ab{1,3}");
        int compared = 0;
        for (String re : patterns) {
            Pattern p = Pattern.compile(re);
            PolicyPattern pp = PolicyPattern.of(p);
            assertTrue(pp.hasBranches(), re);
            PolicyMatcher matcher = PolicyMatcher.of(List.of(pp));
            for (int i = 0; i < 400; i++) {
                StringBuilder b = new StringBuilder();
                for (int w = 0, n = 100 + r.nextInt(200); w < n; w++) {
                    if (r.nextInt(10) == 0) {
                        for (int k = 1 + r.nextInt(12); k > 0; k--) {
                            b.append("abcB".charAt(r.nextInt(4)));
                        }
                    } else {
                        b.append(r.nextInt(3) == 0 ? "zz" : r.nextBoolean() ? "in" : "in ");
                    }
                    b.append(r.nextInt(4) == 0 ? "" : " ");
                }
                String text = b.toString();
                List<String> expected = plain(p, text);
                for (PolicyPattern.Text searched : List.of(new Whole(text), matcher.index(new Whole(text)))) {
                    List<String> fast = new ArrayList<>();
                    pp.search(searched).findAll(text, 0, (st, e) -> fast.add(st + ".." + e));
                    assertEquals(expected, fast, () -> re + " on '" + text + "'");
                }
                compared += expected.size();
            }
        }
        assertTrue(compared > 5000, "matches compared: " + compared);
    }

    /**
     * A branch or a pattern whose longest match is unbounded ({@code [\\d,.]*}, {@code é+}) reaches the text's end: its
     * required literals are looked for up to there (a reach computed as offset plus Long.MAX_VALUE once overflowed
     * and dropped these matches).
     */
    @Test
    void unboundedMatchesFindTheirLiteralsAnywhereAfterTheCandidate() {
        String pay = "(?i)\\bup\\s+to\\s+(?:[$€£]|USD)\\s?\\d[\\d,.]*\\s?[kK]?|(?:[$€£])\\s?\\d[\\d,.]*\\s?[kK]?\\s?\\+(?:\\s|$)"
                + "|(?:[$€£])\\s?\\d[\\d,.]*\\s?[kK]?\\s+and\\s+up\\b";
        for (String re : List.of(pay, "(?i)é+s", "(?i)\\bis\\s+\\w+\\s+ninja|\\bas\\w*\\s+star")) {
            Pattern p = Pattern.compile(re);
            PolicyPattern pp = PolicyPattern.of(p);
            PolicyMatcher matcher = PolicyMatcher.of(List.of(pp));
            for (String text : List.of("Pay: $50k+ and $300,000+ more, or $150,000+", "up to $200,000+ or $90k and up.", "x ÉésW éés",
                    "it is a real ninja, as well as a superstar", "$1+")) {
                List<String> expected = plain(p, text);
                for (PolicyPattern.Text searched : List.of(new Whole(text), matcher.index(new Whole(text)))) {
                    List<String> fast = new ArrayList<>();
                    pp.search(searched).findAll(text, 0, (st, e) -> fast.add(st + ".." + e));
                    assertEquals(expected, fast, () -> re + " on '" + text + "'");
                }
            }
        }
        assertEquals(List.of("5..11", "15..25", "34..43"), plain(Pattern.compile(pay), "Pay: $50k+ and $300,000+ more, or $150,000+"));
    }

    /**
     * A prefix after which no match can go on with an ASCII word character ({@code \bwork\s+}, {@code \b(?:in|at)\s+},
     * {@code \bworks?\b} for "works") is not tried where one follows it ("working", "into"); what the analysis says
     * of each prefix, and the searches, through the index and without, against find() on texts made of the words
     * that trip it: continuations inside words, optional and repeated parts, {@code \B}, (?i) letters outside ASCII
     * that fold into it (U+017F, U+212A), a prefix at the region's end.
     */
    @Test
    void prefixesFollowedByAWordCharacterAreNotTried() {
        assertEquals(Map.of("work", true), AnchoredScan.nonWordAfter(RegexSyntax.parse("\\bwork\\s+(?:from|in|at)\\s+(?:our|the)\\b"), false));
        assertEquals(Map.of("in", true, "at", true), AnchoredScan.nonWordAfter(RegexSyntax.parse("\\b(?:in|at)\\s+[A-Z][a-z]+,\\s+[A-Z]{2}"), false));
        assertEquals(Map.of("work", false, "works", true), AnchoredScan.nonWordAfter(RegexSyntax.parse("(?i)\\bwork(?:s\\b|\\d)|\\bworks\\b"), false));
        assertEquals(Map.of("office", false), AnchoredScan.nonWordAfter(RegexSyntax.parse("(?i)\\boffices?\\s+in"), false),
                "an optional letter may follow");
        assertEquals(Map.of("ab", false), AnchoredScan.nonWordAfter(RegexSyntax.parse("ab\\B"), false));
        assertEquals(Map.of("ab", false), AnchoredScan.nonWordAfter(RegexSyntax.parse("ab"), false), "the match may end there: anything follows");
        assertEquals(Map.of("ab", true), AnchoredScan.nonWordAfter(RegexSyntax.parse("ab[-,.]+"), false));
        assertEquals(Map.of("ab", false), AnchoredScan.nonWordAfter(RegexSyntax.parse("(?:ab)+[-,.]"), false), "'abab'");
        assertEquals(Map.of("ab", false), AnchoredScan.nonWordAfter(RegexSyntax.parse("(?:ab[-,]?)+-"), false), "another repetition may follow");
        assertEquals(Map.of("star", false), AnchoredScan.nonWordAfter(RegexSyntax.parse("(?i)star(?:\u017f|-)"), false),
                "U+017F matches s under (?i)");
        assertEquals(Map.of("star", true), AnchoredScan.nonWordAfter(RegexSyntax.parse("star(?:\u212a|-)"), false),
                "without (?i) U+212A matches only itself");
        assertEquals(Map.of("x", false), AnchoredScan.nonWordAfter(RegexSyntax.parse("x[\\d,.]+"), false));
        assertEquals(Map.of("x", true), AnchoredScan.nonWordAfter(RegexSyntax.parse("x[,.]+"), false));
        String[] patterns = {"\\bwork\\s+(?:from|in|at)\\s+(?:our|the)\\b", "\\b(?:in|at)\\s+[A-Z][a-z]+(?:\\s[A-Z][a-z]+)?,\\s+(?:[A-Z]{2}\\b|[A-Z][a-z]+)",
            "(?i)\\bwork(?:s\\b|\\d)|\\bworks\\b", "(?i)\\bworks?\\b", "(?i)\\boffices?\\s+in", "ab\\B", "(?:ab)+[-,.]", "(?:ab[-,]?)+-",
            "(?i)star(?:\u017f|-)", "star(?:\u212a|-)", "(?i)\\bstar(?:s|\\b)", "(?i)\\bwor[k\u212a]\\b", "(?i)\\bwork\\b|\\bworking\\b", "(?i)rock(?:\\s?stars?)?\\b|\\bninja\\W"};
        String[] words = {"work", "working", "works", "worK", "wor\u212a", "wor\u212as", "in", "into", "In", "at", "Boston", "Boston,", "MA", " ", "  ", "\n",
            "our", "the", "from", "office", "offices", "officer", "ab", "abab", "ab-", "ab,", "-", ",", ".", "star", "stars", "star\u017f", "\u017f", "s",
            "rock", "rockstar", "ROCK STARS", "ninja", "ninjas", "ninja!", "x", "_", "1", "é"};
        Random r = new Random(17);
        for (String re : patterns) {
            Pattern p = Pattern.compile(re);
            PolicyPattern pp = PolicyPattern.of(p);
            PolicyMatcher matcher = PolicyMatcher.of(List.of(pp));
            for (int i = 0; i < 400; i++) {
                String whole = randomText(r, words, 1 + r.nextInt(40));
                int from = r.nextInt(Math.max(1, whole.length() / 3));
                int to = Math.max(from, whole.length() - r.nextInt(Math.max(1, whole.length() / 3)));
                String text = whole.substring(from, to);
                List<String> expected = plain(p, text);
                String expectedFirst = firstGroups(p, text);
                for (PolicyPattern.Text searched : List.of(new Whole(whole), matcher.index(new Whole(whole)))) {
                    PolicyPattern.Search search = pp.search(searched);
                    List<String> fast = new ArrayList<>();
                    if (search.mayMatch(from, to)) {
                        search.findAll(text, from, (st, e) -> fast.add(st + ".." + e));
                    }
                    assertEquals(expected, fast, () -> re + " on '" + text + "'");
                    PolicyPattern.Groups first = search.mayMatch(from, to) ? search.firstGroups(text, from) : null;
                    assertEquals(expectedFirst, first == null ? null : Arrays.toString(first.spans()), () -> re + " on '" + text + "'");
                }
            }
        }
    }

    /**
     * An alternation in a group after assertions only ({@code \b(?:USAJOBS|competitive\s+service|...)\b}) is tried branch
     * by branch, as the alternation of {@code \b(?:A)\b|\b(?:B)\b|...}: "competitive" only where "service" follows within
     * reach. The split, and the searches against find() on texts of near misses; a group after a character that may
     * or may not be there, a repeated group and capturing groups are left as they are.
     */
    @Test
    void anAlternationInAGroupAfterAssertionsIsTriedBranchByBranch() {
        assertEquals(List.of("(?i)\\b(?:usajobs)\\b", "(?i)\\b(?:competitive\\s+service)\\b", "(?i)\\b(?:5\\s+CFR\\s+7\\.3)\\b"),
                RegexSyntax.groupBranches("(?i)\\b(?:usajobs|competitive\\s+service|5\\s+CFR\\s+7\\.3)\\b"));
        assertEquals(List.of("\\b(?:a(?:x|y))[)]\\s", "\\b(?:b\\))[)]\\s"), RegexSyntax.groupBranches("\\b(?:a(?:x|y)|b\\))[)]\\s"),
                "the group's own closing parenthesis, not one inside it, escaped or in a class");
        assertEquals(List.of("\\b(?:\\Q)|\\E)\\s", "\\b(?:[]()][[:alpha:])])\\s"), RegexSyntax.groupBranches("\\b(?:\\Q)|\\E|[]()][[:alpha:])])\\s"),
                "quoted text and classes hold no group's end");
        assertNull(RegexSyntax.groupBranches("x(?:a|b)c"), "x is not an assertion");
        assertNull(RegexSyntax.groupBranches("\\b(?:a|b)+c"), "a repeated group");
        assertNull(RegexSyntax.groupBranches("\\b(?:ab)c"), "no alternation in the group");
        String usa = "(?i)\\b(?:USAJOBS|Office\\s+of\\s+Personnel\\s+Management|competitive\\s+service|federal\\s+civil\\s+service|"
                + "Executive\\s+Order\\s+11935|5\\s+CFR\\s+7\\.3|Government\\s+of\\s+Canada)\\b";
        assertTrue(of(usa).dispatchesBranches());
        assertFalse(of("(?i)\\b(?:(a)|b)\\s+c").dispatchesBranches(), "capturing groups keep their numbers");
        String[] words = {"competitive", "service", "services", "salary", "Office", "of", "Personnel", "Management", "office", "USAJOBS", "usajobsx",
            "federal", "civil", "Executive", "Order", "11935", "5", "CFR", "7.3", "7x3", "Government", "Canada", "x", "_"};
        Random r = new Random(23);
        for (String re : List.of(usa, "(?i)\\b(?:civil|federal\\s+civil)\\s+service", "\\B(?:ice|al)\\s+(?:of|civil)", "(?i)\\b(?:order|order\\s+11935)")) {
            Pattern p = Pattern.compile(re);
            PolicyPattern pp = PolicyPattern.of(p);
            PolicyMatcher matcher = PolicyMatcher.of(List.of(pp));
            int found = 0;
            for (int i = 0; i < 400; i++) {
                String whole = randomText(r, words, 1 + r.nextInt(40));
                int from = r.nextInt(Math.max(1, whole.length() / 3));
                int to = Math.max(from, whole.length() - r.nextInt(Math.max(1, whole.length() / 3)));
                String text = whole.substring(from, to);
                List<String> expected = plain(p, text);
                found += expected.size();
                for (PolicyPattern.Text searched : List.of(new Whole(whole), matcher.index(new Whole(whole)))) {
                    PolicyPattern.Search search = pp.search(searched);
                    List<String> fast = new ArrayList<>();
                    if (search.mayMatch(from, to)) {
                        search.findAll(text, from, (st, e) -> fast.add(st + ".." + e));
                    }
                    assertEquals(expected, fast, () -> re + " on '" + text + "'");
                }
            }
            assertTrue(found > 2, re + ": " + found + " matches");
        }
    }

    /** The first match of a plain find() and every group's [start, end), as {@link PolicyPattern.Groups#spans()} gives them; null: no match. */
    static String firstGroups(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return null;
        }
        int[] spans = new int[2 * (m.groupCount() + 1)];
        for (int g = 0; g <= m.groupCount(); g++) {
            spans[2 * g] = m.start(g) < 0 ? -1 : m.start(g);
            spans[2 * g + 1] = m.start(g) < 0 ? -1 : m.end(g);
        }
        return Arrays.toString(spans);
    }

    @Test
    void literalsAndPrefixesAreWhatTheyShouldBe() {
        assertEquals(Set.of("opportunit", "eeo", "without"),
                Set.copyOf(of("(?i)\\bequal\\s+(?:employment\\s+)?opportunit(?:y|ies)\\b|\\bEEO\\b|without\\s+x").literals()));
        assertTrue(of("a*b?").literals().isEmpty(), "nothing is required");
        assertTrue(of("(?:x|)y?").literals().isEmpty());
        assertTrue(of("\\pL+").literals().isEmpty());
        List<String> abc = of("ab+c").literals();
        assertTrue(abc.equals(List.of("ab")) || abc.equals(List.of("bc")), "ab+c needs 'ab' and 'bc', not 'abc': " + abc);
        assertEquals(Set.of("u", "citizen"), Set.copyOf(of("(?i)\\b(?:u\\.?s\\.?\\s+)?citizens?\\s+only\\b").prefixes()));
        assertFalse(of("^here$").scans(), "start anchors are left to RE2/J");
        assertTrue(of("here$").scans(), "an end anchor is no match's concern before a window's end");
        assertTrue(of("(?:[$€]|\\bUSD\\b)\\s?\\d+(?:$|[.,](?:\\s|$)|\\s*[a-z])").scans());
        assertTrue(of("here\\z").scans());
        assertFalse(of("(?m)\\Ahere$").scans());
        assertFalse(of("(?m)(?-m:^)here").scans(), "(?-m) makes ^ a text anchor again");
        assertTrue(of("(?m)^\\s*here$").scans(), "line anchors are not text anchors");
        assertTrue(of("\\bUniversity\\s+(?:of\\s+(?:the\\s+)?|College\\s+)?[A-Z]|\\b[A-Z][a-z]+\\s+University\\b|\\bUC\\s?[A-Z][a-z]+"
                + "|\\bUC[A-Z]{1,3}\\b|\\b(?:in|at)\\s+[A-Z][a-z]+(?:\\s[A-Z][a-z]+)?,\\s+(?:[A-Z]{2}\\b|[A-Z][a-z]+)").hasBranches(),
                "places in prose: each branch is narrowed by its own literals");
        assertFalse(of("[a-z]+star|\\d+").hasBranches(), "a branch without a literal");
        assertFalse(of("ab|(?i)cd|ef").hasBranches(), "flags set between branches reach into the next");
        assertEquals(List.of("(?i)ab", "(?i)c(?-i:d)", "(?i)e"), RegexSyntax.topLevelBranches("(?i)ab|c(?-i:d)|e"));
        assertEquals(null, RegexSyntax.topLevelBranches("(?:ab|cd)"));
        assertTrue(AnchoredScan.startsAtLineStart(RegexSyntax.parse("(?m)^\\s*here|\\b^there")));
        assertFalse(AnchoredScan.startsAtLineStart(RegexSyntax.parse("(?m)^\\s*here|there")));
        assertFalse(AnchoredScan.startsAtLineStart(RegexSyntax.parse("(?m)here$")));
        assertFalse(of("\\d+").scans(), "nothing literal to look for");
        // The constructs the two former readers disagreed on are read, not given up on.
        assertEquals(List.of("a.b"), of("x?\\Qa.b\\E").literals());
        assertEquals(List.of("a."), of("\\Qa.b\\E+c").prefixes(), "the repeat applies to the last quoted character");
        assertEquals(List.of("abc"), of("\\x41\\x{62}c").prefixes());
        assertEquals(List.of("kelvin"), of("(?i)\\pL*\\x{4B}elvin").literals());
        assertEquals(List.of("rockstar"), of("[[:alpha:]\\]]+rockstar").literals());
        assertTrue(of("\\p{Greek}+rock").scans());
        assertEquals(List.of("ab"), of("(?:a)b").prefixes(), "groups join the sequence around them");
        // A class of a few caseless characters is one of them, as an alternation of literals is.
        String money = "(?:[$\u20ac\u00a3]|\\b(?:USD|EUR)\\b)\\s?\\d[\\d,.]*";
        assertEquals(Set.of("$", "\u20ac", "\u00a3", "usd", "eur"), Set.copyOf(of(money).literals()));
        assertEquals(Set.of("$", "\u20ac", "\u00a3", "usd", "eur"), Set.copyOf(of(money).prefixes()));
        assertTrue(of("[-,.;:]\\d").literals().isEmpty(), "five common marks are no filter");
        assertTrue(of("[a$]\\d").literals().isEmpty(), "a letter has case partners: not a literal set");
    }

    private static PolicyPattern of(String re) {
        return PolicyPattern.of(Pattern.compile(re));
    }

    @Test
    void foldingMatchesRe2CaseFoldingForAsciiLiterals() {
        // RE2's (?i) folds ASCII letters only with each other, plus k with U+212A and s with U+017F.
        assertEquals("kelvin ss", PolicyPattern.fold("\u212aELVIN \u017fS"));
        for (char c : new char[] {'\u212a', '\u017f'}) {
            String t = String.valueOf(c);
            assertTrue(Pattern.compile("(?i)" + (c == '\u212a' ? "k" : "s")).matcher(t).matches());
        }
        StringBuilder nonAscii = new StringBuilder();
        for (int cp = 128; cp <= Character.MAX_CODE_POINT; cp++) {
            if (!Character.isSurrogate((char) cp) || cp > 0xffff) {
                nonAscii.appendCodePoint(cp).append(' ');
            }
        }
        List<String> foldToAscii = new ArrayList<>();
        Matcher m = Pattern.compile("(?i)[a-z]").matcher(nonAscii);
        while (m.find()) {
            foldToAscii.add(m.group());
        }
        assertEquals(List.of("\u017f", "\u212a"), foldToAscii, "the only characters outside ASCII that (?i) folds to ASCII");
        assertTrue(RegexPrefilter.literal(new RegexSyntax.Lit('é', true)), "letters outside ASCII stand in literals, under (?i) too");
        assertTrue(RegexPrefilter.literal(new RegexSyntax.Lit('€', false)));
        assertFalse(RegexPrefilter.literal(new RegexSyntax.Lit(0x1F600, false)), "outside the Basic Multilingual Plane");
        assertEquals("télétravail à büro ss k i", PolicyPattern.fold("TÉLÉTRAVAIL À BÜRO \u017fS \u212a \u0130"));
    }

    /**
     * Every character of the Basic Multilingual Plane folds ({@link RegexPrefilter#foldChar}) to the same
     * character as every character RE2/J's {@code (?i)} lets it match, and none of them lets it match a
     * character outside that plane: so a literal of such characters, folded, occurs in the folded text
     * wherever RE2/J could match it. RE2/J walks a character's case orbit with its (package-private)
     * {@code Unicode.simpleFold}, for literals and classes alike; the walk is read here by reflection,
     * over every character, and checked against what {@code (?i)} matches for a sample.
     */
    @Test
    void foldingIsTheSameForEveryCharacterRe2CaseFoldsTogether() throws ReflectiveOperationException {
        java.lang.reflect.Method simpleFold = Class.forName("com.google.re2j.Unicode").getDeclaredMethod("simpleFold", int.class);
        simpleFold.setAccessible(true);
        int orbits = 0;
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            List<Integer> orbit = new ArrayList<>();
            for (int x = (int) simpleFold.invoke(null, c); x != c && orbit.size() < 10; x = (int) simpleFold.invoke(null, x)) {
                orbit.add(x);
            }
            orbits += orbit.isEmpty() ? 0 : 1;
            for (int x : orbit) {
                int cc = c;
                assertTrue(x < 0x10000 && RegexPrefilter.foldChar((char) x) == RegexPrefilter.foldChar((char) c),
                        () -> String.format("U+%04X and U+%04X match each other under (?i) but fold apart", cc, x));
            }
            if (c % 97 == 0 || c == 'k' || c == 0xe9 || c == 0x3c3 || c == 0xdf || c == 0x1c5) {
                // The walk is what (?i) matches: the character's orbit, and nothing else in the plane.
                Pattern p = Pattern.compile(String.format("(?i)\\x{%x}", c));
                for (int x : orbit) {
                    assertTrue(p.matcher(String.valueOf((char) x)).matches(), String.format("U+%04X U+%04X", c, x));
                }
                assertFalse(p.matcher(String.valueOf((char) (c ^ 0x40))).matches() && !orbit.contains(c ^ 0x40) && (c ^ 0x40) != c,
                        String.format("U+%04X", c));
            }
        }
        assertTrue(orbits > 2000, "characters with a case orbit: " + orbits);
    }

    @Test
    void alternationsGetOneLiteralPerBranch() {
        // The location pattern in five languages: every branch has a literal of three characters or more.
        List<String> languages = of("(?i)\\btélétravail\\b|\\bà\\s+distance\\b|\\ben\\s+présentiel\\b|\\brégion\\s+\\w+|\\bbasée?s?\\s+(?:à|en|au)\\b"
                + "|\\bnos\\s+(?:bureaux|locaux)\\b|\\bhome-?office\\b|\\bbüro\\s+in\\b|\\bescritório\\s+em\\b").literals();
        assertEquals(List.of("télétravail", "distance", "présentiel", "région", "basé", "bureaux", "locaux", "office", "büro", "escritório"), languages);
        // Of two sets with a two-letter literal, the one less likely to occur.
        assertEquals(Set.of("offices", "hq", "campus"), Set.copyOf(of("(?i)\\b(?:offices|hq|campus)\\s+(?:in|at)\\b").literals()));
        // Case-sensitive letters outside ASCII are literals too (folded as the text is).
        assertEquals(List.of("straße"), of("STRAẞE").literals());
        // A branch without a literal leaves the whole pattern unnarrowed.
        assertTrue(of("x(?:abc|(?:de|fgh)i|)y").literals().equals(List.of("x")) || of("x(?:abc|(?:de|fgh)i|)y").literals().equals(List.of("y")));
        assertTrue(of("(?i)abc|\\w+").literals().isEmpty());
        assertTrue(of("abc|(?:def)?").literals().isEmpty());
    }

    @Test
    void wordCharacterRunsBoundAMatch() throws IOException {
        AnchoredScan.Runs runs = new AnchoredScan.Runs(new int[] {2, 3, 7}, "");
        assertEquals(1 + 7, AnchoredScan.max(RegexSyntax.parse("x\\w+"), runs));
        assertEquals(7 + 2 + 7, AnchoredScan.max(RegexSyntax.parse("(?i)[a-z]+\\s*[[:alnum:]_]*"), runs));
        assertEquals(7, AnchoredScan.max(RegexSyntax.parse("(?i)k+"), runs));
        assertEquals(Long.MAX_VALUE, AnchoredScan.max(RegexSyntax.parse("[a-zé]+"), runs));
        assertEquals(Long.MAX_VALUE, AnchoredScan.max(RegexSyntax.parse("[^a]+"), runs));
        assertEquals(Long.MAX_VALUE, AnchoredScan.max(RegexSyntax.parse("x\\w+"), new AnchoredScan.Runs(new int[] {2, 3}, "")));
        // \d and \s inside a class are members of a set (RE2's are ASCII): the set's longest run in the text bounds
        // a repeat of it, which made the pay pattern's [\d,.]* unbounded (scanned whole) before.
        String pay = "Pay: $1,234.50 or  12 345\t6 per year";
        AnchoredScan.Runs payRuns = new AnchoredScan.Runs(PolicyPattern.runs(pay), pay);
        assertEquals(1 + 8, AnchoredScan.max(RegexSyntax.parse("\\$[\\d,.]*"), payRuns));
        assertEquals(1 + 11, AnchoredScan.max(RegexSyntax.parse("x[\\d\\s]+"), payRuns));
        assertEquals(Long.MAX_VALUE, AnchoredScan.max(RegexSyntax.parse("\\$[\\d\\pL]*"), payRuns));
        assertEquals(Long.MAX_VALUE, AnchoredScan.max(RegexSyntax.parse("\\$[^\\d,.]*"), payRuns));
        assertEquals(8, AnchoredScan.Runs.longestRun(pay, "0123456789,."));
        // The bound put together once per pattern gives what the tree gives, for every pattern and text.
        Random r = new Random(19);
        for (String re : allPatterns()) {
            RegexSyntax.Node tree = RegexSyntax.parse(re);
            AnchoredScan.Bound bound = AnchoredScan.Bound.of(tree);
            for (int i = 0; i < 20; i++) {
                String text = randomText(r, vocabulary(re), 1 + r.nextInt(30));
                int[] textRuns = i % 5 == 0 ? Arrays.copyOf(PolicyPattern.runs(text), 2) : PolicyPattern.runs(text);
                assertEquals(AnchoredScan.max(tree, new AnchoredScan.Runs(textRuns, text)), bound.of(new AnchoredScan.Runs(textRuns, text)),
                        () -> re + " on '" + text + "'");
            }
        }
        // Spaces, digits, and word characters with the long s and the Kelvin sign that (?i) folds into them.
        assertEquals(List.of(1, 1, 8), Arrays.stream(PolicyPattern.runs("a \u017fs_9\u212aKx1é\u212a")).boxed().toList());
    }

    /** The longest runs ({@link PolicyPattern#runs}, counted without branches) are those of RE2/J's own {@code \s+}, {@code [0-9]+} and {@code (?i)\w+}. */
    @Test
    void runsAreTheLongestMatchesOfRe2() {
        Random r = new Random(12);
        String alphabet = " \n\t\r\f\u000b09aZ_-.é\u017f\u212a\u0131\u00a0ı€";
        Pattern[] classes = {Pattern.compile("\\s+"), Pattern.compile("[0-9]+"), Pattern.compile("(?i)\\w+")};
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(40); k > 0; k--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String text = b.toString();
            int[] expected = new int[3];
            for (int c = 0; c < 3; c++) {
                Matcher m = classes[c].matcher(text);
                while (m.find()) {
                    expected[c] = Math.max(expected[c], m.end() - m.start());
                }
            }
            assertEquals(Arrays.toString(expected), Arrays.toString(PolicyPattern.runs(text)), () -> "'" + text + "'");
        }
    }
}
