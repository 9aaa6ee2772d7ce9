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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the paths a user named into the sorted list of postings to check. Directories are walked
 * (following links; a link loop is noted and skipped), matched against include and exclude globs,
 * and skip dot-directories and {@code node_modules}. Files named explicitly are always checked.
 * A JSON file found in a directory is checked only when it is (or may be: malformed) a job board
 * export; other JSON is skipped with a note.
 * The same file reached twice (through a link) is checked once. Inside a git work tree, walks leave out what
 * git ignores ({@link GitIgnores}); files posting-lint wrote (reports, baselines) are left out without a note.
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
        TreeMap<String, InputFile> files = new TreeMap<>();
        Set<Path> seenReal = new HashSet<>();
        RealPaths reals = new RealPaths();
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
                add(f, reals.of(f.path()), files, seenReal);
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
                        // attrs follow links: whether the file is one takes a look of its own (lstat), made once
                        // here for both the link check and its real path.
                        if (!attrs.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        String rel = relative(root, file);
                        if (!includes.matches(rel)) {
                            return FileVisitResult.CONTINUE;
                        }
                        boolean link = isLink(file);
                        if (link && !followLinksOut && leaves(checkedRoot, file)) {
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
                                add(f, reals.of(f.path(), link), files, seenReal);
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
        return new Collected(List.copyOf(files.values()), List.copyOf(notes), List.copyOf(errors));
    }

    private static void add(InputFile f, Path real, TreeMap<String, InputFile> files, Set<Path> seenReal) {
        if (seenReal.add(real)) {
            files.putIfAbsent(f.displayPath(), f);
        }
    }

    private static String relative(Path root, Path p) {
        return dev.postinglint.core.source.Slashes.of(root.relativize(p).toString());
    }
}
