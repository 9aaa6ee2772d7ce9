package dev.postinglint.core.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.Finding;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.policy.PolicyResolver;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@code fix}, checked with fixed seeds over the example postings (as they are, with CRLF line
 * ends, with a BOM) and over generated postings full of entities, astral characters, mixed line ends and
 * fixable problems: (1) bytes outside the edits are kept, checked against an independent splice; (2) lines
 * inserted at random away from every fix survive fixing byte for byte, and the rest is fixed exactly as
 * without them; (3) after fixing, no fixable finding is left; (4) fixing twice equals fixing once.
 */
class FixPropertiesTest {
    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
    static final long SEED = 20261121L;
    static final int GENERATED = 30;

    /** Every kind of fix the rule types offer, with overlaps between rules on purpose. */
    static final String POLICY = """
            name: fixes
            rules:
              - id: a-rockstar-engineer
                type: forbid
                severity: warning
                category: inclusive-language
                pattern: '(?i)\\brockstar engineers?\\b'
                replace: engineer
              - id: z-rockstar
                type: substitute
                severity: warning
                category: inclusive-language
                swap:
                  rockstar: skilled engineer
                  rockstars: skilled engineers
              - id: fast-paced
                type: substitute
                severity: warning
                category: inclusive-language
                swap:
                  fast-paced: dynamic
                  native speaker: fluent speaker
                  native english speaker: fluent English speaker
              - id: inline-style
                type: selector
                severity: info
                category: html-hygiene
                selector: "span[style], p[style], div[style], li[style]"
                fix: {remove-attribute: style}
              - id: noopener
                type: selector
                severity: info
                category: html-hygiene
                selector: 'a[target=_blank]:not([rel~=noopener])'
                fix: {add-attribute: {rel: noopener noreferrer}}
              - id: empty-paragraph
                type: selector
                severity: info
                category: html-hygiene
                selector: p
                blank: true
                fix: {remove-element: true}
              - id: nbsp-padding
                type: forbid
                severity: info
                category: html-hygiene
                raw: true
                pattern: '(?P<match>(?:\\s*&nbsp;)+)\\s*</(?:p|li|div|span|strong|b|em|i|h[1-6])>'
                replace: ""
              - id: has-eeo
                type: require
                severity: error
                category: eeo
                pattern: '(?i)equal opportunity'
            """;

    @TempDir
    static Path tmp;
    static Policy policy;

    @BeforeAll
    static void loadPolicy() throws IOException {
        Files.writeString(tmp.resolve("fixes.yaml"), POLICY);
        policy = new PolicyLoader().load("fixes.yaml", tmp);
    }

    record Case(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> postings() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (var s = Files.list(EXAMPLES)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                byte[] b = Files.readAllBytes(p);
                String name = p.getFileName().toString();
                cases.add(new Case(name, b));
                cases.add(new Case(name + " CRLF", new String(b, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
                cases.add(new Case(name + " BOM", withBom(b)));
            }
        }
        Random random = new Random(SEED);
        for (int i = 0; i < GENERATED; i++) {
            cases.add(new Case("generated-" + i, generate(random)));
        }
        return cases.stream().map(c -> Arguments.of(c, SEED + c.name().hashCode()));
    }

    static byte[] withBom(byte[] b) {
        byte[] out = new byte[b.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(b, 0, out, 3, b.length);
        return out;
    }

    static final String[] WORDS = {"We", "build", "tools", "for", "a", "rockstar", "rockstar engineer", "fast-paced", "team",
        "native speaker", "native English speaker", "rockstars", "caf&eacute;", "&amp;", "&lt;tag&gt;", "\uD83D\uDE00", "\uD835\uDC9C",
        "na\u00efve", "&#x1F680;", "&#233;", "r&eacute;sum&eacute;", "R&amp;D", "\u2014", "data", "Equal opportunity"};

    /** A posting of random blocks: fixable problems, entities, astral characters, mixed line ends, maybe a BOM. */
    static byte[] generate(Random r) {
        String eol = r.nextBoolean() ? "\r\n" : "\n";
        StringBuilder b = new StringBuilder();
        int blocks = 4 + r.nextInt(10);
        for (int i = 0; i < blocks; i++) {
            String style = r.nextInt(3) == 0 ? " style=\"font-weight: 400;\"" : "";
            switch (r.nextInt(6)) {
                case 0 -> b.append("<p").append(style).append('>').append(sentence(r)).append(r.nextBoolean() ? "&nbsp;" : "").append("</p>");
                case 1 -> b.append("<ul>").append(eol).append("\t<li").append(style).append("><span").append(style).append('>')
                        .append(sentence(r)).append("</span></li>").append(eol).append("</ul>");
                case 2 -> b.append("<p>Read <a href=\"https://example.com/").append(i).append("\" target=\"_blank\">").append(sentence(r))
                        .append("</a>.</p>");
                case 3 -> b.append(r.nextBoolean() ? "<p>&nbsp;</p>" : "<p> </p>");
                case 4 -> b.append("<div").append(style).append('>').append(eol).append("<p>").append(sentence(r)).append("</p>")
                        .append(eol).append("</div>");
                default -> b.append("<h2>").append(sentence(r)).append("</h2>");
            }
            b.append(r.nextInt(5) == 0 ? (eol.equals("\n") ? "\r\n" : "\n") : eol);
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        return r.nextInt(3) == 0 ? withBom(bytes) : bytes;
    }

    static String sentence(Random r) {
        StringBuilder s = new StringBuilder();
        int n = 3 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(r.nextInt(6) == 0 ? "&nbsp;" : " ");
            }
            s.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    /** Fixes one posting's bytes as {@code fix} does (all passes), in a fresh file. */
    static Fixer.FileFix fix(byte[] bytes, String name) {
        try {
            Path dir = Files.createTempDirectory(tmp, "case");
            Path file = dir.resolve("posting.html");
            Files.write(file, bytes);
            Fixer fixer = new Fixer(new Linter(LocalDate.of(2026, 1, 1), 1, Linter.DEFAULT_MAX_FILE_BYTES),
                    PolicyResolver.fixed(policy), id -> true);
            Fixer.Result result = fixer.run(List.of(InputFile.of(file)), Linter.DEFAULT_MAX_FILE_BYTES);
            assertEquals(1, result.files().size(), name + " is a readable posting");
            return result.files().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postings")
    void onePassChangesOnlyTheEditedBytes(Case c, long seed) throws Exception {
        EncodedPosting p = EncodedPosting.decode(c.name(), c.bytes());
        Fixer fixer = new Fixer(new Linter(LocalDate.of(2026, 1, 1), 1, Linter.DEFAULT_MAX_FILE_BYTES), PolicyResolver.fixed(policy), id -> true);
        Path file = Files.createTempDirectory(tmp, "pass").resolve("p.html");
        Files.write(file, c.bytes());
        List<Finding> findings = new Linter(LocalDate.of(2026, 1, 1), 1, Linter.DEFAULT_MAX_FILE_BYTES)
                .lintFile(InputFile.of(file), policy).findings().stream().filter(fixer::fixable).toList();
        FixPlanner.Plan plan = FixPlanner.plan(p.text(), findings);
        byte[] spliced = p.apply(plan.edits()).bytes();

        // Independently: encode the text between edits from scratch and compare with what was kept.
        int bom = p.hadBom() ? 3 : 0;
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(c.bytes(), 0, bom);
        int at = 0;
        for (FixPlanner.Edit e : plan.edits()) {
            int from = bom + p.text().substring(0, at).getBytes(StandardCharsets.UTF_8).length;
            int to = bom + p.text().substring(0, e.start()).getBytes(StandardCharsets.UTF_8).length;
            expected.write(c.bytes(), from, to - from); // original bytes, untouched
            expected.write(e.replacement().getBytes(StandardCharsets.UTF_8));
            at = e.end();
        }
        int from = bom + p.text().substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        expected.write(c.bytes(), from, c.bytes().length - from);
        assertArrayEquals(expected.toByteArray(), spliced, c.name());
        assertEquals(p.hadBom(), spliced.length >= 3 && spliced[0] == (byte) 0xEF && spliced[1] == (byte) 0xBB && spliced[2] == (byte) 0xBF);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postings")
    void fixingLeavesNoFixableFindingAndIsIdempotent(Case c, long seed) {
        Fixer.FileFix once = fix(c.bytes(), c.name());
        assertTrue(once.notFixed().isEmpty(), c.name() + ": " + once.notFixed());
        Fixer.FileFix twice = fix(once.fixed().bytes(), c.name() + " again");
        assertFalse(twice.changed(), c.name() + ": a second fix changed the posting");
        assertTrue(twice.applied().isEmpty());
        assertArrayEquals(once.fixed().bytes(), twice.fixed().bytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postings")
    void editsAwayFromFixesSurviveByteForByte(Case c, long seed) throws Exception {
        Random r = new Random(seed);
        byte[] original = c.bytes();
        Fixer.FileFix plain = fix(original, c.name());
        EncodedPosting decoded = EncodedPosting.decode(c.name(), original);
        String text = decoded.text();

        // Where fixes act (in the original text): stay well away from them.
        Path file = Files.createTempDirectory(tmp, "spans").resolve("p.html");
        Files.write(file, original);
        List<int[]> busy = new Linter(LocalDate.of(2026, 1, 1), 1, Linter.DEFAULT_MAX_FILE_BYTES).lintFile(InputFile.of(file), policy)
                .findings().stream().filter(f -> f.fix() != null)
                .map(f -> new int[] {Math.min(f.span().startOffset(), f.fix().span().startOffset()) - 40,
                        Math.max(f.span().endOffset(), f.fix().span().endOffset()) + 40})
                .toList();
        List<Integer> points = new ArrayList<>();
        for (int i = 1; i < text.length(); i++) {
            char prev = text.charAt(i - 1);
            if (prev != '\n' || !text.substring(i).stripLeading().startsWith("<") || !text.substring(0, i).stripTrailing().endsWith(">")) {
                continue;
            }
            final int at = i;
            if (busy.stream().noneMatch(s -> at >= s[0] && at <= s[1])) {
                points.add(i);
            }
        }
        if (points.isEmpty()) {
            points.add(text.length()); // the end of the posting is always away from every fix
        }
        // Insert up to three unique lines: entities, astral characters, a comment, odd line ends.
        List<String> inserted = new ArrayList<>();
        StringBuilder edited = new StringBuilder(text);
        List<Integer> chosen = new ArrayList<>();
        for (int k = 0; k < 3 && !points.isEmpty(); k++) {
            chosen.add(points.remove(r.nextInt(points.size())));
        }
        chosen.sort((a, b) -> b - a);
        for (int at : chosen) {
            String eol = r.nextBoolean() ? "\r\n" : "\n";
            String line = switch (r.nextInt(3)) {
                case 0 -> "<p>Unrelated note " + r.nextInt(1_000_000) + ": caf&eacute; &amp; \uD83D\uDE80 \uD835\uDC9C</p>" + eol;
                case 1 -> "<!-- reviewer note " + r.nextInt(1_000_000) + " \u00e9\uD83D\uDE00 -->" + eol;
                default -> "<h3>Section " + r.nextInt(1_000_000) + " &mdash; na\u00efve</h3>" + eol;
            };
            edited.insert(at, line);
            inserted.add(line);
        }
        byte[] editedBytes = edited.toString().getBytes(StandardCharsets.UTF_8);
        if (decoded.hadBom()) {
            editedBytes = withBom(editedBytes);
        }
        Fixer.FileFix withEdits = fix(editedBytes, c.name() + " edited");
        String fixedEdited = new String(withEdits.fixed().bytes(), StandardCharsets.UTF_8);
        for (String line : inserted) {
            assertTrue(fixedEdited.contains(line), c.name() + ": the inserted line was changed: " + line);
            fixedEdited = fixedEdited.replace(line, "");
        }
        assertArrayEquals(plain.fixed().bytes(), fixedEdited.getBytes(StandardCharsets.UTF_8),
                c.name() + ": the edits changed how the rest was fixed");
        assertEquals(plain.fixedCount(), withEdits.fixedCount());
    }
}
