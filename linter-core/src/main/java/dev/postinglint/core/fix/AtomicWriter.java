package dev.postinglint.core.fix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * Replaces a file's content atomically: the new bytes go to a temporary file in the same directory, which
 * is flushed to the disk (fsync) and given the original's permissions (and, where allowed, owner and group),
 * then renamed over the original in one step ({@code ATOMIC_MOVE}), and the directory is flushed too. Killed
 * at any moment, the file is either the old one or the new one, never half written; a failure at any step
 * (a full disk, a read-only directory) leaves the original untouched and removes the temporary file.
 *
 * <p>A file without any write permission bit is refused as read-only, even for root (for whom the rename
 * would otherwise succeed), and so is a file that changed since it was read. A symbolic link is followed:
 * the file it points to is replaced, the link stays. The replaced file is a new inode, so hard links to
 * the old one keep the old content.
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
        Path real = target.toRealPath();
        if (!Files.isRegularFile(real)) {
            throw new RefusedException("not a regular file");
        }
        PosixFileAttributes posix = posixAttributes(real);
        if (!Files.isWritable(real) || (posix != null && !anyWriteBit(posix.permissions()))) {
            throw new RefusedException("the file is read-only (no write permission); left unchanged");
        }
        if (!Arrays.equals(Files.readAllBytes(real), expected)) {
            throw new RefusedException("the file changed while posting-lint was fixing it; left unchanged");
        }
        Path dir = real.getParent();
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + real.getFileName() + ".", TEMP_SUFFIX);
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
            Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
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
