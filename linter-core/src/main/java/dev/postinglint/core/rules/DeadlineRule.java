package dev.postinglint.core.rules;

import dev.postinglint.core.regex.PolicyPattern;
import dev.postinglint.core.yaml.YamlMap;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code type: deadline}: a date the posting states (an application deadline: "applications accepted
 * until December 15, 2026", "apply by 2026-12-15") must not be before the as-of date, since a posting
 * still live after its own deadline misleads applicants and, in Colorado, breaks the posting rules.
 * The pattern finds the statement; the first date inside the match is read (ISO {@code 2026-12-15},
 * {@code December 15, 2026}, {@code Dec. 15th 2026}, {@code 15 December 2026}, and {@code 12/15/2026}
 * read month first unless {@code day-first: true}). A date without a year cannot be judged and is
 * skipped. {@code grace-days: N} allows N days past the date. Placeholders: {@code {match}},
 * {@code {date}} (ISO), {@code {days}} (how many days past), {@code {as-of}}.
 */
final class DeadlineRule implements Rule {
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "(?i)\\b" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})\\b");

    private final RuleInfo info;
    private final MatchPatterns patterns;
    private final int graceDays;
    private final boolean dayFirst;

    DeadlineRule(RuleInfo info, MatchPatterns patterns, int graceDays, boolean dayFirst) {
        this.info = info;
        this.patterns = patterns;
        this.graceDays = graceDays;
        this.dayFirst = dayFirst;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public List<PolicyPattern> ownPatterns() {
        return patterns.patterns();
    }

    @Override
    public void check(RuleContext ctx, FindingSink sink) {
        for (MatchPatterns.Match m : patterns.findAll(ctx.regions(info.scope()), ctx.index())) {
            LocalDate date = firstDate(m.text(), dayFirst);
            if (date == null) {
                continue;
            }
            long past = ChronoUnit.DAYS.between(date, ctx.asOf());
            if (past > graceDays) {
                Map<String, String> vars = new HashMap<>();
                vars.put("match", m.text());
                vars.put("date", date.toString());
                vars.put("days", String.valueOf(past));
                vars.put("as-of", ctx.asOf().toString());
                sink.report(m.region().sourceSpan(m.start(), m.end()), ctx.render(info.message(), vars), m.text(), null);
            }
        }
    }

    /** The earliest-placed date written in the text, or null when none (or none with a year) is there. */
    static LocalDate firstDate(String text, boolean dayFirst) {
        LocalDate best = null;
        int at = Integer.MAX_VALUE;
        Matcher m = ISO.matcher(text);
        if (m.find() && m.start() < at) {
            LocalDate d = date(m.group(1), m.group(2), m.group(3));
            if (d != null) {
                best = d;
                at = m.start();
            }
        }
        m = MONTH_FIRST.matcher(text);
        if (m.find() && m.start() < at) {
            LocalDate d = date(m.group(3), String.valueOf(month(m.group(1))), m.group(2));
            if (d != null) {
                best = d;
                at = m.start();
            }
        }
        m = DAY_FIRST.matcher(text);
        if (m.find() && m.start() < at) {
            LocalDate d = date(m.group(3), String.valueOf(month(m.group(2))), m.group(1));
            if (d != null) {
                best = d;
                at = m.start();
            }
        }
        m = NUMERIC.matcher(text);
        if (m.find() && m.start() < at) {
            String year = m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
            LocalDate d = dayFirst ? date(year, m.group(2), m.group(1)) : date(year, m.group(1), m.group(2));
            if (d != null) {
                best = d;
            }
        }
        return best;
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT).substring(0, 3);
        return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(n) / 3 + 1;
    }

    private static LocalDate date(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null; // 2026-02-30, 13/13/2026: not a date
        }
    }

    static final class Type implements RuleType {
        @Override
        public String name() {
            return "deadline";
        }

        @Override
        public Set<String> variables() {
            return Set.of("match", "date", "days", "as-of");
        }

        @Override
        public String defaultMessage() {
            return "The deadline {date} is {days} days before {as-of}: update or take down the posting";
        }

        @Override
        public Rule create(RuleInfo info, YamlMap spec) {
            int grace = spec.get("grace-days").map(v -> v.asInt("'grace-days'", 0, 100_000)).orElse(0);
            boolean dayFirst = spec.get("day-first").map(v -> v.asBoolean("'day-first'")).orElse(false);
            return new DeadlineRule(info, MatchPatterns.read(spec), grace, dayFirst);
        }
    }
}
