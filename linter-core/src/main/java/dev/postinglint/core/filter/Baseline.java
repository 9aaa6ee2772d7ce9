package dev.postinglint.core.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.text.Words;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The findings a team has accepted for now, so that {@code check --baseline FILE} reports and fails only on new
 * ones. Each entry is keyed by a fingerprint of the posting's path (relative to the baseline file's
 * directory), the rule id, the matched text normalized as {@link Words} does (white space folded, typographic
 * quotes and dashes made plain) and the finding's occurrence index among findings with the same path, rule
 * and text. Line numbers are left out: reflowing a paragraph, adding one above or editing unrelated text keeps
 * every entry; editing the matched text makes the finding new. A finding of a rule that reports once per posting
 * has no text in its key: the posting and rule identify it, whichever places it has today.
 *
 * <p>The file is sorted, stable JSON (no dates, no line numbers), so that it reviews well in a pull request:
 * <pre>
 * {
 *   "posting-lint-baseline": 1,
 *   "entries": [
 *     { "path": "postings/a.html", "rule": "no-rockstar", "text": "rockstar", "fingerprint": "9f2c51d07ab3e4c8" }
 *   ]
 * }
 * </pre>
 */
public final class Baseline {
    public static final int FORMAT = 1;
    static final String FORMAT_KEY = "posting-lint-baseline";
    private static final int TEXT_SHOWN = 100;
    /** The text of an entry for a finding reported once per posting (its fingerprint has no text). */
    static final String ONE_PER_POSTING = "(one finding for the posting)";
    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::path).thenComparing(Entry::rule)
            .thenComparing(Entry::text).thenComparing(Entry::fingerprint);

    /** One accepted finding. {@code text} is the normalized matched text (cut short), for people reading the file. */
    public record Entry(String path, String rule, String text, String fingerprint) {
    }

    /** A baseline file that cannot be read, with what is wrong. */
    public static final class BaselineException extends IOException {
        private static final long serialVersionUID = 1L;

        public BaselineException(String message) {
            super(message);
        }
    }

    private final List<Entry> entries;

    private Baseline(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(new LinkedHashSet<>(entries));
        sorted.sort(ORDER);
        this.entries = List.copyOf(sorted);
    }

    /** A baseline of these entries (sorted, duplicates dropped). */
    public static Baseline of(List<Entry> entries) {
        return new Baseline(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * How reported paths become baseline paths: {@code displayRoot} is the directory the report's paths are
     * relative to (the working directory for the CLI, the module for Maven); baseline paths are relative to the
     * baseline file's directory, with {@code /} separators, so the same baseline works from both.
     */
    public static Function<String, String> keys(Path baselineFile, Path displayRoot) {
        Path dir = baselineFile.toAbsolutePath().normalize().getParent();
        Path root = displayRoot.toAbsolutePath().normalize();
        return display -> {
            Path abs = root.resolve(display).normalize();
            Path rel = abs.startsWith(dir) ? dir.relativize(abs) : abs;
            return dev.postinglint.core.source.Slashes.of(rel.toString());
        };
    }

    /** A finding that a baseline can hold: not an input error, and not waived (a waiver already accepts it). */
    static boolean recordable(Finding f) {
        return !f.waived() && !f.ruleId().equals(BuiltinRules.INPUT_ERROR);
    }

    /** The fingerprints of one file's recordable findings, in reading order. */
    static Map<Finding, Entry> entriesOf(String key, FileResult r) {
        Map<Finding, Entry> out = new java.util.IdentityHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : r.findings()) {
            if (!recordable(f)) {
                continue;
            }
            // A finding reported once per posting is keyed by path and rule alone (its text is ""), so adding,
            // removing or editing one of its places keeps the entry; the entry's text says so, for people.
            String text = Words.normalized(f.fingerprintText() == null ? "" : f.fingerprintText());
            int index = seen.merge(f.ruleId() + '\u0000' + text, 1, Integer::sum) - 1;
            String shown = f.onePerPosting() ? ONE_PER_POSTING : shorten(text);
            out.put(f, new Entry(key, f.ruleId(), shown, fingerprint(key, f.ruleId(), text, index)));
        }
        return out;
    }

    static String fingerprint(String path, String rule, String normalizedText, int index) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String key = path + '\u0000' + rule + '\u0000' + normalizedText + '\u0000' + index;
            return HexFormat.of().formatHex(md.digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String shorten(String text) {
        if (text.length() <= TEXT_SHOWN) {
            return text;
        }
        int cut = TEXT_SHOWN;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }

    /**
     * Today's findings as a baseline. Entries of {@code previous} for postings this run did not check are kept
     * while {@code stillThere} says their file exists (so a run over part of a repository keeps the rest).
     */
    public static Baseline record(LintReport report, Function<String, String> keys, Baseline previous,
            Predicate<String> stillThere) {
        List<Entry> out = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        for (FileResult r : report.files()) {
            String key = keys.apply(r.path());
            checked.add(key);
            out.addAll(entriesOf(key, r).values());
        }
        if (previous != null) {
            for (Entry e : previous.entries) {
                if (!checked.contains(e.path()) && stillThere.test(e.path())) {
                    out.add(e);
                }
            }
        }
        return new Baseline(out);
    }

    /** What applying a baseline to a run gives: the run without the known findings, and the entries now fixed. */
    public record Applied(LintReport report, int known, List<Entry> fixed) {
    }

    /**
     * Leaves out of the report every finding the baseline holds, and lists the entries of the checked postings
     * that no finding matches any more (fixed since). Waived findings stay (they are reported as waived anyway).
     */
    public Applied apply(LintReport report, Function<String, String> keys) {
        Filter filter = filter(keys);
        List<FileResult> files = report.files().stream().map(filter::apply).toList();
        LintReport filtered = report.withFiles(files, dev.postinglint.core.model.Summary.of(files).withBaselined(filter.known()));
        return new Applied(filtered, filter.known(), filter.fixed());
    }

    /** This baseline as a step of the filter chain: {@code keys} turns reported paths into baseline paths. */
    public Filter filter(Function<String, String> keys) {
        return new Filter(keys);
    }

    /** Leaves out the findings the baseline holds, and counts what it matched, across the files it is given. */
    public final class Filter implements FindingFilter {
        private final Function<String, String> keys;
        private final Set<String> known = new HashSet<>();
        private final Set<String> matched = new HashSet<>();
        private final Set<String> checked = new HashSet<>();
        private int hidden;

        private Filter(Function<String, String> keys) {
            this.keys = keys;
            for (Entry e : entries) {
                known.add(e.fingerprint() + '\u0000' + e.path());
            }
        }

        @Override
        public synchronized FileResult apply(FileResult r) {
            String key = keys.apply(r.path());
            checked.add(key);
            Map<Finding, Entry> current = entriesOf(key, r);
            List<Finding> left = new ArrayList<>();
            for (Finding f : r.findings()) {
                Entry e = current.get(f);
                if (e != null && known.contains(e.fingerprint() + '\u0000' + key)) {
                    matched.add(e.fingerprint() + '\u0000' + key);
                    hidden++;
                } else {
                    left.add(f);
                }
            }
            return left.size() == r.findings().size() ? r : r.withFindings(left);
        }

        /** How many findings it left out so far. */
        public synchronized int known() {
            return hidden;
        }

        /** The entries of the files it was given that no finding matched: fixed since the baseline was written. */
        public synchronized List<Entry> fixed() {
            List<Entry> fixed = new ArrayList<>();
            for (Entry e : entries) {
                if (checked.contains(e.path()) && !matched.contains(e.fingerprint() + '\u0000' + e.path())) {
                    fixed.add(e);
                }
            }
            return List.copyOf(fixed);
        }
    }

    // ---------------------------------------------------------------- file

    /** Thread-safe once configured; building one per read cost more than reading a small baseline. */
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Baseline read(Path file) throws IOException {
        String notRegular = dev.postinglint.core.source.RegularFile.problem(file);
        if (notRegular != null && !notRegular.equals("no such file")) {
            throw new BaselineException(file + ": cannot read the baseline: it " + notRegular);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BaselineException(file + ": no such baseline file (write one with --write-baseline " + file + ")");
        }
        return parse(bytes, file);
    }

    /** A baseline's bytes, as read from {@code file} (named in every problem). */
    public static Baseline parse(byte[] bytes, Path file) throws BaselineException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            // Found by fuzzing: this was an internal error with a stack trace.
            throw new BaselineException(file + ": not valid UTF-8; a baseline is a UTF-8 JSON file written by --write-baseline");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new BaselineException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.has(FORMAT_KEY)) {
            throw new BaselineException(file + ": not a posting-lint baseline (no \"" + FORMAT_KEY + "\" key)");
        }
        if (!root.get(FORMAT_KEY).isInt() || root.get(FORMAT_KEY).intValue() != FORMAT) {
            throw new BaselineException(file + ": baseline format " + root.get(FORMAT_KEY) + " is not one this posting-lint reads ("
                    + FORMAT + ")");
        }
        requireOnly(file, "the baseline", root, Set.of(FORMAT_KEY, "entries"));
        JsonNode list = root.get("entries");
        if (list == null || !list.isArray()) {
            throw new BaselineException(file + ": \"entries\" must be a list");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String what = "entry " + (i + 1);
            if (!n.isObject()) {
                throw new BaselineException(file + ": " + what + " must be an object");
            }
            requireOnly(file, what, n, Set.of("path", "rule", "text", "fingerprint"));
            entries.add(new Entry(string(file, what, n, "path"), string(file, what, n, "rule"), string(file, what, n, "text"),
                    string(file, what, n, "fingerprint")));
        }
        return new Baseline(entries);
    }

    private static void requireOnly(Path file, String what, JsonNode n, Set<String> allowed) throws BaselineException {
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new BaselineException(file + ": unknown key \"" + k + "\" in " + what + " (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String string(Path file, String what, JsonNode n, String key) throws BaselineException {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) {
            throw new BaselineException(file + ": " + what + " needs \"" + key + "\" as a string");
        }
        return v.textValue();
    }

    /** The file's text: sorted entries, two-space indentation, LF line ends, a final newline. */
    public String toJson() {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            DefaultIndenter lf = new DefaultIndenter("  ", "\n");
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(lf).withArrayIndenter(lf));
            g.writeStartObject();
            g.writeNumberField(FORMAT_KEY, FORMAT);
            g.writeArrayFieldStart("entries");
            for (Entry e : entries) {
                g.writeStartObject();
                g.writeStringField("path", e.path());
                g.writeStringField("rule", e.rule());
                g.writeStringField("text", e.text());
                g.writeStringField("fingerprint", e.fingerprint());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w + "\n";
    }

    /** Writes the file (through a temporary file and a rename, so a reader never sees half of it). */
    public void write(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, toJson(), StandardCharsets.UTF_8);
            Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
