package dev.postinglint.core.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * What git ignores in one work tree, read with JGit's implementation of git's rules: every
 * {@code .gitignore} from a file's directory up to the work tree's top (the nearest decides, {@code !} negates),
 * then {@code .git/info/exclude} (in the common git directory for a linked worktree). Each file is read once.
 * The user's global excludes file is not read: a run must not depend on who runs it. Not thread-safe (one walk).
 */
public final class GitIgnores {
    private final Path top;
    private final IgnoreNode exclude;
    private final Map<Path, IgnoreNode> nodes = new HashMap<>();

    private GitIgnores(Path top, IgnoreNode exclude) {
        this.top = top;
        this.exclude = exclude;
    }

    /** The rules of the git work tree that holds {@code dir} (absolute), or null when it is in none. */
    public static GitIgnores around(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path git = d.resolve(".git");
            if (Files.isDirectory(git)) {
                return new GitIgnores(d, read(git.resolve("info/exclude")));
            }
            if (Files.isRegularFile(git)) {
                return new GitIgnores(d, read(commonDir(d, git).resolve("info/exclude")));
            }
        }
        return null;
    }

    /** Whether git ignores {@code path} (absolute, inside the work tree); directories ignore all they hold. */
    public boolean ignored(Path path, boolean directory) {
        Path abs = path.toAbsolutePath().normalize();
        if (!abs.startsWith(top) || abs.equals(top)) {
            return false;
        }
        for (Path dir = abs.getParent(); dir != null && dir.startsWith(top); dir = dir.getParent()) {
            IgnoreNode node = nodes.computeIfAbsent(dir, d -> read(d.resolve(".gitignore")));
            Boolean decided = node.checkIgnored(slashed(dir.relativize(abs)), directory);
            if (decided != null) {
                return decided;
            }
        }
        Boolean excluded = exclude.checkIgnored(slashed(top.relativize(abs)), directory);
        return excluded != null && excluded;
    }

    private static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    /** A linked worktree's {@code .git} file says {@code gitdir: PATH}; that directory's {@code commondir} holds info/. */
    private static Path commonDir(Path workTree, Path gitFile) {
        try {
            String text = Files.readString(gitFile, StandardCharsets.UTF_8).strip();
            if (!text.startsWith("gitdir:")) {
                return gitFile;
            }
            Path gitDir = workTree.resolve(text.substring("gitdir:".length()).strip()).normalize();
            Path common = gitDir.resolve("commondir");
            return Files.isRegularFile(common)
                    ? gitDir.resolve(Files.readString(common, StandardCharsets.UTF_8).strip()).normalize()
                    : gitDir;
        } catch (IOException e) {
            return gitFile; // unreadable: no exclude file, as git would find none
        }
    }

    private static IgnoreNode read(Path file) {
        IgnoreNode node = new IgnoreNode();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                node.parse(file.toString(), in);
            } catch (IOException e) {
                // An unreadable ignore file ignores nothing, as git treats it.
            }
        }
        return node;
    }
}
