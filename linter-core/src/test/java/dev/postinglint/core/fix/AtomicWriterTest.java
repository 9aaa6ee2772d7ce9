package dev.postinglint.core.fix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The atomic writer: replaces content keeping permissions, refuses read-only files (even as root), and leaves
 * the original intact and no temporary file behind when any step fails. A full disk cannot be produced
 * portably in a test, so it is injected through the writer's {@link AtomicWriter.Hook} seam at every step.
 */
class AtomicWriterTest {
    @TempDir
    Path dir;

    static final byte[] OLD = "<p>old</p>\r\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] NEW = "<p>new \uD83D\uDE00</p>\r\n".getBytes(StandardCharsets.UTF_8);

    private List<String> listing() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheContentAndKeepsThePermissions() throws IOException {
        Path f = dir.resolve("a.html");
        Files.write(f, OLD);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        new AtomicWriter().replace(f, OLD, NEW);
        assertArrayEquals(NEW, Files.readAllBytes(f));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(List.of("a.html"), listing());
    }

    @Test
    void neverWritesThroughASymbolicLink() throws IOException {
        Path target = dir.resolve("real.html");
        Files.write(target, OLD);
        Path link = Files.createSymbolicLink(dir.resolve("link.html"), target.getFileName());
        IOException e = assertThrows(AtomicWriter.RefusedException.class, () -> new AtomicWriter().replace(link, OLD, NEW));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertEquals(List.of("link.html", "real.html"), listing());
    }

    /** An editor's save that lands after the first check, as late as just before the rename, is kept. */
    @ParameterizedTest
    @EnumSource(AtomicWriter.Step.class)
    void anEditLandingWhileFixingIsKeptAndTheFixRefused(AtomicWriter.Step editAt) throws IOException {
        Path f = dir.resolve("a.html");
        Files.write(f, OLD);
        byte[] edit = "<p>the editor's save</p>\n".getBytes(StandardCharsets.UTF_8);
        AtomicWriter w = new AtomicWriter((step, temp) -> {
            if (step == editAt) {
                Files.write(f, edit);
            }
        });
        IOException e = assertThrows(AtomicWriter.RefusedException.class, () -> w.replace(f, OLD, NEW));
        assertTrue(e.getMessage().contains("changed while posting-lint was fixing it"), e.getMessage());
        assertArrayEquals(edit, Files.readAllBytes(f));
        assertEquals(List.of("a.html"), listing());
    }

    /** The same length and bytes written back still count: the modification time moved. */
    @Test
    void aSaveOfTheSameLengthIsSeenByItsModificationTime() throws IOException {
        Path f = dir.resolve("a.html");
        Files.write(f, OLD);
        byte[] same = OLD.clone();
        same[4] = 'O';
        AtomicWriter w = new AtomicWriter((step, temp) -> {
            if (step == AtomicWriter.Step.ATTRIBUTES_COPIED) {
                Files.write(f, same);
                Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            }
        });
        assertThrows(AtomicWriter.RefusedException.class, () -> w.replace(f, OLD, NEW));
        assertArrayEquals(same, Files.readAllBytes(f));
    }

    @Test
    void temporaryFilesOfDeadRunsAreRemovedAndLiveOnesKept() throws IOException {
        Path f = dir.resolve("a.html");
        Files.write(f, OLD);
        long live = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        Path dead = Files.write(dir.resolve(".a.html.2147483646.123" + AtomicWriter.TEMP_SUFFIX), OLD);
        Path alive = Files.write(dir.resolve(".a.html." + live + ".456" + AtomicWriter.TEMP_SUFFIX), OLD);
        new AtomicWriter().replace(f, OLD, NEW);
        assertTrue(Files.notExists(dead));
        assertTrue(Files.exists(alive));
        assertArrayEquals(NEW, Files.readAllBytes(f));
    }

    @Test
    void aReadOnlyFileIsRefusedEvenForRootAndLeftIntact() throws IOException {
        Path f = dir.resolve("ro.html");
        Files.write(f, OLD);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        IOException e = assertThrows(AtomicWriter.RefusedException.class, () -> new AtomicWriter().replace(f, OLD, NEW));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertArrayEquals(OLD, Files.readAllBytes(f));
        assertEquals(List.of("ro.html"), listing());
    }

    @Test
    void aFileThatChangedSinceItWasReadIsLeftAlone() throws IOException {
        Path f = dir.resolve("a.html");
        Files.write(f, "<p>edited meanwhile</p>".getBytes(StandardCharsets.UTF_8));
        IOException e = assertThrows(AtomicWriter.RefusedException.class, () -> new AtomicWriter().replace(f, OLD, NEW));
        assertTrue(e.getMessage().contains("changed while posting-lint was fixing it"), e.getMessage());
        assertEquals("<p>edited meanwhile</p>", Files.readString(f));
    }

    @ParameterizedTest
    @EnumSource(AtomicWriter.Step.class)
    void aFailureAtAnyStepLeavesTheOriginalAndNoTemporaryFile(AtomicWriter.Step failAt) throws IOException {
        Path f = dir.resolve("a.html");
        Files.write(f, OLD);
        AtomicWriter diskFull = new AtomicWriter((step, temp) -> {
            assertTrue(Files.exists(temp) && temp.getParent().equals(dir), "the temporary file is beside the original");
            if (step == failAt) {
                throw new IOException("No space left on device");
            }
        });
        IOException e = assertThrows(IOException.class, () -> diskFull.replace(f, OLD, NEW));
        assertEquals("No space left on device", e.getMessage());
        assertArrayEquals(OLD, Files.readAllBytes(f));
        assertEquals(List.of("a.html"), listing());
    }
}
