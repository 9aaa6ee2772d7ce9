package dev.postinglint.core.session;

import dev.postinglint.core.input.InputFile;
import dev.postinglint.core.model.DriftGroup;
import dev.postinglint.core.model.FileResult;
import dev.postinglint.core.model.LintReport;
import dev.postinglint.core.model.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The files changed since a git ref, as a pull request sees them: committed on this branch since it left
 * {@code ref} ({@code git diff REF...HEAD}, from the merge base, so commits that landed on {@code ref}
 * meanwhile do not count), plus staged, unstaged and untracked (not ignored) files. A run with it lints every
 * posting, so corpus rules judge drift against the whole repository, and reports and gates only the changed
 * ones (as Semgrep's {@code --baseline-commit}).
 * <p>
 * Asks the {@code git} command, so the answer is exactly git's (merge bases, renames, sparse and shallow
 * clones, {@code core.autocrlf}) whatever the repository's setup.
 */
public final class ChangedSince {
    /** The usual cause in CI: a shallow clone without the base branch or its history. */
    private static final String FETCH_HINT =
            " (in CI, fetch the base branch and its history first: actions/checkout with fetch-depth: 0, or git fetch origin BRANCH)";
    private final String ref;
    private final Set<Path> files;

    private ChangedSince(String ref, Set<Path> files) {
        this.ref = ref;
        this.files = Set.copyOf(files);
    }

    public String ref() {
        return ref;
    }

    /**
     * Asks git, in the work tree that holds {@code dir}, what changed since {@code ref}. Not a work tree, an
     * unknown ref or no git on the PATH is a {@link SessionException} that {@code option} (the face's name for
     * it) begins.
     */
    public static ChangedSince read(String option, String ref, Path dir) {
        if (ref == null || ref.isBlank() || ref.startsWith("-")) {
            throw new SessionException(option + " needs a git ref (a branch, tag or commit), not '" + ref + "'");
        }
        String what = option + " " + ref;
        Path top = Path.of(git(what, dir, "rev-parse", "--show-toplevel").strip());
        try {
            git(what, top, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
        } catch (SessionException e) {
            throw new SessionException(what + ": no such branch, tag or commit in " + top + FETCH_HINT, e);
        }
        Set<Path> changed = new HashSet<>();
        List<List<String>> asks = List.of(
                List.of("diff", "--name-only", "-z", ref + "...HEAD", "--"),
                List.of("diff", "--name-only", "-z", "HEAD", "--"),
                List.of("ls-files", "--others", "--exclude-standard", "-z"));
        for (List<String> ask : asks) {
            for (String name : git(what, top, ask.toArray(String[]::new)).split("\0")) {
                if (!name.isEmpty()) {
                    changed.add(real(top.resolve(name)));
                }
            }
        }
        return new ChangedSince(ref, changed);
    }

    /** Whether git counts this file as changed. */
    public boolean includes(InputFile file) {
        return files.contains(real(file.path()));
    }

    /**
     * The report cut to the changed postings (a board export's jobs go with their file): their findings, a
     * summary of them, and the drift groups one of them is in.
     */
    LintReport restrict(LintReport report, Postings postings) {
        Set<String> shown = new HashSet<>();
        for (InputFile f : postings.files()) {
            if (includes(f)) {
                shown.add(f.displayPath());
            }
        }
        List<FileResult> kept = new ArrayList<>();
        for (FileResult r : report.files()) {
            String file = r.origin() != null ? r.origin().file() : r.path();
            if (shown.contains(file) || shown.contains(r.path())) {
                kept.add(r);
            }
        }
        Set<String> keptPaths = new HashSet<>();
        kept.forEach(r -> keptPaths.add(r.path()));
        List<DriftGroup> drift = report.drift().stream()
                .filter(g -> g.variants().stream().anyMatch(v -> v.postings().stream().anyMatch(keptPaths::contains)))
                .toList();
        Summary summary = Summary.of(kept).withBaselined(report.summary().baselined());
        return new LintReport(report.toolVersion(), report.asOf(), report.policies(), kept, summary, report.elapsed(), drift,
                report.rules());
    }

    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs; // deleted since, or not there yet: compare as written
        }
    }

    /** git's standard output; a failure is a {@link SessionException} that {@code what} begins. */
    private static String git(String what, Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
        cmd.addAll(List.of(args));
        Path err = null;
        try {
            err = Files.createTempFile("posting-lint-git", ".txt");
            Process p = new ProcessBuilder(cmd).directory(dir.toAbsolutePath().toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SessionException(what + ": git " + String.join(" ", args) + " did not finish in 60 s");
            }
            if (p.exitValue() != 0) {
                String why = Files.readString(err, StandardCharsets.UTF_8).strip().replace('\n', ' ');
                throw new SessionException(what + ": git " + args[0] + " failed: " + why
                        + (why.contains("no merge base") ? FETCH_HINT : ""));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SessionException(what + " needs the git command on the PATH: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionException(what + ": interrupted while asking git", e);
        } finally {
            if (err != null) {
                try {
                    Files.deleteIfExists(err);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }


    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
