package dev.postinglint.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The speed-ups of {@link PayFigures}: the search that tries only the positions where a match can
 * start reports what a plain {@code find()} loop reports, groups included, and a paragraph that
 * {@link PayFigures#mayHaveFigure} turns away has nothing the figures are read from.
 */
class PayFiguresSearchTest {
    /** Pieces that pay text is made of, and the near misses around them (magnitudes, case, boundaries). */
    private static final String[] PIECES = {"$", "éup to", "Ωmax ", "_min.", "9maximum", "xstarting at", "€", "£", "zł", "ł", "USD", "usd", "Usd", "CAD", "cad", "CAD $", "C$", "CA$", "US$",
        "A$", "EUR", "eur", "GBP", "AUD", "CHF", "PLN", "SEK", "NOK", "DKK", "dkk", "XUSD", "USDX", "_USD", "éUSD", "120,000", "120.000",
        "120 000", "95", "1", "0", "55.50", "150,00", "7", "2024", "k", "K", "kg", " ", "  ", "\u00a0", "\u202f", "\n", " - ", "-", "–",
        "—", " to ", "to", " and ", " à ", " bis ", "up to", "Up To", "maximum of", "MAXIMUM", "max.", "Max", "min.", "minimum",
        "starting at", "Starting from", "at least", "no less than", "no more than", "not to exceed", "capped at", "M", "m", "bn",
        "million", "Billion", "b", "per year", "/hour", "annually", "salary", "OTE", "a", "the", "Senior", "Denver", ":", ";", ". ",
        ",", "(", ")", "+", "x", "é", "ſ", "K"};

    private static final String[] CURRENCIES = {"$", "€", "£", "USD ", "usd ", "CAD $", "C$", "US$", "A$", "EUR", "GBP ", "CHF", "XUSD", ""};
    private static final String[] NUMBERS = {"120,000", "120.000", "120 000", "120\u00a0000", "95", "1", "0", "55.50", "150,00", "7",
        "2024", "1,234,567,890"};
    private static final String[] SEPARATORS = {" - ", "-", "–", " — ", " to ", "to", " and ", " à ", " bis ", " ", ", "};
    private static final String[] WORDS = {"up to ", "Up To ", "maximum of ", "MAXIMUM: ", "max. ", "min.", "minimum ", "starting at ",
        "Starting from ", "at least ", "no less than ", "no more than ", "not to exceed ", "capped at ", "", "salary: "};
    private static final String[] AFTER = {"", "", "k", "K", " k", "kg", "M", " m", "bn", " million", "b", " EUR", "€", " zł", " USD",
        " per year", "/hour", " annually", ".", ";"};

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    /** Noise, amounts ("$120,000k"), ranges and bounded figures ("up to $95"), run together at random. */
    private static String text(Random random) {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(4)) {
                case 0 -> b.append(pick(random, PIECES));
                case 1 -> b.append(pick(random, WORDS)).append(pick(random, CURRENCIES)).append(pick(random, NUMBERS))
                        .append(pick(random, AFTER));
                default -> b.append(pick(random, CURRENCIES)).append(pick(random, NUMBERS)).append(pick(random, AFTER))
                        .append(pick(random, SEPARATORS)).append(pick(random, CURRENCIES)).append(pick(random, NUMBERS))
                        .append(pick(random, AFTER));
            }
        }
        return b.toString();
    }

    /** Every match of a plain find() loop: its groups' spans. */
    private static List<List<Integer>> plain(Pattern p, String text) {
        List<List<Integer>> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(spans(m));
        }
        return out;
    }

    private static List<List<Integer>> fast(Pattern p, String text, PayFigures.Starts starts) {
        List<List<Integer>> out = new ArrayList<>();
        Matcher m = PayFigures.startsOnly(p, text);
        for (int at = 0; PayFigures.next(m, text, at, starts); at = m.end()) {
            out.add(spans(m));
        }
        return out;
    }

    private static List<Integer> spans(Matcher m) {
        List<Integer> s = new ArrayList<>();
        for (int g = 0; g <= m.groupCount(); g++) {
            s.add(m.start(g));
            s.add(m.end(g));
        }
        return s;
    }

    @Test
    void searchingFromPossibleStartsFindsWhatFindFinds() {
        Random random = new Random(16);
        int matched = 0;
        for (int i = 0; i < 30_000; i++) {
            String t = text(random);
            List<List<Integer>> ranges = plain(PayFigures.RANGE, t);
            assertEquals(ranges, fast(PayFigures.RANGE, t, PayFigures::rangeStart), t);
            List<List<Integer>> singles = plain(PayFigures.SINGLE, t);
            assertEquals(singles, fast(PayFigures.SINGLE, t, PayFigures::singleStart), t);
            matched += ranges.size() + singles.size();
        }
        assertTrue(matched > 10_000, "the pieces make many matches: " + matched);
    }

    @Test
    void aParagraphTurnedAwayHasNoFigureToRead() {
        Random random = new Random(61);
        int turnedAway = 0;
        for (int i = 0; i < 30_000; i++) {
            String t = text(random);
            if (PayFigures.mayHaveFigure(t)) {
                continue;
            }
            turnedAway++;
            // RANGE matches without a currency are dropped; SINGLE always has one.
            Matcher m = PayFigures.RANGE.matcher(t);
            while (m.find()) {
                for (int g : new int[] {1, 4, 5, 8}) {
                    assertTrue(m.group(g) == null || m.group(g).isBlank(), t);
                }
            }
            assertFalse(PayFigures.SINGLE.matcher(t).find(), t);
        }
        assertTrue(turnedAway > 1_000, "many texts have no digit or no currency: " + turnedAway);
        assertFalse(PayFigures.mayHaveFigure("From 2020 to 2024, with 5 to 10 reports"));
        assertFalse(PayFigures.mayHaveFigure("A salary in USD, EUR or zł"));
        assertTrue(PayFigures.mayHaveFigure("90 to 110 usd an hour"));
        assertTrue(PayFigures.mayHaveFigure("5 000 zł"));
    }

    @Test
    void askingInPlaceAnswersAsAskingTheCutText() {
        Random random = new Random(62);
        int yes = 0;
        for (int i = 0; i < 20_000; i++) {
            // Paragraphs run together as in a text view: a code or sign at a cut's edge, a word character just before it.
            String t = text(random) + pick(random, new String[] {"\n", "x", "_", "é", "", " "}) + text(random);
            int from = random.nextInt(t.length() + 1);
            int to = from + random.nextInt(t.length() - from + 1);
            boolean expected = PayFigures.mayHaveFigure(t.substring(from, to));
            assertEquals(expected, PayFigures.mayHaveFigure(t, from, to), t + " [" + from + ", " + to + ")");
            yes += expected ? 1 : 0;
        }
        assertTrue(yes > 2_000 && yes < 18_000, "both answers are common: " + yes);
    }

    @Test
    void aLetterOfACodeIsComparedAsRegionMatchesComparesIt() {
        for (char letter = 'a'; letter <= 'z'; letter++) {
            String l = String.valueOf(letter);
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                String x = String.valueOf((char) c);
                assertEquals(x.regionMatches(true, 0, l, 0, 1), PayFigures.sameLetter((char) c, letter), "U+" + Integer.toHexString(c) + " " + l);
                assertEquals(("x" + x + "\u0800").regionMatches(true, 1, l, 0, 1), PayFigures.sameLetter((char) c, letter), "U+" + Integer.toHexString(c));
            }
        }
    }

    @Test
    void readingGivesTheSameFiguresAsBefore() {
        var f = PayFigures.read("Up to $140,000; the range is USD 120,000 – 160,000 per year, and 2020 - 2024 is not pay.", "");
        assertEquals(1, f.ranges().size());
        assertEquals(120_000, f.ranges().get(0).low());
        assertEquals(160_000, f.ranges().get(0).high());
        assertEquals("USD", f.ranges().get(0).currency());
        assertEquals(1, f.singles().size());
        assertEquals(140_000, f.singles().get(0).value());
        assertEquals(PayFigures.Bound.MAX, f.singles().get(0).bound());
    }
}
