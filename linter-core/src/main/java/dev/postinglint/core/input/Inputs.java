package dev.postinglint.core.input;

import dev.postinglint.core.model.BuiltinRules;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.model.JobOrigin;
import dev.postinglint.core.posting.ContentChoice;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.posting.MarkdownParser;
import dev.postinglint.core.posting.Metadata;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.PostingParser;
import dev.postinglint.core.posting.UnreadableMarkup;
import dev.postinglint.core.source.Position;
import dev.postinglint.core.source.SourceLine;
import dev.postinglint.core.source.SourceSpan;
import dev.postinglint.core.source.SourceText;
import java.util.function.Consumer;

/**
 * Turns an input file into the postings it holds: one for an HTML or Markdown file, one per job for
 * a board export. Board exports are streamed on the calling thread, one job at a time, so the caller
 * controls how many jobs are in memory (by blocking in {@code sink}); files are read later, by
 * {@link PostingSource#load()}.
 */
public final class Inputs {
    private Inputs() {
    }

    /**
     * Files up to this size are read whole when expanded, when their kind depends on their content and they are read
     * from disk ({@link PostingReader.FromFiles}): one open and read serve both the look at the first character and
     * the posting's text. Larger files are looked at, then read when loaded, so that the postings waiting for a
     * worker hold at most this much each.
     */
    static final long READ_AT_ONCE = 1 << 20;

    public static void expand(InputFile file, long maxBytes, Consumer<PostingSource> sink) {
        expand(file, maxBytes, new PostingReader.FromFiles(maxBytes), sink);
    }

    /**
     * The same, reading HTML and Markdown files through {@code reader} (the fix loop reads its
     * edited text from memory this way); board exports are always streamed from disk.
     */
    public static void expand(InputFile file, long maxBytes, Sources reader, Consumer<PostingSource> sink) {
        InputKind byName = InputKind.byName(file);
        if (byName == null && reader instanceof PostingReader.FromFiles disk && disk.maxBytes() == maxBytes) {
            // Anything but a small readable regular file (a FIFO, a file too large or unreadable) goes the general
            // way below, which reports it as before.
            byte[] bytes = PostingReader.bytesIfAtMost(file, Math.min(maxBytes, READ_AT_ONCE));
            if (bytes != null) {
                if (InputKind.startsWithBrace(bytes)) {
                    streamBoard(file, maxBytes, sink);
                } else {
                    // Read already: decoded and parsed when loaded, on the worker that checks it.
                    sink.accept(new FileSource(file, f -> PostingReader.decode(f.displayPath(), bytes), false));
                }
                return;
            }
        }
        switch (byName != null ? byName : InputKind.of(file)) {
            case HTML -> sink.accept(new FileSource(file, reader, false));
            case MARKDOWN -> sink.accept(new FileSource(file, reader, true));
            case JSON -> streamBoard(file, maxBytes, sink);
        }
    }

    private static void streamBoard(InputFile file, long maxBytes, Consumer<PostingSource> sink) {
        String notRegular = dev.postinglint.core.source.RegularFile.problem(file.path());
        if (notRegular != null) {
            sink.accept(new Failed(file, new InputProblem(notRegular, true)));
            return;
        }
        try {
            // Job ids name postings (FILE#ID) in reports, baselines and waivers: a repeated id gets a
            // suffix (FILE#7, FILE#7~2), so every posting has a name of its own, and a duplicate-job-id
            // warning on the renamed posting says so (the export is streamed: no list of all ids exists).
            java.util.Set<String> names = new java.util.HashSet<>();
            java.util.Map<String, Position> firstAt = new java.util.HashMap<>();
            BoardExport.read(file.path(), maxBytes, job -> {
                Position at = new Position(job.line(), job.column());
                Position first = firstAt.putIfAbsent(job.id(), at);
                String name = job.id();
                for (int n = 2; !names.add(name); n++) {
                    name = job.id() + "~" + n;
                }
                sink.accept(new JobSource(file, job, name, first == null ? null : duplicate(file, job, name, first)));
            });
        } catch (InputProblem p) {
            sink.accept(new Failed(file, p));
        }
    }

    /** The warning on a job whose id an earlier job of the same export has. */
    private static Finding duplicate(InputFile file, BoardExport.Job job, String name, Position first) {
        String shown = file.displayPath() + "#" + name;
        Position start = new Position(1, 1);
        return new Finding(BuiltinRules.DUPLICATE_JOB_ID, "input", Severity.WARNING, shown + ": job id '" + job.id()
                + "' is used more than once in " + file.displayPath() + " (first at line " + first.line() + ", column "
                + first.column() + "; this job at line " + job.line() + ", column " + job.column() + "); this job is reported as "
                + shown + ", a name that depends on the jobs' order: give each job an id of its own",
                new SourceSpan(0, 0, start, start), "", null, null, SourceLine.NONE);
    }

    /** An HTML or Markdown file, read and parsed when loaded. */
    private record FileSource(InputFile input, Sources reader, boolean markdown) implements PostingSource {
        @Override
        public String displayPath() {
            return input.displayPath();
        }

        @Override
        public java.nio.file.Path file() {
            return input.path();
        }

        @Override
        public Posting load(ContentChoice content) throws InputProblem {
            SourceText source = reader.read(input);
            if (!markdown) {
                return PostingParser.parse(source, Metadata.NONE, content);
            }
            FrontMatter.Result front = FrontMatter.read(source);
            try {
                return MarkdownParser.parse(source, front.bodyStart(), front.metadata());
            } catch (UnreadableMarkup e) {
                Position at = source.positionOf(e.offset());
                throw new InputProblem(e.getMessage(), at, SourceLine.around(source, at));
            }
        }
    }

    /** One job of a board export: its decoded content HTML is the posting's source. */
    private record JobSource(InputFile export, BoardExport.Job job, String name, Finding duplicate) implements PostingSource {
        @Override
        public java.util.List<Finding> notices() {
            return duplicate == null ? java.util.List.of() : java.util.List.of(duplicate);
        }

        @Override
        public String displayPath() {
            return export.displayPath() + "#" + name;
        }

        @Override
        public java.nio.file.Path file() {
            return export.path();
        }

        @Override
        public JobOrigin origin() {
            return new JobOrigin(export.displayPath(), job.id(), job.line(), job.column());
        }

        @Override
        public Posting load(ContentChoice content) throws InputProblem {
            if (job.problem() != null) {
                throw new InputProblem(job.problem() + " (export line " + job.line() + ", column " + job.column() + ")", false);
            }
            return PostingParser.parse(new SourceText(displayPath(), job.content()), job.metadata(), content);
        }
    }

    /** A file that could not be expanded (malformed JSON, not a board export): its problem, reported as a posting. */
    private record Failed(InputFile input, InputProblem problem) implements PostingSource {
        @Override
        public String displayPath() {
            return input.displayPath();
        }

        @Override
        public java.nio.file.Path file() {
            return input.path();
        }

        @Override
        public Posting load(ContentChoice content) throws InputProblem {
            throw problem;
        }
    }
}
