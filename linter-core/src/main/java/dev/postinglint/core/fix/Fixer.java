package dev.postinglint.core.fix;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.input.InputProblem;
import dev.postinglint.core.input.Sources;
import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.ResultStream;
import dev.postinglint.core.model.RunHeader;
import dev.postinglint.core.model.RunTotals;
import dev.postinglint.core.policy.PolicyResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Fixes postings: lints them all, applies every chosen fix of each posting (see {@link FixPlanner}), and lints
 * again, until a pass changes nothing or {@value #MAX_PASSES} passes have run (as ESLint does: a fix can reveal or
 * unblock another). Each pass is one streamed run over every posting, so corpus rules judge the whole batch as
 * {@code check} does; each posting's result is planned and applied as it comes and then dropped, and the texts
 * wait in a temporary directory (the one read at first, and the latest fixed one), not in memory. Writes no
 * posting: the caller decides whether to write ({@link AtomicWriter}) or show a diff. Fixes are not applied to
 * findings that are waived (compliance accepted them), nor to findings of rules that {@code rules} leaves out;
 * suppressed findings are not reported at all, so never fixed.
 */
public final class Fixer {
    public static final int MAX_PASSES = 10;

    private final Linter linter;
    private final PolicyResolver resolver;
    private final Predicate<String> rules;

    public Fixer(Linter linter, PolicyResolver resolver, Predicate<String> rules) {
        this.linter = linter;
        this.resolver = resolver;
        this.rules = rules;
    }

    /**
     * One posting's outcome: its bytes as read and as fixed (read back from the run's temporary copies, so they
     * are there until the {@link Result} is closed), how many findings each rule's fixes fixed, and the fixable
     * findings that are left with why.
     */
    public static final class FileFix {
        private final InputFile file;
        private final Path original;
        private final Path fixed;
        private final SortedMap<String, Integer> applied;
        private final int findingsFixed;
        private final List<FixPlanner.Skipped> notFixed;

        FileFix(InputFile file, Path original, Path fixed, SortedMap<String, Integer> applied, int findingsFixed,
                List<FixPlanner.Skipped> notFixed) {
            this.file = file;
            this.findingsFixed = findingsFixed;
            this.original = original;
            this.fixed = fixed;
            this.applied = Collections.unmodifiableSortedMap(new TreeMap<>(applied));
            this.notFixed = List.copyOf(notFixed);
        }

        public InputFile file() {
            return file;
        }

        /** The posting as read at the start of the run. */
        public EncodedPosting original() {
            return load(original);
        }

        /** The posting with every fix applied (the original when none was). */
        public EncodedPosting fixed() {
            return fixed == null ? original() : load(fixed);
        }

        /**
         * The places fixed, by rule id (sorted): one per finding, or for a finding reported once per posting one
         * per place, since its fix edits every place.
         */
        public SortedMap<String, Integer> applied() {
            return applied;
        }

        /** The findings fixed. */
        public int fixedCount() {
            return findingsFixed;
        }

        public List<FixPlanner.Skipped> notFixed() {
            return notFixed;
        }

        public boolean changed() {
            if (fixed == null) {
                return false;
            }
            try {
                return Files.mismatch(original, fixed) >= 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private EncodedPosting load(Path copy) {
            try {
                return EncodedPosting.decode(file.displayPath(), Files.readAllBytes(copy));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the working copy of " + file.displayPath() + ": " + e.getMessage(), e);
            } catch (InputProblem p) {
                throw new IllegalStateException(file.displayPath() + " became unreadable: " + p.getMessage(), p);
            }
        }
    }

    /**
     * Every readable posting's outcome (in path order) and how many passes ran. {@link #fixedSources} reads the
     * fixed texts (for a lint of them without writing); closing the result deletes the working copies.
     */
    public static final class Result implements AutoCloseable {
        private final List<FileFix> files;
        private final int passes;
        private final Sources fixedSources;
        private final Path work;

        Result(List<FileFix> files, int passes, Sources fixedSources, Path work) {
            this.files = List.copyOf(files);
            this.passes = passes;
            this.fixedSources = fixedSources;
            this.work = work;
        }

        public List<FileFix> files() {
            return files;
        }

        public int passes() {
            return passes;
        }

        /** The postings' texts as fixed (as read, for the ones no fix changed). */
        public Sources fixedSources() {
            return fixedSources;
        }

        public int fixedCount() {
            return files.stream().mapToInt(FileFix::fixedCount).sum();
        }

        public int notFixedCount() {
            return files.stream().mapToInt(f -> f.notFixed().size()).sum();
        }

        @Override
        public void close() {
            deleteTree(work);
        }
    }

    /** Whether a finding is one this run may fix. */
    public boolean fixable(Finding f) {
        return f.fix() != null && !f.waived() && rules.test(f.ruleId()) && !BuiltinRules.isBuiltin(f.ruleId());
    }

    /** One posting of the batch: where its texts wait, what was fixed, and what is left. */
    private static final class State {
        final InputFile file;
        final Path original;
        final Path fixed;
        volatile boolean copied;
        volatile InputProblem problem;
        boolean changed; // a fixed copy exists
        final SortedMap<String, Integer> applied = new TreeMap<>();
        int findingsFixed;
        List<FixPlanner.Skipped> notFixed = List.of();
        boolean delivered;

        State(InputFile file, Path work, int index) {
            this.file = file;
            this.original = work.resolve(index + ".original");
            this.fixed = work.resolve(index + ".fixed");
        }
    }

    public Result run(List<InputFile> files, long maxFileBytes) {
        List<InputFile> sorted = files.stream().sorted().toList();
        Path work;
        try {
            work = Files.createTempDirectory("posting-lint-fix");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for fix: " + e.getMessage(), e);
        }
        work.toFile().deleteOnExit();
        Map<InputFile, State> states = new ConcurrentHashMap<>();
        Map<String, State> byPath = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            State s = new State(sorted.get(i), work, i);
            states.put(s.file, s);
            byPath.put(s.file.displayPath(), s);
        }
        // Read on workers: a posting is read from disk once, copied, and from then on read from its copy.
        Sources current = f -> current(states.get(f), maxFileBytes).source();
        int passes = 0;
        while (true) {
            int pass = passes;
            boolean[] changed = {false};
            stream(sorted, current, r -> {
                State s = byPath.get(r.path());
                if (s == null || s.problem != null) {
                    return; // a job of a board export (never fixable), or not a readable posting
                }
                s.delivered = true;
                EncodedPosting now;
                try {
                    now = current(s, maxFileBytes); // read before: from its copy
                } catch (InputProblem p) {
                    throw new IllegalStateException(s.file.displayPath() + " was read, and now is not: " + p.getMessage(), p);
                }
                FixPlanner.Plan plan = FixPlanner.plan(now.text(), r.findings().stream().filter(this::fixable).toList());
                if (pass < MAX_PASSES && !plan.isEmpty()) {
                    write(s.fixed, now.apply(plan.edits()).bytes());
                    s.changed = true;
                    for (Finding x : plan.fixed()) {
                        s.applied.merge(x.ruleId(), Math.max(1, x.fixes().size()), Integer::sum);
                        s.findingsFixed++;
                    }
                    changed[0] = true;
                    s.notFixed = List.of(); // planned again in the next pass
                    return;
                }
                List<FixPlanner.Skipped> left = new ArrayList<>(plan.skipped());
                for (Finding x : plan.fixed()) {
                    left.add(new FixPlanner.Skipped(x, "its finding was still there after " + MAX_PASSES + " passes", null));
                }
                left.sort((a, b) -> Finding.ORDER.compare(a.finding(), b.finding()));
                s.notFixed = List.copyOf(left);
            });
            if (!changed[0] || passes == MAX_PASSES) {
                break;
            }
            passes++;
        }
        List<FileFix> out = new ArrayList<>();
        for (InputFile f : sorted) {
            State s = states.get(f);
            if (s.problem == null && s.delivered) {
                out.add(new FileFix(f, s.original, s.changed ? s.fixed : null, s.applied, s.findingsFixed, s.notFixed));
            }
        }
        return new Result(out, passes, current, work);
    }

    /** One lint of the batch as it is now; {@code each} gets each posting's result in path order, on this thread. */
    private void stream(List<InputFile> files, Sources sources, java.util.function.Consumer<FileResult> each) {
        try {
            linter.run(files, resolver, sources, null, new ResultStream() {
                @Override
                public void begin(RunHeader header) {
                }

                @Override
                public void file(FileResult result) {
                    each.accept(result);
                }

                @Override
                public void end(RunTotals totals) {
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // this stream does no I/O
        }
    }

    /** The posting's text now: its fixed copy, else its first reading (copied on first use). */
    private static EncodedPosting current(State s, long maxBytes) throws InputProblem {
        if (s.problem != null) {
            throw s.problem;
        }
        try {
            if (s.changed) {
                return EncodedPosting.decode(s.file.displayPath(), Files.readAllBytes(s.fixed));
            }
            if (s.copied) {
                return EncodedPosting.decode(s.file.displayPath(), Files.readAllBytes(s.original));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the working copy of " + s.file.displayPath() + ": " + e.getMessage(), e);
        }
        EncodedPosting read;
        try {
            read = read(s.file, maxBytes);
        } catch (InputProblem p) {
            s.problem = p; // every later pass says the same, whatever the file does meanwhile
            throw p;
        }
        write(s.original, read.bytes());
        s.copied = true;
        return read;
    }

    private static void write(Path copy, byte[] bytes) {
        try {
            Files.write(copy, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a working copy to " + copy + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Left for the system's temporary-file clean-up; nothing of the postings depends on it.
        }
    }

    private static EncodedPosting read(InputFile f, long maxBytes) throws InputProblem {
        byte[] bytes;
        try {
            if (Files.isDirectory(f.path())) {
                throw new InputProblem("is a directory, not a posting file", true);
            }
            if (Files.size(f.path()) > maxBytes) {
                throw new InputProblem("file is too large (" + Files.size(f.path()) + " bytes; the limit is " + maxBytes
                        + ", see --max-file-size)", false);
            }
            bytes = Files.readAllBytes(f.path());
        } catch (NoSuchFileException e) {
            throw new InputProblem("no such file", true);
        } catch (AccessDeniedException e) {
            throw new InputProblem("permission denied", true);
        } catch (IOException e) {
            throw new InputProblem("cannot read: " + e.getMessage(), true);
        }
        return EncodedPosting.decode(f.displayPath(), bytes);
    }
}
