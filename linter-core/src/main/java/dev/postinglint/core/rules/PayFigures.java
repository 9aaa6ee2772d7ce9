package dev.postinglint.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pay figures of one paragraph, read as numbers: ranges ("$120,000 – $150,000 per year",
 * "CAD 90k to 110k", "between €45.000 and €55.000"), and single figures that carry a bound ("a maximum of
 * $140,000", "up to $60/hour", "starting at $95k"). A figure needs a currency (sign or code) on it or on
 * the other end of its range; a magnitude ("$25M", "€2bn") is never pay. Used by {@code type: pay-range}.
 *
 * <p>The patterns are fixed, with bounded repetition and no nested quantifiers, and run on one
 * paragraph at a time, so java.util.regex cannot backtrack far.
 */
final class PayFigures {
    /** What a figure is paid per. UNKNOWN when the text does not say. */
    enum Period {
        HOUR, WEEK, MONTH, YEAR, UNKNOWN;

        /** Whether two figures can be compared: the same period, or one unknown of a like size. */
        boolean comparable(Period other, double a, double b) {
            if (this == other) {
                return true;
            }
            if (this == UNKNOWN || other == UNKNOWN) {
                return (a >= 1000) == (b >= 1000);
            }
            return false;
        }
    }

    /** What a single figure says about the pay: its top, or its bottom. */
    enum Bound {
        MAX, MIN
    }

    /** A range, with offsets in the paragraph's text, its currency normalized, and the lead-in paragraph before it ("" if none). */
    record Range(double low, double high, String currency, Period period, int start, int end, String text, String label) {
    }

    /** A single figure with a bound ("maximum $140,000"). */
    record Single(double value, Bound bound, String currency, Period period, int start, int end, String text) {
    }

    record Figures(List<Range> ranges, List<Single> singles) {
    }

    private static final String CUR = "(?:C\\$|CA\\$|CAD\\s?\\$|US\\$|A\\$|[$€£]|\\b(?:USD|CAD|EUR|GBP|AUD|CHF|PLN|SEK|NOK|DKK)\\b)";
    private static final String CUR_AFTER = "(?:€|£|\\b(?:USD|CAD|EUR|GBP|AUD|CHF|PLN|SEK|NOK|DKK|zł)\\b)";
    /** 120,000 / 120.000 / 120 000 / 120000 / 55.50 / 120k */
    private static final String NUM = "\\d{1,3}(?:[,.\\u00a0\\u202f ]\\d{3}){1,3}(?!\\d)(?:[.,]\\d{1,2}(?!\\d))?|\\d{1,7}(?:[.,]\\d{1,2})?(?!\\d)";
    private static final String AMOUNT = "(%1$s\\s?)?(" + NUM + ")(\\s?[kK](?![a-zA-Z]))?(\\s?" + CUR_AFTER + ")?";
    static final Pattern RANGE = Pattern.compile(
            String.format(AMOUNT, CUR) + "\\s*(?:-|–|—|to|and|à|bis)\\s*" + String.format(AMOUNT, CUR)
                    // not a magnitude: "$2M-$5M", "€1–2bn"
                    + "(?!\\s?(?:[mMbB](?![a-ln-z])|bn|mn|million|billion))",
            Pattern.UNICODE_CASE);
    static final Pattern SINGLE = Pattern.compile(
            "(?i)\\b(maximum(?:\\s+of)?|max\\.?|up\\s+to|not\\s+(?:to\\s+)?exceed(?:ing)?|capped\\s+at|no\\s+more\\s+than"
                    + "|minimum(?:\\s+of)?|min\\.?|starting\\s+(?:at|from)|at\\s+least|no\\s+less\\s+than)\\s*:?\\s*"
                    + "(" + CUR + ")\\s?(" + NUM + ")(\\s?[kK](?![a-zA-Z]))?(?!\\s?(?:[mMbB](?![a-ln-z])|bn|mn|million|billion))");
    private static final Pattern PERIOD = Pattern.compile(
            "(?i)^[^.;\\n]{0,30}?(?:(?:\\b(?:per|an?|each)\\s*|/\\s*)(hour|hr|h|week|wk|month|mo|year|yr|annum)\\b|\\b(hourly|weekly|monthly|annual(?:ly)?|yearly|p\\.?\\s?a\\.?|OTE)\\b)");
    private static final Pattern PERIOD_BEFORE = Pattern.compile(
            "(?i)\\b(hourly|weekly|monthly|annual(?:ly)?|yearly|per\\s+hour|per\\s+year|salary|OTE)\\b[^.;\\n]{0,40}$");

    private PayFigures() {
    }

    /** The figures of one paragraph; {@code before} is the text that labels it (a short lead-in paragraph), or "". */
    static Figures read(String text, String before) {
        if (!mayHaveFigure(text)) {
            return NONE; // most paragraphs have no digit, or no currency: the patterns would find nothing to keep
        }
        List<Range> ranges = new ArrayList<>();
        Matcher m = startsOnly(RANGE, text);
        for (int at = 0; next(m, text, at, PayFigures::rangeStart); at = m.end()) {
            // An explicit code ("$99,000 CAD") says more than the bare sign before it.
            String cur = firstNonNull(m.group(4), m.group(8), m.group(1), m.group(5));
            if (cur != null && currency(cur).equals("$")) {
                String other = firstNonNull(m.group(5), m.group(1));
                cur = other != null && !currency(other).equals("$") ? other : cur;
            }
            if (cur == null) {
                continue; // "2020 - 2024", "9-5": no currency, no pay
            }
            Double a = amount(m.group(2), m.group(3));
            Double b = amount(m.group(6), m.group(7));
            // "$120 - 150k", "$170-195,000": the thousands of the top apply to the bottom
            if (a != null && b != null && a < 1000 && b >= 10_000 && a * 1000 < b && a * 1000 * 3 > b) {
                a = a * 1000;
            }
            // A top over 20 times the bottom is a typo ("$150,00-$220,000", "150,000K") or not one pay: unread.
            if (a == null || b == null || a <= 0 || b <= a || b > a * 20) {
                continue;
            }
            Period p = period(text, m.start(), m.end());
            ranges.add(new Range(a, b, currency(cur), p, m.start(), m.end(), m.group().strip(), before));
        }
        List<Single> singles = new ArrayList<>();
        Matcher s = startsOnly(SINGLE, text);
        for (int at = 0; next(s, text, at, PayFigures::singleStart); at = s.end()) {
            if (insideRange(ranges, s.start(2))) {
                continue;
            }
            Double v = amount(s.group(3), s.group(4));
            if (v == null || v <= 0) {
                continue;
            }
            String word = s.group(1).toLowerCase(Locale.ROOT);
            Bound bound = word.startsWith("max") || word.startsWith("up") || word.startsWith("not") || word.startsWith("capped")
                    || word.startsWith("no more") ? Bound.MAX : Bound.MIN;
            singles.add(new Single(v, bound, currency(s.group(2)), period(text, s.start(), s.end()), s.start(), s.end(), s.group()));
        }
        return new Figures(ranges, singles);
    }

    private static final Figures NONE = new Figures(List.of(), List.of());

    /**
     * False when the text certainly has no figure: every range and single kept has an ASCII digit and a
     * currency (a sign, "zł", or a code in either case, as SINGLE's (?i) reads it). Most paragraphs
     * have no digit, and most with one (dates, years of experience) no currency.
     */
    static boolean mayHaveFigure(String text) {
        return mayHaveFigure(text, 0, text.length());
    }

    /**
     * {@link #mayHaveFigure(String)} of {@code text.substring(from, to)}, without making it: a
     * posting's paragraphs are asked in its text view, and most have no figure.
     */
    static boolean mayHaveFigure(String text, int from, int to) {
        if (!hasDigit(text, from, to)) {
            return false;
        }
        char before = 0; // a code counts after \b only; checking wherever no ASCII word character precedes finds more
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '$' || c == '\u20ac' || c == '\u00a3' || c == '\u0142' || c == '\u0141'
                    || i + 3 <= to && codeStart(c) && (i == from || !asciiWordChar(before)) && isCode(text, i)) {
                return true;
            }
            before = c;
        }
        return false;
    }

    /** Whether a currency code can start with {@code c}: the first letter of one, in either ASCII case. */
    private static boolean codeStart(char c) {
        return switch (c | 0x20) {
            case 'u', 'c', 'e', 'g', 'a', 'p', 's', 'n', 'd' -> c < 128;
            default -> false;
        };
    }

    private static boolean hasDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static final String[] CODES = {"usd", "cad", "eur", "gbp", "aud", "chf", "pln", "sek", "nok", "dkk"};

    private static boolean asciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Whether one of the currency codes starts at {@code i}, in any ASCII case. */
    private static boolean isCode(String text, int i) {
        char first = (char) (text.charAt(i) | 0x20);
        char second = text.charAt(i + 1);
        char third = text.charAt(i + 2);
        for (String code : CODES) {
            if (code.charAt(0) == first && sameLetter(second, code.charAt(1)) && sameLetter(third, code.charAt(2))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code c} equals the ASCII lower-case letter {@code letter} ignoring case, as
     * {@code String.regionMatches(true, ...)} compares them: the letter in either case, U+017F (long s)
     * for s, U+212A (Kelvin sign) for k, U+0130 and U+0131 (dotted capital and dotless i) for i.
     */
    static boolean sameLetter(char c, char letter) {
        if (c < 128) {
            return (c | 0x20) == letter && c >= 'A';
        }
        return switch (c) {
            case '\u017f' -> letter == 's';
            case '\u212a' -> letter == 'k';
            case '\u0130', '\u0131' -> letter == 'i';
            default -> false;
        };
    }

    /** Where a match of a pattern can start in a text. */
    interface Starts {
        boolean test(String text, int at);
    }

    /**
     * Whether a RANGE match can start at {@code at}: with a digit (NUM) or the first character of a
     * currency (CUR; RANGE is case-sensitive, so a code is upper case).
     */
    static boolean rangeStart(String text, int at) {
        char c = text.charAt(at);
        return (c >= '0' && c <= '9') || c == '$' || c == '\u20ac' || c == '\u00a3' || "CUAEGPSND".indexOf(c) >= 0;
    }

    /**
     * Whether a SINGLE match can start at {@code at}: with the first letter of one of its words, in either
     * ASCII case, after a \b. That letter is a word character to java.util.regex's \b, so an ASCII letter,
     * digit or '_' before it (a word character to \b on every Java: up to 18 it also counts other letters
     * and digits, from 19 it does not) means no boundary and no match; most of a paragraph's a, c, m, n, s
     * and u are inside words.
     */
    static boolean singleStart(String text, int at) {
        if ("mMuUnNcCsSaA".indexOf(text.charAt(at)) < 0) {
            return false;
        }
        return at == 0 || !asciiWordChar(text.charAt(at - 1));
    }

    /** A matcher on {@code text} for {@link #next}: lookarounds and \b see past its region, as for a plain find(). */
    static Matcher startsOnly(Pattern pattern, String text) {
        return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /**
     * The next match, as the next {@code find()} would report it, trying only the positions where
     * {@code starts} says a match can begin: find() tries every position from where the last match
     * ended, and java.util.regex's patterns here start with long alternations that each position
     * pays for. The first position where the pattern matches anchored is find()'s leftmost match,
     * with the same groups (the same backtracking from the same place, with the same context). The
     * patterns' matches are never empty, so the caller goes on from the end of the last one ({@code from}).
     */
    static boolean next(Matcher m, String text, int from, Starts starts) {
        int n = text.length();
        for (int p = from; p < n; p++) {
            if (starts.test(text, p)) {
                m.region(p, n);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean insideRange(List<Range> ranges, int at) {
        for (Range r : ranges) {
            if (at >= r.start() && at < r.end()) {
                return true;
            }
        }
        return false;
    }

    private static String firstNonNull(String... s) {
        for (String x : s) {
            if (x != null && !x.isBlank()) {
                return x;
            }
        }
        return null;
    }

    /** The currency, normalized: CAD, USD, EUR, GBP ... and "$" for a bare dollar sign (which country's is unknown). */
    static String currency(String written) {
        String c = written.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        return switch (c) {
            case "C$", "CA$", "CAD$", "CAD" -> "CAD";
            case "US$", "USD" -> "USD";
            case "A$", "AUD" -> "AUD";
            case "€", "EUR" -> "EUR";
            case "£", "GBP" -> "GBP";
            case "ZŁ", "PLN" -> "PLN";
            default -> c;
        };
    }

    /** The number written, with thousands separators read as such and a k as thousands. */
    static Double amount(String number, String k) {
        if (number == null) {
            return null;
        }
        String n = without(number, "\u00a0\u202f ");
        // A separator followed by exactly three digits groups thousands; one followed by one or two is the decimal mark.
        String digits;
        int lastSep = Math.max(n.lastIndexOf(','), n.lastIndexOf('.'));
        if (lastSep >= 0 && n.length() - lastSep - 1 <= 2) {
            digits = without(n.substring(0, lastSep), ",.") + "." + n.substring(lastSep + 1);
        } else {
            digits = without(n, ",.");
        }
        try {
            double v = Double.parseDouble(digits);
            return k != null && v < 1000 ? v * 1000 : v; // "150,000K" means 150,000
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code s} without the characters in {@code chars} (a replaceAll without compiling a pattern per figure). */
    private static String without(String s, String chars) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (chars.indexOf(c) >= 0) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** The period written just after the figure ("per year", "/hr", "annually"), else just before ("Hourly rate:"). */
    static Period period(String text, int start, int end) {
        Matcher after = PERIOD.matcher(text.substring(end, Math.min(text.length(), end + 40)));
        if (after.find()) {
            return periodOf(after.group(1) != null ? after.group(1) : after.group(2));
        }
        Matcher before = PERIOD_BEFORE.matcher(text.substring(Math.max(0, start - 60), start));
        if (before.find()) {
            return periodOf(before.group(1));
        }
        return Period.UNKNOWN;
    }

    private static Period periodOf(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (w.startsWith("h") || w.equals("per hour")) {
            return Period.HOUR;
        }
        if (w.startsWith("w")) {
            return Period.WEEK;
        }
        if (w.startsWith("mo")) {
            return Period.MONTH;
        }
        return Period.YEAR; // year, yr, annum, annual(ly), yearly, p.a., salary, OTE
    }
}
