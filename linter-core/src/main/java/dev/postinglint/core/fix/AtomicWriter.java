package dev.postinglint.core.fix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces a file's content atomically: the new bytes go to a temporary file in the same directory, which
 * is flushed to the disk (fsync) and given the original's permissions (and, where allowed, owner and group),
 * then renamed over the original in one step ({@code ATOMIC_MOVE}), and the directory is flushed too. Killed
 * at any moment, the file is either the old one or the new one, never half written; a failure at any step
 * (a full disk, a read-only directory) leaves the original untouched and removes the temporary file.
 *
 * <p>A file without any write permission bit is refused as read-only, even for root (for whom the rename
 * would otherwise succeed), and so is a file that changed since it was read. A symbolic link is refused:
 * in an untrusted checkout it may point anywhere (outside the repository, at a system file), so
 * {@code fix} never writes through one. The replaced file is a new inode, so hard links to the old one
 * keep the old content.
 *
 * <p>A concurrent editor: the file's content and modification time are compared with what the fixes were
 * computed from twice, once before the temporary file is written and again immediately before the
 * rename; a change refuses the write ("changed while fixing"). What remains is the window between that
 * last check and the rename itself (a few system calls, microseconds): POSIX has no rename-if-unchanged,
 * so an editor's save landing exactly there is replaced. An editor that saves by renaming its own
 * temporary file over the posting loses nothing: one of the two renames wins whole.
 *
 * <p>Temporary files are named {@code .NAME.PID.RANDOM.posting-lint-tmp}; one left by a run that was
 * killed ({@code kill -9}) is removed by {@link #removeStale} on the next run in that directory.
 */
public class AtomicWriter {
    /** Steps of a write, for tests that inject failures. */
    public enum Step { TEMP_CREATED, WRITTEN, SYNCED, ATTRIBUTES_COPIED }

    /** A test seam: called after each step with the temporary file; may throw to simulate a failure there. */
    @FunctionalInterface
    public interface Hook {
        void after(Step step, Path temp) throws IOException;
    }

    /** A file that cannot be replaced because it is read-only (or changed under us). */
    public static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        public RefusedException(String message) {
            super(message);
        }
    }

    static final String TEMP_SUFFIX = ".posting-lint-tmp";
    private final Hook hook;

    public AtomicWriter() {
        this((step, temp) -> {
        });
    }

    public AtomicWriter(Hook hook) {
        this.hook = hook;
    }

    /**
     * Replaces {@code target}'s content with {@code content}, provided it still holds {@code expected} (the
     * bytes the fixes were computed from).
     */
    public void replace(Path target, byte[] expected, byte[] content) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new RefusedException("is a symbolic link; fix never writes through one (fix the file it points to); left unchanged");
        }
        Path real = target.toRealPath();
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedException("not a regular file");
        }
        PosixFileAttributes posix = posixAttributes(real);
        if (!Files.isWritable(real) || (posix != null && !anyWriteBit(posix.permissions()))) {
            throw new RefusedException("the file is read-only (no write permission); left unchanged");
        }
        FileTime modified = Files.getLastModifiedTime(real);
        unchanged(real, expected, null);
        Path dir = real.getParent();
        removeStale(dir);
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + real.getFileName() + "." + ProcessHandle.current().pid() + ".", TEMP_SUFFIX);
        } catch (AccessDeniedException e) {
            throw new RefusedException("cannot create a file in " + dir + " (permission denied); left unchanged");
        }
        boolean moved = false;
        try {
            hook.after(Step.TEMP_CREATED, temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                hook.after(Step.WRITTEN, temp);
                ch.force(true);
            }
            hook.after(Step.SYNCED, temp);
            if (posix != null) {
                PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
                view.setPermissions(posix.permissions());
                try {
                    view.setOwner(posix.owner());
                    view.setGroup(posix.group());
                } catch (IOException | SecurityException | UnsupportedOperationException e) {
                    // Only root may give a file away; the permissions above are what matters.
                }
            }
            hook.after(Step.ATTRIBUTES_COPIED, temp);
            unchanged(real, expected, modified); // as late as possible: the window left is up to the rename
            Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Refuses when the file no longer holds {@code expected} or (when given) was modified since {@code modified}. */
    private static void unchanged(Path real, byte[] expected, FileTime modified) throws IOException {
        if ((modified != null && !modified.equals(Files.getLastModifiedTime(real))) || Files.size(real) != expected.length
                || !Arrays.equals(Files.readAllBytes(real), expected)) {
            throw new RefusedException("the file changed while posting-lint was fixing it; left unchanged");
        }
    }

    private static final Pattern TEMP_NAME = Pattern.compile("^\\..*\\.(\\d+)\\.-?\\d+" + Pattern.quote(TEMP_SUFFIX) + "$");

    /**
     * Removes temporary files in {@code dir} left by a run that no longer exists (killed before its
     * rename): ones whose creator's process id is not alive, and unnamed ones older than a minute.
     * A live run's temporary file is never touched. Best effort: a file that cannot be removed stays.
     */
    public static void removeStale(Path dir) {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "*" + TEMP_SUFFIX)) {
            for (Path t : temps) {
                java.util.regex.Matcher m = TEMP_NAME.matcher(t.getFileName().toString());
                boolean stale;
                if (m.matches()) {
                    long pid = Long.parseLong(m.group(1));
                    stale = pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
                } else {
                    stale = Files.getLastModifiedTime(t, LinkOption.NOFOLLOW_LINKS).toMillis() < System.currentTimeMillis() - 60_000;
                }
                if (stale && Files.isRegularFile(t, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(t);
                }
            }
        } catch (IOException | NumberFormatException | java.nio.file.DirectoryIteratorException e) {
            // Leftovers are harmless (never linted); never fail a fix over them.
        }
    }

    private static PosixFileAttributes posixAttributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, PosixFileAttributes.class);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static boolean anyWriteBit(Set<PosixFilePermission> perms) {
        return perms.contains(PosixFilePermission.OWNER_WRITE) || perms.contains(PosixFilePermission.GROUP_WRITE)
                || perms.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** Makes the rename durable. Not every platform can open a directory (Windows cannot): then skip it. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The rename itself is atomic either way.
        }
    }
}
