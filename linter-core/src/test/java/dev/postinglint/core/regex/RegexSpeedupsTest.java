package dev.postinglint.core.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The regex speed-ups (RegexPrefilter, AnchoredScan) must report exactly what a plain RE2/J
 * {@code find()} loop reports. Checked on patterns shaped like the shipped packs' and on tricky
 * constructs, over random texts built to hit the literals, word edges, case folding (including the
 * Kelvin sign and the long s) and long runs of white space and digits. Fixed seeds: reproducible.
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
            "(?i)\\b(?:male|female|women|men)\\s+(?:candidates?\\s+|applicants?\\s+)?(?:only|preferred)\\b");

    static final String[] WORDS = {"rock", "star", "rockstar", "ninja", "citizens", "citizen", "only", "must", "be", "a", "us",
        "u.s.", "united", "states", "opt", "equal", "employment", "opportunity", "opportunities", "eeo", "eeoc", "without",
        "regard", "to", "race", "color", "sex", "aged", "ages", "25", "30", "-", "–", "class", "of", "2024", "$", "€", "£",
        "usd", "eur", "100,000", "120k", "k", "available", "location", "locations", "(s)", ":", "job", "office", "remote",
        "jo@x.io", "a.b@c.de", "salary", "history", "how", "much", "do", "you", "earn", "here", "more", "click", "digital",
        "native", "natives", "he/she", "sk", "ss", "boss", "abbbc", "xxy", "xxxy", "kelvin", "\u212aelvin", "K\u212a", "\u017fk",
        "ab", "b", "aab", "xyz", "yz", "ccd", "acd", "bccd", "foo", "foobarbaz", "foobaz", "start", "end", "zzz", "azzz",
        "male", "women", "candidates", "preferred", "the", "team", "\n", "  ", "\t", "_x", "9"};

    static String randomText(Random r, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = WORDS[r.nextInt(WORDS.length)];
            if (r.nextInt(4) == 0) {
                w = w.toUpperCase(java.util.Locale.ROOT);
            } else if (r.nextInt(4) == 0 && !w.isEmpty()) {
                w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            }
            b.append(w);
            int gap = r.nextInt(10);
            b.append(gap == 0 ? "" : gap == 1 ? "  " : gap == 2 ? "\n" : gap == 3 ? "." : gap == 4 ? " \t " : " ");
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

    @Test
    void prefilterNeverSkipsATextThatMatches() {
        Random r = new Random(7);
        for (String re : PATTERNS) {
            Pattern p = Pattern.compile(re);
            RegexPrefilter f = RegexPrefilter.of(p);
            for (int i = 0; i < 400; i++) {
                String text = randomText(r, 1 + r.nextInt(30));
                if (p.matcher(text).find()) {
                    assertTrue(f.mayMatch(RegexPrefilter.fold(text)), () -> re + " matches '" + text + "' but was skipped");
                }
            }
        }
    }

    @Test
    void anchoredAndWindowedScansFindExactlyWhatFindFinds() {
        Random r = new Random(11);
        int compared = 0;
        for (String re : PATTERNS) {
            Pattern p = Pattern.compile(re);
            AnchoredScan scan = AnchoredScan.of(p);
            if (scan == null) {
                continue;
            }
            for (int i = 0; i < 400; i++) {
                String whole = randomText(r, 1 + r.nextInt(80));
                // A region inside a larger text, as rules scan them.
                int from = r.nextInt(Math.max(1, whole.length() / 3));
                int to = whole.length() - r.nextInt(Math.max(1, whole.length() / 3));
                if (to < from) {
                    to = from;
                }
                String text = whole.substring(from, to);
                int[] runs = AnchoredScan.runs(whole);
                List<String> fast = new ArrayList<>();
                boolean done = scan.findAll(text, RegexPrefilter.fold(whole), from, runs[0], runs[1],
                        (s, e) -> fast.add(s + ".." + e));
                List<String> expected = plain(p, text);
                if (done) {
                    compared++;
                    assertEquals(expected, fast, () -> re + " on '" + text + "'");
                    int first = scan.firstStart(text, RegexPrefilter.fold(whole), from, runs[0], runs[1]);
                    assertEquals(expected.isEmpty() ? -1 : Integer.parseInt(expected.get(0).split("\\.\\.")[0]), first, re);
                }
            }
        }
        assertTrue(compared > 2000, "compared " + compared);
    }

    @Test
    void literalsAndPrefixesAreWhatTheyShouldBe() {
        assertEquals(Set.of("opportunit", "eeo", "without"),
                Set.copyOf(RegexPrefilter.of("(?i)\\bequal\\s+(?:employment\\s+)?opportunit(?:y|ies)\\b|\\bEEO\\b|without\\s+x").literals()));
        assertTrue(RegexPrefilter.of("a*b?").isNone(), "nothing is required");
        assertTrue(RegexPrefilter.of("(?:x|)y?").isNone());
        assertTrue(RegexPrefilter.of("\\pL+").isNone());
        List<String> abc = RegexPrefilter.of("ab+c").literals();
        assertTrue(abc.equals(List.of("ab")) || abc.equals(List.of("bc")), "ab+c needs 'ab' and 'bc', not 'abc': " + abc);
        assertNotNull(AnchoredScan.of(Pattern.compile("(?i)\\b(?:u\\.?s\\.?\\s+)?citizens?\\s+only\\b")));
        assertEquals(Set.of("u", "citizen"),
                Set.copyOf(AnchoredScan.of(Pattern.compile("(?i)\\b(?:u\\.?s\\.?\\s+)?citizens?\\s+only\\b")).prefixes()));
        assertNull(AnchoredScan.of(Pattern.compile("^here$")), "text anchors are left to RE2/J");
        assertNull(AnchoredScan.of(Pattern.compile("\\d+")), "nothing literal to look for");
    }

    @Test
    void foldingMatchesRe2CaseFoldingForAsciiLiterals() {
        // RE2's (?i) folds ASCII letters only with each other, plus k with U+212A and s with U+017F.
        assertEquals("kelvin ss", RegexPrefilter.fold("\u212aELVIN \u017fS"));
        for (char c : new char[] {'\u212a', '\u017f'}) {
            String t = String.valueOf(c);
            assertTrue(Pattern.compile("(?i)" + (c == '\u212a' ? "k" : "s")).matcher(t).matches());
        }
        assertFalse(RegexPrefilter.literalChar('é'), "cased letters outside ASCII never stand in a literal");
        assertTrue(RegexPrefilter.literalChar('€'));
    }
}
