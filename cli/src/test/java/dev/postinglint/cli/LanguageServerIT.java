package dev.postinglint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * posting-lint lsp as an editor sees it: the real jar as a process (one for the whole class), driven by LSP4J over
 * its pipes, on a workspace copied from the examples; its findings are checked against the CLI's on the same files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LanguageServerIT {
    static final String AS_OF = "2026-06-01";
    static final String SEED = "000_50a907982d230e5a.html";

    @TempDir
    static Path ws;
    static LspClient lsp;
    static int version = 1;

    @BeforeAll
    static void start() throws Exception {
        copyExamples(ws);
        lsp = new LspClient(ws, "--as-of", AS_OF);
        lsp.initialize(ws);
        lsp.awaitLog("indexed"); // the workspace index is ready: drift findings are judged against all postings
    }

    @AfterAll
    static void stop() {
        if (lsp != null) {
            lsp.close();
        }
    }

    static void copyExamples(Path to) throws IOException {
        try (Stream<Path> s = Files.list(Cli.EXAMPLES)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().endsWith(".html") || p.getFileName().toString().equals(".posting-lint.yaml")) {
                    Files.copy(p, to.resolve(p.getFileName()));
                }
            }
        }
    }

    /** The findings of one file of a CLI JSON report, as LSP ranges: "rule line:col-line:col", sorted. */
    static List<String> cliFindings(Path dir, String file) throws IOException {
        Cli.Result r = Cli.run(dir, "check", ".", "--as-of", AS_OF, "--format", "json", "--fail-on", "never");
        assertEquals(0, r.exit(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> out = new ArrayList<>();
        for (JsonNode f : json.get("files")) {
            if (!f.get("path").asText().equals(file)) {
                continue;
            }
            for (JsonNode x : f.get("findings")) {
                if (!x.get("waiver").isNull()) {
                    continue;
                }
                out.add(x.get("ruleId").asText() + " " + (x.get("line").asInt() - 1) + ":" + (x.get("column").asInt() - 1) + "-"
                        + (x.get("endLine").asInt() - 1) + ":" + (x.get("endColumn").asInt() - 1));
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    static List<String> lspFindings(PublishDiagnosticsParams p) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : p.getDiagnostics()) {
            Range r = d.getRange();
            out.add(d.getCode().getLeft() + " " + r.getStart().getLine() + ":" + r.getStart().getCharacter() + "-" + r.getEnd().getLine()
                    + ":" + r.getEnd().getCharacter());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    static boolean has(PublishDiagnosticsParams p, String rule) {
        return p.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().equals(rule));
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void openingAPostingShowsTheCliFindingsWithDriftFromTheIndex() throws Exception {
        Path seed = ws.resolve(SEED);
        lsp.open(seed, read(seed), version);
        PublishDiagnosticsParams p = lsp.await(seed, version, d -> !d.getDiagnostics().isEmpty());
        assertEquals(cliFindings(ws, SEED), lspFindings(p));
        // Drift needs the other postings: it is there, pointing at the majority's posting.
        Diagnostic drift = p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("section-drift")).findFirst().orElseThrow();
        assertTrue(drift.getMessage().getLeft().contains("differs from the version used by 3 of 5 postings"), drift.toString());
        assertNotNull(drift.getRelatedInformation(), drift.toString());
        String other = drift.getRelatedInformation().get(0).getLocation().getUri();
        assertTrue(other.startsWith(ws.toUri().toString()) && !other.endsWith(SEED), other);
        Diagnostic about = p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("cloudflare-about-us")).findFirst().orElseThrow();
        assertEquals("posting-lint", about.getSource());
        assertEquals("https://www.cloudflare.com/careers/", about.getCodeDescription().getHref());
        assertEquals(org.eclipse.lsp4j.DiagnosticSeverity.Warning, about.getSeverity());
        assertTrue(lsp.progress.size() >= 2, "work-done progress while indexing: " + lsp.progress);
    }

    @Test
    @Order(2)
    void aFindingDisappearsWhenTheTextIsFixedAndComesBack() throws Exception {
        Path seed = ws.resolve(SEED);
        String text = read(seed);
        String old = "approximately 25 million Internet properties";
        int at = text.indexOf(old);
        assertTrue(at > 0);
        // Typed in three quick edits (debounced): delete the old words, type the new ones.
        Position start = pos(text, at);
        Position end = pos(text, at + old.length());
        change(seed, new TextDocumentContentChangeEvent(new Range(start, end), ""), ++version);
        change(seed, new TextDocumentContentChangeEvent(new Range(start, start), "millions of websites"), ++version);
        Position after = new Position(start.getLine(), start.getCharacter() + "millions of websites".length());
        change(seed, new TextDocumentContentChangeEvent(new Range(after, after), " and other Internet properties"), ++version);
        PublishDiagnosticsParams fixed = lsp.await(seed, version, d -> true);
        assertFalse(has(fixed, "cloudflare-retired-claims"), fixed.toString());
        lsp.replaceAll(seed, text, ++version);
        assertTrue(has(lsp.await(seed, version, d -> true), "cloudflare-retired-claims"));
    }

    private static void change(Path file, TextDocumentContentChangeEvent e, int v) {
        lsp.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(LspClient.uri(file), v), List.of(e)));
    }

    static Position pos(String text, int offset) {
        int line = 0;
        int start = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                start = i + 1;
            }
        }
        return new Position(line, offset - start);
    }

    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> Integer.compare(offset(text, b.getRange().getStart()), offset(text, a.getRange().getStart())));
        String out = text;
        for (TextEdit e : sorted) {
            out = out.substring(0, offset(text, e.getRange().getStart())) + e.getNewText() + out.substring(offset(text, e.getRange().getEnd()));
        }
        return out;
    }

    static int offset(String text, Position p) {
        int line = 0;
        int i = 0;
        while (line < p.getLine()) {
            if (text.charAt(i++) == '\n') {
                line++;
            }
        }
        return i + p.getCharacter();
    }

    private static List<CodeAction> actions(Path file, Diagnostic d) throws Exception {
        CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(LspClient.uri(file)), d.getRange(),
                new CodeActionContext(List.of(d)));
        List<CodeAction> out = new ArrayList<>();
        for (Either<org.eclipse.lsp4j.Command, CodeAction> e : lsp.server.getTextDocumentService().codeAction(params).get(30, TimeUnit.SECONDS)) {
            out.add(e.getRight());
        }
        return out;
    }

    @Test
    @Order(3)
    void quickFixesMakeTheSameEditsAsTheFixCommand() throws Exception {
        Path seed = ws.resolve(SEED);
        String text = read(seed);
        lsp.replaceAll(seed, text, ++version);
        PublishDiagnosticsParams p = lsp.await(seed, version, d -> true);
        // nbsp-padding reports once per posting: one diagnostic, its other places as related information, and a
        // quick fix that removes the padding at every place.
        List<Diagnostic> nbsp = p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("nbsp-padding")).toList();
        assertEquals(1, nbsp.size(), nbsp.toString());
        Diagnostic first = nbsp.get(0);
        int places = 1 + first.getRelatedInformation().size();
        assertTrue(places > 1, "the seed pads more than one paragraph: " + first);
        assertTrue(first.getRelatedInformation().stream().allMatch(r -> r.getLocation().getUri().equals(LspClient.uri(seed))), first.toString());
        List<CodeAction> actions = actions(seed, first);
        CodeAction one = actions.stream().filter(a -> a.getTitle().startsWith("Fix [nbsp-padding]")).findFirst().orElseThrow(() -> new AssertionError(actions));
        assertTrue(one.getTitle().endsWith("(" + places + " places)"), one.getTitle());
        assertEquals("quickfix", one.getKind());
        assertEquals(places, one.getEdit().getChanges().get(LspClient.uri(seed)).size(), "one edit per place");
        String once = apply(text, one.getEdit().getChanges().get(LspClient.uri(seed)));
        lsp.replaceAll(seed, once, ++version);
        PublishDiagnosticsParams after = lsp.await(seed, version, d -> true);
        assertFalse(has(after, "nbsp-padding"), "every place was fixed");

        // The quick fix of a finding reported once per posting: byte for byte what 'posting-lint fix --rule' writes.
        Diagnostic style = after.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("pasted-inline-style")).findFirst().orElseThrow();
        CodeAction all = actions(seed, style).stream().filter(a -> a.getTitle().startsWith("Fix [pasted-inline-style]")).findFirst().orElseThrow();
        String fixedAll = apply(once, all.getEdit().getChanges().get(LspClient.uri(seed)));
        Path other = Files.createTempDirectory(ws.getParent(), "fixed");
        copyExamples(other);
        Files.writeString(other.resolve(SEED), once);
        Cli.Result fix = Cli.run(other, "fix", SEED, "--rule", "pasted-inline-style", "--as-of", AS_OF, "--fail-on", "never");
        assertEquals(0, fix.exit(), fix.toString());
        assertEquals(read(other.resolve(SEED)), fixedAll);
        lsp.replaceAll(seed, fixedAll, ++version);
        assertFalse(has(lsp.await(seed, version, d -> true), "pasted-inline-style"));

        // Suppress with a reason: the comment goes in, the finding goes away, nothing else is reported for it.
        PublishDiagnosticsParams now = lsp.await(seed, version, d -> true);
        Diagnostic heading = now.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("fake-heading")).findFirst().orElseThrow();
        CodeAction suppress = actions(seed, heading).stream().filter(a -> a.getTitle().startsWith("Suppress [fake-heading]")).findFirst().orElseThrow();
        String suppressed = apply(fixedAll, suppress.getEdit().getChanges().get(LspClient.uri(seed)));
        assertTrue(suppressed.contains("<!-- posting-lint-disable-next fake-heading -- REASON -->"), suppressed);
        lsp.replaceAll(seed, suppressed, ++version);
        PublishDiagnosticsParams s = lsp.await(seed, version, d -> true);
        long headingsBefore = now.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("fake-heading")).count();
        assertEquals(headingsBefore - 1, s.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("fake-heading")).count(), s.toString());
        assertFalse(has(s, "unused-suppression") || has(s, "suppression-without-reason"), s.toString());
        lsp.replaceAll(seed, text, ++version);
    }

    @Test
    @Order(4)
    void hoverExplainsTheRuleWithItsCitationAndApprovedText() throws Exception {
        Path seed = ws.resolve(SEED);
        PublishDiagnosticsParams p = lsp.await(seed, version, d -> true);
        Diagnostic about = p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("cloudflare-about-us")).findFirst().orElseThrow();
        Hover h = lsp.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(LspClient.uri(seed)),
                about.getRange().getStart())).get(30, TimeUnit.SECONDS);
        String md = h.getContents().getRight().getValue();
        assertTrue(md.contains("**cloudflare-about-us**"), md);
        assertTrue(md.contains("**Citation:** https://www.cloudflare.com/careers/"), md);
        assertTrue(md.contains("**Approved text:**"), md);
        assertTrue(md.contains("judged as of " + AS_OF), md);
    }

    @Test
    @Order(5)
    void aBrokenPolicyShowsItsErrorAtItsLineAndColumn() throws Exception {
        Path dir = Files.createDirectories(ws.resolve("broken"));
        Path policy = dir.resolve(".posting-lint.yaml");
        Files.writeString(policy, "name: broken\nrules:\n  - id: x\n    type: forbid\n    severty: error\n    pattern: 'a'\n");
        Cli.Result cli = Cli.run(dir, "rules");
        assertEquals(2, cli.exit(), cli.toString());
        lsp.open(policy, read(policy), 1);
        PublishDiagnosticsParams p = lsp.await(policy, 1, d -> !d.getDiagnostics().isEmpty());
        // The CLI prints every problem as ".posting-lint.yaml:LINE:COL: problem", one a line; the editor
        // shows each as a diagnostic at LINE-1, COL-1 (here two: no category, a misspelled key).
        List<String> lines = cli.err().strip().lines().toList();
        assertEquals(2, lines.size(), cli.err());
        assertEquals(lines.size(), p.getDiagnostics().size(), p.getDiagnostics().toString());
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(":", 4);
            Diagnostic d = p.getDiagnostics().get(i);
            assertEquals(Integer.parseInt(parts[1]) - 1, d.getRange().getStart().getLine(), cli.err());
            assertEquals(Integer.parseInt(parts[2]) - 1, d.getRange().getStart().getCharacter(), cli.err());
            assertEquals(parts[3].strip(), d.getMessage().getLeft());
        }
        // A posting that uses the broken policy says so instead of going silent.
        Path posting = dir.resolve("p.html");
        Files.writeString(posting, "<p>hello</p>");
        lsp.open(posting, read(posting), 1);
        PublishDiagnosticsParams pd = lsp.await(posting, 1, x -> !x.getDiagnostics().isEmpty());
        assertEquals("policy-error", pd.getDiagnostics().get(0).getCode().getLeft());
    }

    @Test
    @Order(6)
    void badInputIsADiagnosticOrALogNeverADeadServer() throws Exception {
        Path binary = ws.resolve("binary.html");
        lsp.open(binary, "<p>a\u0000b</p>", 1);
        PublishDiagnosticsParams p = lsp.await(binary, 1, d -> !d.getDiagnostics().isEmpty());
        assertEquals("input-error", p.getDiagnostics().get(0).getCode().getLeft());
        // A change to a document never opened, a hover on one, a file outside the workspace: the server goes on.
        lsp.replaceAll(ws.resolve("never-opened.html"), "<p>x</p>", 5);
        assertEquals(null, lsp.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(
                LspClient.uri(ws.resolve("never-opened.html"))), new Position(0, 0))).get(30, TimeUnit.SECONDS));
        Path outside = Files.createTempFile("outside", ".html");
        lsp.open(outside, "<p>We need a rockstar.</p>", 1);
        assertNotNull(lsp.await(outside, 1, d -> true));
        Files.delete(outside);
    }

    @Test
    @Order(7)
    void randomEditSequencesEndWithTheCliFindingsForTheFinalText() throws Exception {
        Path seed = ws.resolve("002_274d81133c0bd85f.html");
        String text = read(seed);
        lsp.open(seed, text, 1);
        int v = 1;
        Random random = new Random(20261129L);
        String[] words = {"rockstar", "&nbsp;", "<b>", "</b>", "approximately 25 million Internet properties", "ninja", "\n", " ", "é", "😀"};
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 25; i++) {
                int s = random.nextInt(text.length() + 1);
                int e = Math.min(text.length(), s + random.nextInt(8));
                // Never split a surrogate pair: an editor would not either.
                if (s > 0 && s < text.length() && Character.isLowSurrogate(text.charAt(s))) {
                    s--;
                }
                if (e > 0 && e < text.length() && Character.isLowSurrogate(text.charAt(e))) {
                    e++;
                }
                String insert = random.nextInt(3) == 0 ? "" : words[random.nextInt(words.length)];
                change(seed, new TextDocumentContentChangeEvent(new Range(pos(text, s), pos(text, e)), insert), ++v);
                text = text.substring(0, s) + insert + text.substring(e);
            }
            PublishDiagnosticsParams p = lsp.await(seed, v, d -> true);
            Path copy = Files.createTempDirectory(ws.getParent(), "fuzz");
            copyExamples(copy);
            Files.writeString(copy.resolve(seed.getFileName()), text);
            assertEquals(cliFindings(copy, seed.getFileName().toString()), lspFindings(p), "round " + round);
        }
    }

    @Test
    @Order(100)
    void shutdownThenExitEndsTheProcessWithZero() throws Exception {
        lsp.server.shutdown().get(30, TimeUnit.SECONDS);
        lsp.server.exit();
        assertTrue(lsp.process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, lsp.process.exitValue());
    }
}
