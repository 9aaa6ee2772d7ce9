package dev.postinglint.core.regex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The policy-wide automaton ({@link PolicyMatcher}, {@link MatchIndex}) finds every occurrence that
 * repeated {@code indexOf} finds, and searches through it report what plain RE2/J reports; field
 * patterns that end in a long {@code [^\n]{m,n}} give plain RE2/J's first match and groups.
 * {@link RegexSpeedupsTest} compares every shipped and tricky pattern through the index on random texts.
 */
class PolicyMatcherTest {

    @Test
    void occurrencesAreThoseOfIndexOf() {
        Random r = new Random(3);
        List<String> literals = List.of("aaa", "aba", "abab", "bab", "opportunit", "eeo", "€€€", "–a–", "rock", "ock", "$ x", " xk", "büro", "région", "ßen");
        PolicyMatcher of = PolicyMatcher.of(literals.stream().map(l -> PolicyPattern.of(Pattern.compile(Pattern.quote(l)))).toList());
        assertEquals(literals.size(), of.size());
        assertTrue(of.isFlat(), "a few literals make a flat table");
        // The flat table, and the trie that a policy too large for the table uses.
        for (PolicyMatcher matcher : List.of(of, new PolicyMatcher(literals, 0))) {
            occurrencesAreThoseOfIndexOf(matcher, literals, r);
        }
        assertFalse(new PolicyMatcher(literals, 0).isFlat());
    }

    private static void occurrencesAreThoseOfIndexOf(PolicyMatcher matcher, List<String> literals, Random r) {
        String[] words = {"a", "b", "ab", "aab", "aba", "–", "€€", "$ ", "opportunity", "EEO", "€", "–", "rock", "ROCK", "é", "\ud83d\ude00", " ", "x", "k", "$", "BÜRO", "büro", "RÉGION", "r", "gion", "Ré", "\u1e9eEN", "ßen"};
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            for (int w = r.nextInt(60); w > 0; w--) {
                b.append(words[r.nextInt(words.length)]);
            }
            String text = b.toString();
            MatchIndex index = matcher.index(new RegexSpeedupsTest.Whole(text));
            String folded = PolicyPattern.fold(text);
            for (String l : literals) {
                List<Integer> expected = new ArrayList<>();
                for (int at = folded.indexOf(l); at >= 0; at = folded.indexOf(l, at + 1)) {
                    expected.add(at);
                }
                assertEquals(expected, Arrays.stream(index.occurrences(l)).boxed().toList(), () -> l + " in '" + text + "'");
            }
            assertNull(index.occurrences("zzz"), "a literal outside the automaton is not indexed");
            assertNull(index.occurrences("a"), "nor one too short to be worth indexing");
        }
    }

    /** Hundreds of literals over three letters overlap in every way (suffixes of each other, inside each other): both automata agree with indexOf. */
    @Test
    void overlappingLiteralsOverAFewLetters() {
        Random r = new Random(4);
        java.util.Set<String> set = new java.util.LinkedHashSet<>();
        while (set.size() < 400) {
            StringBuilder l = new StringBuilder();
            for (int k = 3 + r.nextInt(6); k > 0; k--) {
                l.append("abé".charAt(r.nextInt(3)));
            }
            set.add(l.toString());
        }
        List<String> literals = List.copyOf(set);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            b.append("abéxB".charAt(r.nextInt(5)));
        }
        String folded = PolicyPattern.fold(b.toString());
        for (PolicyMatcher matcher : List.of(new PolicyMatcher(literals, PolicyMatcher.FLAT_BUDGET), new PolicyMatcher(literals, 0))) {
            MatchIndex index = matcher.index(new RegexSpeedupsTest.Whole(b.toString()));
            int found = assertOccurrencesAsIndexOf(index, literals, folded);
            assertTrue(found > 2000, "occurrences: " + found);
        }
    }

    /**
     * The flat table against {@code org.ahocorasick}'s trie (the automaton a policy too large for the table uses)
     * on random literal sets and texts: alphabets from two letters to dozens of characters (the table's rows padded
     * to 2, 4, ... 64 columns), a few to hundreds of literals, inside and suffixes of each other, texts short (one
     * lane) and long (two), with characters outside every literal.
     */
    @Test
    void flatTableFindsWhatTheTrieFinds() {
        Random r = new Random(11);
        String letters = "abcdefghijklmnopqrstuvwxyz0123456789 -/&éüß.,'";
        for (int trial = 0; trial < 120; trial++) {
            String alphabet = letters.substring(0, 2 + r.nextInt(letters.length() - 2));
            java.util.Set<String> set = new java.util.LinkedHashSet<>();
            for (int i = 1 + r.nextInt(trial % 3 == 0 ? 400 : 40); i > 0; i--) {
                StringBuilder l = new StringBuilder();
                for (int k = 1 + r.nextInt(trial % 2 == 0 ? 4 : 12); k > 0; k--) {
                    l.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                set.add(l.toString());
            }
            List<String> literals = List.copyOf(set);
            PolicyMatcher flat = new PolicyMatcher(literals, PolicyMatcher.FLAT_BUDGET);
            PolicyMatcher trie = new PolicyMatcher(literals, 0);
            assertTrue(flat.isFlat() && !trie.isFlat());
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(trial % 4 == 0 ? 200 : 3000); i > 0; i--) {
                b.append(r.nextInt(8) == 0 ? "xyz!\u2019".charAt(r.nextInt(5)) : alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String text = b.toString();
            int[][] expected = trie.occurrences(text);
            int[][] found = flat.occurrences(text);
            for (int id = 0; id < literals.size(); id++) {
                assertArrayEquals(expected[id], found[id], "'" + literals.get(id) + "' in trial " + trial);
            }
        }
    }

    /**
     * Literals of more than 127 distinct characters (Greek, Cyrillic, accented Latin, CJK) leave the small ASCII
     * column table out: every character's column is read from the large one, with the same occurrences.
     */
    @Test
    void literalsOfManyDistinctCharacters() {
        Random r = new Random(6);
        StringBuilder letters = new StringBuilder("abcdefghijklmnopqrstuvwxyzαβγδεζηθικλμνξοπρστυφχψωабвгдежзийклмнопрстуфхцчшщъыьэюяàáâãäåæçèéêëìíîïñòóôõöøùúûüýþÿ0123456789");
        for (char c = '\u4e00'; c < '\u4e30'; c++) {
            letters.append(c); // CJK ideographs: no case
        }
        String alphabet = letters.toString();
        java.util.Set<String> set = new java.util.LinkedHashSet<>();
        for (int i = 0; i < alphabet.length(); i++) {
            set.add(alphabet.substring(i, i + 1).repeat(3));
        }
        while (set.size() < 600) {
            StringBuilder l = new StringBuilder();
            for (int k = 3 + r.nextInt(4); k > 0; k--) {
                l.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            set.add(l.toString());
        }
        List<String> literals = List.copyOf(set);
        PolicyMatcher matcher = new PolicyMatcher(literals, PolicyMatcher.FLAT_BUDGET);
        assertTrue(matcher.isFlat() && matcher.columns() > 128, "columns: " + matcher.columns());
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append(r.nextInt(3) == 0 ? literals.get(r.nextInt(literals.size())) : String.valueOf(alphabet.charAt(r.nextInt(alphabet.length()))));
        }
        String folded = PolicyPattern.fold(b.toString());
        MatchIndex index = matcher.index(new RegexSpeedupsTest.Whole(b.toString()));
        int found = assertOccurrencesAsIndexOf(index, literals, folded);
        assertTrue(found > 5000, "occurrences: " + found);
    }

    /**
     * A pattern's literal ids are bound to the matcher of the policy that loaded it; searched through another
     * matcher's index (whose ids differ), then the first again, it looks its literals up anew each time and
     * reports what plain RE2/J reports.
     */
    @Test
    void aPatternSearchedThroughTwoMatchersUsesEachOnesIds() {
        PolicyPattern eeo = PolicyPattern.of(Pattern.compile("(?i)\\bequal\\s+(?:employment\\s+)?opportunit(?:y|ies)\\b|\\bEEOC?\\b"));
        PolicyPattern rock = PolicyPattern.of(Pattern.compile("(?i)\\brock\\s?stars?\\b|\\bninjas?\\b"));
        PolicyMatcher first = PolicyMatcher.of(List.of(eeo, rock));
        PolicyMatcher second = PolicyMatcher.of(List.of(rock, eeo)); // other ids for the same literals
        String text = "We are an Equal Opportunity employer (EEO), no rock stars, no ninjas; equal employment opportunities. EEOC.";
        for (PolicyMatcher m : List.of(first, second, first, second)) {
            for (PolicyPattern p : List.of(eeo, rock)) {
                List<String> found = new ArrayList<>();
                PolicyPattern.Search s = p.search(m.index(new RegexSpeedupsTest.Whole(text)));
                assertTrue(s.mayMatch(0, text.length()));
                s.findAll(text, 0, (st, e) -> found.add(st + ".." + e));
                assertEquals(RegexSpeedupsTest.plain(Pattern.compile(p.pattern()), text), found, p.pattern());
            }
        }
    }

    @Test
    void thousandsOfPhrasesFindWhatEachFindsAlone() {
        Random r = new Random(5);
        String[] vocabulary = new String[60];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = Integer.toString(i * 7919 + 1000, 36);
        }
        List<PolicyPattern> phrases = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String phrase = vocabulary[r.nextInt(vocabulary.length)] + " " + vocabulary[r.nextInt(vocabulary.length)];
            phrases.add(PolicyPattern.of(Pattern.compile(PolicyPattern.phraseRegex(phrase))));
        }
        StringBuilder b = new StringBuilder();
        while (b.length() < 20_000) {
            String w = vocabulary[r.nextInt(vocabulary.length)];
            b.append(r.nextInt(5) == 0 ? w.toUpperCase(java.util.Locale.ROOT) : w).append(r.nextInt(8) == 0 ? "\n" : r.nextInt(3) == 0 ? "  " : " ");
        }
        String text = b.toString();
        MatchIndex index = PolicyMatcher.of(phrases).index(new RegexSpeedupsTest.Whole(text));
        int matched = 0;
        for (PolicyPattern p : phrases) {
            List<String> expected = RegexSpeedupsTest.plain(Pattern.compile(p.pattern()), text);
            List<String> found = new ArrayList<>();
            PolicyPattern.Search s = p.search(index);
            if (s.mayMatch(0, text.length())) {
                s.findAll(text, 0, (st, e) -> found.add(st + ".." + e));
            }
            assertEquals(expected, found, p.pattern());
            matched += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(matched > 300, "phrases found: " + matched);
    }

    /** The shipped location field patterns, and texts whose lines are longer than the bound, end early, or hold surrogate pairs. */
    @Test
    void lineTailsGiveThePlainFirstMatchAndGroups() {
        List<String> patterns = List.of(
                "(?im)^\\s*(?P<label>(?:available\\s+|job\\s+|office\\s+|work\\s+|primary\\s+)?locations?(?:\\s*\\(s\\))?\\s*(?::|\\s[-–—]\\s))\\s*(?P<value>[^\\n]{2,150})",
                "(?i)(?P<label>\\b(?:available\\s+|job\\s+|office\\s+|work\\s+)?locations?(?:\\s*\\(s\\))?\\s*[:\\-–]+)\\s*(?P<value>[^\\n]{2,150})",
                "(?i)(?P<label>\\bavailable\\s+locations?(?:\\s*\\(s\\))?\\s*:)\\s*(?P<value>[^\\n]{2,200})",
                "(?i)\\blocation:\\s*([^\\n]{1,30})", "(?i)\\blocation:\\s*(?:[^\\n]{3,40})", "(?i)location:\\s*[^\\n]{0,20}");
        String[] pieces = {"Location:", "location -", "Locations (s):", "Available locations:", "Job location –", " ", "\n", "  \n ", "\t",
            "Paris", "San Francisco, CA", "x", "\ud83d\ude00", "é", "-", ":", "a".repeat(140), "b".repeat(30), "Remote (US)"};
        Random r = new Random(9);
        int tails = 0;
        for (String re : patterns) {
            Pattern p = Pattern.compile(re);
            PolicyPattern pp = PolicyPattern.of(p);
            assertTrue(pp.hasLineTail(), re);
            PolicyMatcher matcher = PolicyMatcher.of(List.of(pp));
            for (int i = 0; i < 800; i++) {
                StringBuilder b = new StringBuilder();
                for (int k = 1 + r.nextInt(12); k > 0; k--) {
                    b.append(pieces[r.nextInt(pieces.length)]);
                }
                String whole = b.toString();
                int from = r.nextInt(Math.max(1, whole.length() / 4));
                String text = whole.substring(from);
                String expected = RegexSpeedupsTest.firstGroups(p, text);
                PolicyPattern.Groups viaIndex = pp.search(matcher.index(new RegexSpeedupsTest.Whole(whole))).firstGroups(text, from);
                PolicyPattern.Groups alone = pp.firstGroups(text);
                assertEquals(expected, viaIndex == null ? null : Arrays.toString(viaIndex.spans()), () -> re + " on '" + text + "'");
                assertEquals(expected, alone == null ? null : Arrays.toString(alone.spans()), () -> re + " on '" + text + "'");
                tails += expected != null && expected.length() > 0 ? 1 : 0;
            }
        }
        assertTrue(tails > 500, "matches compared: " + tails);
        assertFalse(PolicyPattern.of(Pattern.compile("a|location:([^\\n]{2,150})")).hasLineTail(), "the tail of one alternative");
        assertFalse(PolicyPattern.of(Pattern.compile("(location:([^\\n]{2,150}))")).hasLineTail(), "inside a group");
        assertFalse(PolicyPattern.of(Pattern.compile("(?U)location:([^\\n]{2,150})")).hasLineTail(), "not greedy");
        assertFalse(PolicyPattern.of(Pattern.compile("location:\\Q[^\\n]{2,150}")).hasLineTail(), "quoted");
        assertArrayEquals(new int[] {0, 12, 10, 12}, PolicyPattern.of(Pattern.compile("location: *([^\\n]{2,40})")).firstGroups("location: ab\ncd").spans());
    }

    /** Checks each literal's occurrences in the index against repeated {@code indexOf} in {@code folded}; returns how many there are. */
    private static int assertOccurrencesAsIndexOf(MatchIndex index, List<String> literals, String folded) {
        int found = 0;
        for (String l : literals) {
            List<Integer> expected = new ArrayList<>();
            for (int at = folded.indexOf(l); at >= 0; at = folded.indexOf(l, at + 1)) {
                expected.add(at);
            }
            assertEquals(expected, Arrays.stream(index.occurrences(l)).boxed().toList(), l);
            found += expected.size();
        }
        return found;
    }
}
