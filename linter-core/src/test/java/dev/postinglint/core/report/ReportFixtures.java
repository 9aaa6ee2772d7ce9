package dev.postinglint.core.report;

import dev.postinglint.core.model.DriftGroup;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.Fix;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Summary;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceText;
import dev.postinglint.core.text.DiffToken;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reports built by hand for the reporter tests, including text that tries to break every format. */
final class ReportFixtures {
    /**
     * Quotes, markup, every kind of line break, GitHub's escape characters, a CDATA end, C0/C1 controls,
     * a terminal escape, JavaScript line separators, non-ASCII and astral characters, a lone surrogate,
     * a non-character, and the usual script-injection attempts.
     */
    static final String HOSTILE = "He said \"hi\" & 'bye' <b>bold</b> a<b c>d line1\nline2\r\nline3\rend\ttab"
            + " 100% %0A %25 ::error::x a::b, c:d ]]> \u0000nul\u0001\u0007bel\u001b[31mred\u001b[0m \u0085nel\u007f"
            + " \u2028ls\u2029ps caf\u00e9 \u6f22\u5b57 \ud83d\ude00 lone\ud800x \ufffe"
            + " </script><script>alert(1)</script> <img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">j</a> </style>";

    /** A path that tries markup, quotes, a percent escape and a GitHub command property of its own. */
    static final String HOSTILE_PATH = "evil/<img src=x onerror=alert(1)> \"q\",title=pwned::x 100%.html";

    private ReportFixtures() {
    }

    /** A finding at the given place in {@code source} (offsets into its text), with the engine's own line window. */
    static Finding finding(SourceText source, String ruleId, String category, Severity severity, String message,
            int start, int end, String link, Fix fix) {
        var span = source.span(start, end);
        return new Finding(ruleId, category, severity, message, span, source.text().substring(start, end), link, fix,
                SourceLine.around(source, span.start()));
    }

    static LintReport report(List<FileResult> files, List<DriftGroup> drift) {
        return new LintReport("9.9.9-test", LocalDate.of(2025, 6, 1), List.of("demo 1", "extra <policy> \"2\""), files,
                Summary.of(files), Duration.ofMillis(1234), drift);
    }

    /**
     * Three postings: one failing with an error, a warning with a fix and a multi-line info; one with a
     * warning only; one clean. Plus an unreadable one.
     */
    static LintReport sample() {
        SourceText a = new SourceText("jobs/a.html", "<h1>Rockstar wanted</h1>\n<p>We need a rockstar ninja.</p>\n<p>Young\nand hungry</p>\n");
        int rock = a.text().indexOf("rockstar");
        int ninja = a.text().indexOf("ninja");
        int young = a.text().indexOf("Young");
        Fix fix = new Fix(a.span(rock, rock + 8), "skilled engineer", "Replace 'rockstar' with 'skilled engineer'");
        List<Finding> fa = new ArrayList<>();
        fa.add(finding(a, "no-rockstar", "inclusive-language", Severity.WARNING, "'rockstar' is jargon", rock, rock + 8,
                "https://example.org/rules/rockstar", fix));
        fa.add(finding(a, "no-ninja", "inclusive-language", Severity.ERROR, "'ninja' is jargon", ninja, ninja + 5, null, null));
        fa.add(finding(a, "age-bias", "age", Severity.INFO, "'Young and hungry' suggests an age preference", young,
                young + "Young\nand hungry".length(), "javascript:alert(1)", null));
        fa.add(finding(a, "eeo-statement-present", "eeo", Severity.ERROR, "No equal-opportunity statement", 0, 0,
                "https://askjan.org/", null));
        fa.sort(Finding.ORDER);

        SourceText b = new SourceText("jobs/b c/ünï#?.html", "<p>Fast-paced team</p>\n");
        List<Finding> fb = List.of(finding(b, "fast-paced", "inclusive-language", Severity.WARNING, "'Fast-paced' hints at long hours",
                3, 13, null, null));

        List<FileResult> files = List.of(
                new FileResult("jobs/a.html", fa, "demo 1", "Rockstar wanted", "London, UK", false),
                new FileResult("jobs/b c/ünï#?.html", fb, "demo 1", null, null, false),
                new FileResult("jobs/c.html", List.of(), "demo 1", "Clean posting", "Remote", false),
                new FileResult("jobs/d.html", List.of(new Finding("input-error", "input", Severity.ERROR,
                        "jobs/d.html: not valid UTF-8", new SourceText("jobs/d.html", "").span(0, 0), "", null, null,
                        SourceLine.NONE)), "demo 1", null, null, true));
        return report(files, List.of());
    }

    /** One posting whose text, title, location, path, messages, fix and links are all hostile. */
    static LintReport hostile() {
        String path = HOSTILE_PATH;
        SourceText s = new SourceText(path, "<p>" + HOSTILE + "</p>\n<p>second " + HOSTILE + "</p>\n");
        int first = s.text().indexOf("<b>bold");
        int second = s.text().indexOf("second");
        Fix fix = new Fix(s.span(first, first + 3), HOSTILE, HOSTILE);
        List<Finding> f = new ArrayList<>();
        f.add(new Finding("hostile-rule", "hostile", Severity.ERROR, HOSTILE, s.span(first, first + 3), HOSTILE, HOSTILE, fix,
                SourceLine.around(s, s.positionOf(first))));
        f.add(new Finding("hostile-rule", "hostile", Severity.INFO, "second: " + HOSTILE, s.span(second, second + 6), HOSTILE,
                "https://example.org/a?b=1&c=<2>", null, SourceLine.around(s, s.positionOf(second))));
        List<FileResult> files = List.of(new FileResult(path, f, "demo 1", HOSTILE, HOSTILE, false));
        DriftGroup.Variant ref = new DriftGroup.Variant("We are an equal opportunity employer.", List.of("a.html", path), 1.0,
                List.of(new DiffToken(DiffToken.Kind.SAME, "We are an equal opportunity employer.")));
        DriftGroup.Variant bad = new DriftGroup.Variant(HOSTILE, List.of(path), 0.25, List.of(
                new DiffToken(DiffToken.Kind.SAME, "We are"),
                new DiffToken(DiffToken.Kind.REMOVED, "an equal opportunity employer."),
                new DiffToken(DiffToken.Kind.ADDED, HOSTILE)));
        return report(files, List.of(new DriftGroup("eeo-drift", HOSTILE, "We are an equal opportunity employer.",
                DriftGroup.ReferenceKind.APPROVED, List.of(ref, bad))));
    }

    /**
     * One posting with a finding reported once per posting (a pasted style at four places, each with its edit) and a
     * pay finding raised for two jurisdictions, each citing its own law; a second posting with the same rule at one
     * place.
     */
    static LintReport onePerPosting() {
        SourceText s = new SourceText("jobs/pasted.html", "<p><span style=\"font-family: A\">a</span></p>\n"
                + "<p><span style=\"font-family: A\">b</span> <span style=\"font-family: A\">c</span></p>\n"
                + "<ul><li style=\"font-family: A\">d</li></ul>\n<p>Pay: competitive.</p>\n");
        List<Finding> places = new ArrayList<>();
        int at = -1;
        while ((at = s.text().indexOf(" style=", at + 1)) >= 0) {
            int tag = s.text().lastIndexOf('<', at);
            int end = s.text().indexOf('"', s.text().indexOf('"', at) + 1) + 1;
            String element = s.text().substring(tag + 1, at);
            places.add(finding(s, "pasted-inline-style", "html-hygiene", Severity.INFO, "<" + element + " style=...> was pasted in",
                    tag, s.text().indexOf('>', at) + 1, "https://www.w3.org/WAI/WCAG22/Understanding/info-and-relationships.html",
                    new Fix(s.span(at, end), "", "Remove the style attribute")));
        }
        int pay = s.text().indexOf("competitive");
        List<Finding> fa = new ArrayList<>();
        fa.add(Finding.onePerPosting(places));
        fa.add(finding(s, "pay-range-present", "pay-transparency", Severity.ERROR, "No pay range for California", pay, pay + 11,
                "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=LAB&sectionNum=432.3", null));
        fa.add(finding(s, "pay-range-present", "pay-transparency", Severity.ERROR, "No pay range for Washington", pay, pay + 11,
                "https://app.leg.wa.gov/RCW/default.aspx?cite=49.58.110", null));
        fa.sort(Finding.ORDER);
        SourceText t = new SourceText("jobs/one.html", "<p style=\"font-family: B\">x</p>\n");
        List<Finding> fb = List.of(Finding.onePerPosting(List.of(finding(t, "pasted-inline-style", "html-hygiene", Severity.INFO,
                "<p style=...> was pasted in", 0, t.text().indexOf('>') + 1, null, new Fix(t.span(2, 25), "", "Remove the style attribute")))));
        return report(List.of(new FileResult("jobs/pasted.html", fa, "demo 1", "Pasted", "San Francisco, CA; Seattle, WA", false),
                new FileResult("jobs/one.html", fb, "demo 1", null, null, false)), List.of());
    }

    /** What survives a trip through XML 1.0: line breaks as LF, characters XML forbids as visible escapes. */
    static String xmlExpected(String s) {
        return ReportSupport.xmlText(s);
    }
}
