package dev.postinglint.core.source;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Whether a path is a regular file that can be read, checked before any read: a FIFO named on the
 * command line would block the first {@code open} forever, and {@code /dev/zero} would be read until
 * memory runs out; neither reports a useful size. Links are followed (the caller decides whether it
 * may follow them).
 */
public final class RegularFile {
    private RegularFile() {
    }

    /** Null when {@code p} is a regular file; else why it is not one, as a phrase ("is a directory"). */
    public static String problem(Path p) {
        return check(p).problem();
    }

    /**
     * What one look at a path's attributes says: {@code problem} as {@link #problem} gives it, and the
     * file's size when it is a regular file (a reader needs both, and each look is a system call).
     */
    public record Checked(String problem, long size) {
    }

    public static Checked check(Path p) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (FileSystemLoopException e) {
            return new Checked("is a symbolic link loop", 0);
        } catch (NoSuchFileException e) {
            return new Checked(Files.isSymbolicLink(p) ? loopOrDangling(p) : "no such file", 0);
        } catch (IOException e) {
            // ELOOP comes as a plain FileSystemException ("Too many levels of symbolic links").
            return new Checked(Files.isSymbolicLink(p) ? loopOrDangling(p)
                    : "cannot be read: " + (e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage()), 0);
        }
        if (a.isRegularFile()) {
            return new Checked(null, a.size());
        }
        if (a.isDirectory()) {
            return new Checked("is a directory, not a file", 0);
        }
        return new Checked("is not a regular file (a FIFO, device or socket); not read", 0);
    }

    /** A link whose target cannot be reached: a loop (ELOOP surfaces as "no such file" on some paths) or dangling. */
    private static String loopOrDangling(Path p) {
        Path at = p;
        for (int hops = 0; hops < 40; hops++) {
            try {
                if (!Files.isSymbolicLink(at)) {
                    return Files.exists(at, LinkOption.NOFOLLOW_LINKS) ? "cannot be read" : "is a symbolic link to a missing file";
                }
                Path target = Files.readSymbolicLink(at);
                at = at.toAbsolutePath().getParent() == null ? target : at.toAbsolutePath().getParent().resolve(target);
            } catch (IOException e) {
                return "is a symbolic link that cannot be read";
            }
        }
        return "is a symbolic link loop";
    }
}
