package dev.postinglint.core.input;

import dev.postinglint.core.regex.Globs;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the paths a user named into the sorted list of postings to check. Directories are walked
 * (following links; a link loop is noted and skipped), matched against include and exclude globs,
 * and skip dot-directories and {@code node_modules}. Files named explicitly are always checked.
 * A JSON file found in a directory is checked only when it is (or may be: malformed) a job board
 * export; other JSON is skipped with a note.
 * The same file reached twice (through a symbolic or hard link, or by two spellings of its name on a case-insensitive
 * file system) is checked once, under the name that reaches it without a link (else the first in sort order), whatever
 * order the walk met them in. Inside a git work tree, walks leave out what git ignores ({@link GitIgnores}); files
 * posting-lint wrote (reports, baselines) are left out without a note.
 */
public final class InputCollector {
    /** What was found: the files, plus notes about what was skipped and paths that failed. */
    public record Collected(List<InputFile> files, List<String> notes, List<String> errors) {
    }

    private final Globs includes;
    private final Globs excludes;
    private final boolean followLinksOut;

    public InputCollector(Globs includes, Globs excludes) {
        this(includes, excludes, false);
    }

    /**
     * {@code followLinksOut}: whether a symbolic link found while walking a directory may lead outside
     * it ({@code --follow-symlinks}). By default such a link is skipped with a note: in an untrusted
     * checkout it could pull any file of the machine into reports.
     */
    public InputCollector(Globs includes, Globs excludes, boolean followLinksOut) {
        this.includes = includes;
        this.excludes = excludes;
        this.followLinksOut = followLinksOut;
    }

    /** A link under {@code root} whose target is outside it, unless that is allowed. */
    private boolean leavesRoot(Path rootReal, Path p) {
        return !followLinksOut && Files.isSymbolicLink(p) && leaves(rootReal, p);
    }

    private static boolean leaves(Path rootReal, Path link) {
        try {
            return !link.toRealPath().startsWith(rootReal);
        } catch (IOException e) {
            return false; // a loop or a dangling link is reported as such elsewhere
        }
    }

    /** Whether {@code p} is a symbolic link (one {@code lstat}); false when that cannot be told (it vanished). */
    private static boolean isLink(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink();
        } catch (IOException e) {
            return false;
        }
    }

    public Collected collect(List<Path> paths) {
        Map<Object, InputFile> byFile = new HashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path given : paths) {
            if (!Files.exists(given)) {
                // A link loop or a dangling link is named as what it is, not as a missing file.
                String why = Files.isSymbolicLink(given) ? dev.postinglint.core.source.RegularFile.problem(given) : "no such file or directory";
                errors.add(InputFile.of(given).displayPath() + ": " + why);
                continue;
            }
            if (!Files.isDirectory(given)) {
                InputFile f = InputFile.of(given);
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(f.path(), BasicFileAttributes.class);
                } catch (IOException e) {
                    attrs = null; // it exists, yet cannot be looked at: the read reports why
                }
                add(f, attrs, byFile);
                continue;
            }
            Path root = given.toAbsolutePath().normalize();
            GitIgnores git = GitIgnores.around(root);
            Path rootReal;
            try {
                rootReal = root.toRealPath();
            } catch (IOException e) {
                rootReal = root;
            }
            Path checkedRoot = rootReal;
            try {
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(root)) {
                            if (leavesRoot(checkedRoot, dir)) {
                                notes.add(InputFile.of(dir).displayPath() + ": skipped, a symbolic link out of " + InputFile.of(given).displayPath()
                                        + " (--follow-symlinks follows it)");
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            String name = dir.getFileName().toString();
                            if (name.startsWith(".") || name.equals("node_modules")
                                    || excludes.matches(relative(root, dir) + "/")
                                    || excludes.matches(relative(root, dir))
                                    || (git != null && git.ignored(dir, true))) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        // attrs follow links (their file key is the target's, which is what tells a file reached
                        // twice); whether the file is a link takes a look of its own (lstat), only when links may not
                        // lead out.
                        if (!attrs.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        String rel = relative(root, file);
                        if (!includes.matches(rel)) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (!followLinksOut && isLink(file) && leaves(checkedRoot, file)) {
                            notes.add(InputFile.of(file).displayPath() + ": skipped, a symbolic link out of " + InputFile.of(given).displayPath()
                                    + " (--follow-symlinks follows it)");
                            return FileVisitResult.CONTINUE;
                        }
                        // A fix's temporary file (".NAME.PID.N.posting-lint-tmp", left by a killed run) is never a posting.
                        if (!rel.endsWith(".posting-lint-tmp") && !excludes.matches(rel) && (git == null || !git.ignored(file, false))) {
                            InputFile f = InputFile.of(file);
                            // One read of the file's start tells its kind and whether it is our own HTML report (the
                            // walk has seen that it is a regular file: no FIFO is opened).
                            InputKind byName = InputKind.byName(f);
                            byte[] head = byName == null ? OwnOutputs.headBytes(file) : null;
                            InputKind kind = head == null ? byName : InputKind.of(f, head);
                            // Other JSON (package.json, reports) lives beside postings: only board exports are postings.
                            if (kind == InputKind.JSON && BoardExport.sniff(file) == BoardExport.Sniff.NOT_BOARD) {
                                if (!OwnOutputs.isJsonOutput(file)) {
                                    notes.add(f.displayPath() + ": skipped, JSON but not a job board export");
                                }
                            } else if (kind == InputKind.HTML && OwnOutputs.isHtmlReport(head)) {
                                return FileVisitResult.CONTINUE; // our own report, not a posting
                            } else {
                                add(f, attrs, byFile);
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        String shown = InputFile.of(file).displayPath();
                        if (e instanceof FileSystemLoopException) {
                            notes.add(shown + ": skipped, symbolic link loop");
                        } else if (e instanceof AccessDeniedException) {
                            errors.add(shown + ": permission denied");
                        } else if (e instanceof NoSuchFileException) {
                            notes.add(shown + ": skipped, broken link");
                        } else {
                            errors.add(shown + ": " + e.getMessage());
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                errors.add(InputFile.of(given).displayPath() + ": " + e.getMessage());
            }
        }
        TreeMap<String, InputFile> files = new TreeMap<>();
        byFile.values().forEach(f -> files.putIfAbsent(f.displayPath(), f));
        return new Collected(List.copyOf(files.values()), List.copyOf(notes), List.copyOf(errors));
    }

    /**
     * Keeps {@code f} unless the file it names is kept already under another name, which then competes with it. The
     * file's identity is its file key (device and inode, from the look the walk made already: no system call), which a
     * symbolic link, a hard link and a name spelt in another case on a case-insensitive file system all share; where
     * the file system gives no key, its real path.
     */
    private static void add(InputFile f, BasicFileAttributes attrs, Map<Object, InputFile> byFile) {
        Object key = attrs == null ? null : attrs.fileKey();
        byFile.merge(key != null ? key : realPath(f.path()), f, InputCollector::preferred);
    }

    /**
     * Of two names of one file, the one that reaches it without a link (its own real path), else the first in sort
     * order: the same choice whichever the walk or the command line met first. Asked only when a file is reached twice.
     */
    private static InputFile preferred(InputFile kept, InputFile other) {
        boolean keptDirect = isRealPath(kept.path());
        if (keptDirect != isRealPath(other.path())) {
            return keptDirect ? kept : other;
        }
        return kept.displayPath().compareTo(other.displayPath()) <= 0 ? kept : other;
    }

    private static boolean isRealPath(Path p) {
        return realPath(p).equals(p.toAbsolutePath().normalize());
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static String relative(Path root, Path p) {
        return dev.postinglint.core.source.Slashes.of(root.relativize(p).toString());
    }
}
