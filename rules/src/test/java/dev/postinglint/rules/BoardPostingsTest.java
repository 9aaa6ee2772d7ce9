package dev.postinglint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped packs on board exports and Markdown: pay transparency applies by each job's board location. */
class BoardPostingsTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    @TempDir
    Path dir;

    private LintReport lint(String policyRef, Path... files) {
        Policy p = new PolicyLoader().load(policyRef, null);
        return new Linter(AS_OF, 2, Linter.DEFAULT_MAX_FILE_BYTES)
                .lint(java.util.Arrays.stream(files).map(InputFile::of).toList(), path -> p);
    }

    private static FileResult job(LintReport r, String suffix) {
        return r.files().stream().filter(f -> f.path().endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError(suffix + " not in " + r.files().stream().map(FileResult::path).toList()));
    }

    private static List<String> ids(FileResult r) {
        return r.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void ashbyJobsAreJudgedByTheirBoardLocations() throws IOException {
        Path board = Files.writeString(dir.resolve("ashby.json"), """
                {"jobs": [
                  {"id": "sf", "title": "Engineer", "location": "San Francisco, CA", "secondaryLocations": [],
                   "descriptionHtml": "<p>Build things. Competitive salary.</p>", "publishedAt": "2026-11-01T00:00:00Z"},
                  {"id": "paid", "title": "Engineer", "location": "San Francisco, CA", "secondaryLocations": [],
                   "descriptionHtml": "<p>Build things.</p>", "compensation": {"compensationTierSummary": "$150K – $170K"}},
                  {"id": "london-toronto", "title": "Engineer", "location": "London", "secondaryLocations": [{"location": "Toronto"}],
                   "descriptionHtml": "<p>Build things.</p>"},
                  {"id": "london", "title": "Engineer", "location": "London, UK",
                   "descriptionHtml": "<p>Location: San Francisco, CA</p><p>Build things.</p>"}
                ]}
                """);
        LintReport r = lint("builtin:pay-transparency", board);
        FileResult sf = job(r, "#sf");
        assertTrue(ids(sf).containsAll(List.of("pay-range-present-us", "pay-vague-wording")), ids(sf).toString());
        assertTrue(sf.findings().stream().anyMatch(f -> f.message().contains("California (Lab. Code 432.3)")
                && f.message().contains("(San Francisco, CA)")), sf.findings().toString());
        assertTrue(ids(job(r, "#paid")).isEmpty(), job(r, "#paid").toString());
        FileResult lt = job(r, "#london-toronto");
        assertEquals(List.of("pay-range-present-canada"), ids(lt));
        assertTrue(lt.findings().get(0).message().contains("Ontario"), lt.findings().get(0).message());
        // The board says London and the body San Francisco: both places count, so California's law applies,
        // and the disagreement is a warning of its own.
        FileResult london = job(r, "#london");
        assertEquals(List.of("pay-range-present-us", "location-line-matches-metadata"), ids(london));
        assertTrue(london.findings().get(0).message().contains("California"), london.findings().get(0).message());
        assertEquals("London, UK", london.location());
    }

    @Test
    void commissionOnlyPayIsExcusedWhereTheLawSaysSoAndLoweredElsewhere() throws IOException {
        Path board = Files.writeString(dir.resolve("commission.json"), """
                {"jobs": [
                  {"id": "vt", "title": "Agent", "location": "Burlington, VT",
                   "descriptionHtml": "<p>This is a commission-only role.</p>"},
                  {"id": "nyc", "title": "Agent", "location": "New York, NY",
                   "descriptionHtml": "<p>Compensation: 100% commission.</p>"},
                  {"id": "ca-rate", "title": "Agent", "location": "San Francisco, CA",
                   "descriptionHtml": "<p>Compensation: 100% commission, 20% of every sale.</p>"},
                  {"id": "vt-base", "title": "Agent", "location": "Burlington, VT",
                   "descriptionHtml": "<p>Base salary plus commission.</p>"}
                ]}
                """);
        LintReport r = lint("builtin:default", board);
        // Vermont: the statement replaces the range, so no error, and an info note says why.
        FileResult vt = job(r, "#vt");
        assertTrue(!ids(vt).contains("pay-range-present-us") && !ids(vt).contains("pay-range-commission-only"), ids(vt).toString());
        Finding note = vt.findings().stream().filter(f -> f.ruleId().equals("pay-commission-only-excused")).findFirst()
                .orElseThrow(() -> new AssertionError(vt.findings().toString()));
        assertEquals("info", note.severity().name().toLowerCase(java.util.Locale.ROOT));
        assertTrue(note.message().contains("read as lawful") && note.message().contains("Vermont"), note.message());
        // New York City: NYC's law has no such exemption, so a warning (not the error) asks for the rate;
        // New York State's exemption is noted beside it.
        FileResult nyc = job(r, "#nyc");
        assertTrue(ids(nyc).containsAll(List.of("pay-range-commission-only", "pay-commission-only-excused")), ids(nyc).toString());
        assertTrue(!ids(nyc).contains("pay-range-present-us"), ids(nyc).toString());
        Finding warn = nyc.findings().stream().filter(f -> f.ruleId().equals("pay-range-commission-only")).findFirst().orElseThrow();
        assertEquals("warning", warn.severity().name().toLowerCase(java.util.Locale.ROOT));
        assertTrue(warn.message().contains("New York City") && warn.message().contains("commission rate")
                && warn.message().contains("100% commission"), warn.message());
        // California with the commission rate stated: nothing to report about pay.
        FileResult ca = job(r, "#ca-rate");
        assertTrue(ids(ca).stream().noneMatch(id -> id.startsWith("pay-range")), ids(ca).toString());
        // Base plus commission is not commission only: the missing figure is the usual error.
        assertTrue(ids(job(r, "#vt-base")).contains("pay-range-present-us"), ids(job(r, "#vt-base")).toString());
    }

    @Test
    void theLastUsGapsAreJudgedByTheJobsBoardLocationAndCiteTheirOwnLaw() throws IOException {
        Path board = Files.writeString(dir.resolve("gaps.json"), """
                {"jobs": [
                  {"id": "altadena", "title": "Driver", "location": "Altadena, CA",
                   "descriptionHtml": "<p>Must pass a background check.</p>"},
                  {"id": "la-county", "title": "Driver", "location": "Los Angeles County, CA",
                   "descriptionHtml": "<p>Qualified applicants with arrest or conviction records will be considered in accordance with the Los Angeles County Fair Chance Ordinance for Employers.</p>"},
                  {"id": "denver", "title": "Driver", "location": "Denver, CO",
                   "descriptionHtml": "<p>No felons.</p>"},
                  {"id": "portland", "title": "Driver", "location": "Portland, OR",
                   "descriptionHtml": "<p>Unemployed candidates will not be considered.</p>"},
                  {"id": "seattle", "title": "Account Executive", "location": "Seattle, WA",
                   "descriptionHtml": "<p>Salary: $60,000 - $70,000 per year plus uncapped commission.</p>"},
                  {"id": "seattle-rate", "title": "Account Executive", "location": "Seattle, WA",
                   "descriptionHtml": "<p>Salary: $60,000 - $70,000 per year plus commission of 5-8% of net sales.</p>"}
                ]}
                """);
        LintReport r = lint("builtin:default", board);
        // Unincorporated Los Angeles County: California's ban, cited as the County's ordinance, and its own statement.
        FileResult altadena = job(r, "#altadena");
        Finding ban = only(altadena, "criminal-history-exclusion");
        assertEquals("https://dcba.lacounty.gov/fairchance/", ban.link());
        assertTrue(ban.message().contains("unincorporated Los Angeles County"), ban.message());
        assertEquals("error", only(altadena, "fair-chance-statement-la-county").severity().name().toLowerCase(java.util.Locale.ROOT));
        // "Los Angeles County" alone is not known to be unincorporated: no error, and its statement given here ends the note.
        FileResult county = job(r, "#la-county");
        assertTrue(!ids(county).contains("fair-chance-statement-la-county") && !ids(county).contains("fair-chance-statement-la-county-place")
                && !ids(county).contains("fair-chance-statement-la"), ids(county).toString());
        // Colorado's Chance to Compete Act: an error of its own instead of the general US warning.
        FileResult denver = job(r, "#denver");
        assertTrue(ids(denver).contains("criminal-history-exclusion-co") && !ids(denver).contains("criminal-history-exclusion-us"),
                ids(denver).toString());
        // Oregon's ORS 659A.550: the NYC rule's error, citing Oregon's statute.
        Finding oregon = only(job(r, "#portland"), "unemployed-exclusion");
        assertEquals("https://oregon.public.law/statutes/ors_659a.550", oregon.link());
        assertTrue(oregon.message().contains("Oregon (ORS 659A.550)"), oregon.message());
        // Washington: commission with no rate is a warning; the rate ends it.
        assertEquals("warning", only(job(r, "#seattle"), "pay-commission-rate-wa").severity().name().toLowerCase(java.util.Locale.ROOT));
        assertTrue(!ids(job(r, "#seattle-rate")).contains("pay-commission-rate-wa"), ids(job(r, "#seattle-rate")).toString());
    }

    private static Finding only(FileResult r, String ruleId) {
        List<Finding> found = r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        assertEquals(1, found.size(), ruleId + " in " + ids(r));
        return found.get(0);
    }

    @Test
    void greenhouseJobsAndTheMetadataPack() throws IOException {
        Path board = Files.writeString(dir.resolve("greenhouse.json"), """
                {"jobs": [
                  {"id": 11, "title": "Analyst", "location": {"name": "New York, NY"}, "updated_at": "2026-11-01T12:00:00-05:00",
                   "absolute_url": "https://boards.example/acme/jobs/11",
                   "content": "&lt;p&gt;&lt;strong&gt;Location:&lt;/strong&gt; Austin, TX&lt;/p&gt;&lt;p&gt;Pay: $90,000 - $110,000 per year.&lt;/p&gt;"},
                  {"id": 12, "title": "Analyst", "location": {"name": "Remote - US"}, "updated_at": "2025-02-01T12:00:00Z",
                   "absolute_url": "https://boards.example/acme/jobs/12",
                   "content": "&lt;p&gt;Location: Denver, CO&lt;/p&gt;&lt;p&gt;Pay: $90,000 - $110,000 per year, with medical and dental insurance and a 401(k). Applications are accepted on an ongoing basis.&lt;/p&gt;"}
                ]}
                """);
        Path policy = Files.writeString(dir.resolve("p.yaml"), "name: boards\nextends: [builtin:pay-transparency, builtin:metadata]\n");
        Policy p = new PolicyLoader().load("p.yaml", dir);
        LintReport r = new Linter(AS_OF, 1, Linter.DEFAULT_MAX_FILE_BYTES).lint(List.of(InputFile.of(board)), path -> p);
        FileResult ny = job(r, "#11");
        assertEquals(List.of("location-line-matches-metadata"), ids(ny));
        Finding f = ny.findings().get(0);
        assertTrue(f.message().contains("'Austin, TX' does not agree with the board-location 'New York, NY' (US-TX is not among US-NY-NYC)"),
                f.message());
        assertEquals(1, f.span().start().line());
        assertEquals(31, f.span().start().column()); // in the decoded content: <p><strong>Location:</strong> Austin, TX
        // Denver is inside the remote-US board location; the posting is 658 days old.
        FileResult remote = job(r, "#12");
        assertEquals(List.of("posting-stale"), ids(remote));
        assertTrue(remote.findings().get(0).message().contains("the updated date 2025-02-01 is 658 days before 2026-11-21 (more than 180)"), remote.toString());
    }

    @Test
    void boardLocationsWithOfficeAndWorkModeWordsResolve() {
        var g = dev.postinglint.core.policy.ClasspathPacks.shipped().gazetteer();
        assertTrue(g.resolve("San Francisco Office").covers("US-CA"));
        assertTrue(g.resolve("New York City-Hybrid").covers("US-NY-NYC"));
        assertTrue(g.resolve("New York City (Hybrid)").covers("US-NY-NYC"));
        assertTrue(g.resolve("Bellevue HQ").covers("US-WA"));
        assertTrue(g.resolve("NYC Hybrid Available").covers("US-NY-NYC"));
        assertTrue(g.resolve("Arvada, CO - US").covers("US-CO"));
        assertTrue(g.resolve("Weave - Headquarters (Lehi, UT)").covers("US-UT"));
        assertTrue(g.resolve("Munich Office").covers("EU"));
        assertTrue(g.resolve("Reading (London)").covers("GB"));
        // Still unresolved, never guessed: no country in a bare "Remote" or a sales region.
        assertTrue(g.resolve("Remote").isEmpty());
        assertTrue(g.resolve("EMEA").isEmpty());
    }

    @Test
    void markdownFrontMatterLocatesThePosting() throws IOException {
        Path md = Files.writeString(dir.resolve("job.md"), """
                ---
                title: Data Engineer
                location: ["Lisbon, Portugal"]
                ---
                # Data Engineer

                We offer a competitive salary.
                """);
        FileResult r = lint("builtin:pay-transparency", md).files().get(0);
        assertEquals("Data Engineer", r.title());
        assertEquals("Lisbon, Portugal", r.location());
        assertEquals(List.of("pay-range-present-eu"), ids(r));
    }
}
