package dev.postinglint.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.jurisdiction.Gazetteer;
import dev.postinglint.core.rules.RuleTypes;
import dev.postinglint.core.yaml.NodeImage;
import dev.postinglint.core.yaml.PolicyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's pack images: written for every listed pack, and loaded the same as the YAML they were made from. */
class PackImagesTest {
    private static final String PACK = """
            name: mine
            rules:
              - id: no-foo
                type: forbid
                severity: warning
                category: wording
                message: "Avoid 'foo'"
                pattern: &foo '(?i)\\bfoo\\b'
              - id: has-foo
                type: require
                severity: info
                category: wording
                pattern: *foo
            """;
    private static final String BROKEN = PACK.replace("    category: wording\n    pattern: *foo", "    category: wording\n    patern: *foo");
    private static final String OTHER = PACK.replace("no-foo", "no-bar");

    @TempDir
    Path dir;

    /** Packs from memory, with images from memory, or images that cannot be read ({@code unreadable}). */
    private record ImagedPacks(Map<String, byte[]> yaml, Map<String, byte[]> images, boolean unreadable) implements PackSource {
        ImagedPacks(Map<String, byte[]> yaml, Map<String, byte[]> images) {
            this(yaml, images, false);
        }

        @Override
        public List<String> names() {
            return List.copyOf(yaml.keySet());
        }

        @Override
        public InputStream open(String name) {
            byte[] b = yaml.get(name);
            return b == null ? null : new ByteArrayInputStream(b);
        }

        @Override
        public byte[] image(String name) throws IOException {
            if (unreadable) {
                throw new IOException("unreadable image");
            }
            return images.get(name);
        }

        @Override
        public Gazetteer gazetteer() {
            return Gazetteer.EMPTY;
        }

        @Override
        public String gazetteerLocation() {
            return "gazetteer.yaml";
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Policy load(PackSource packs, Path dir) throws IOException {
        Files.writeString(dir.resolve("p.yaml"), "name: p\nextends: builtin:mine\n");
        return new PolicyLoader(RuleTypes.builtin(), packs).load("p.yaml", dir);
    }

    private static byte[] image(String yaml) {
        byte[] b = bytes(yaml);
        return NodeImage.write(PolicyLoader.composePack(b, "builtin:mine"), b);
    }

    @Test
    void writesAnImageOfEveryListedPackAndTheGazetteerIntoOneFile() throws IOException {
        Files.writeString(dir.resolve("packs.txt"), "# packs\nmine\n\nother\n");
        Files.writeString(dir.resolve("mine.yaml"), PACK);
        Files.writeString(dir.resolve("other.yaml"), OTHER);
        Files.writeString(dir.resolve("gazetteer.yaml"), "countries:\n  US: {name: United States}\n");
        Map<String, byte[]> written = PackImages.write(dir);
        assertEquals(List.of("mine", "other", "gazetteer"), List.copyOf(written.keySet()));
        Map<String, byte[]> read = PackImages.unbundle(Files.readAllBytes(dir.resolve(PackImages.FILE)));
        assertEquals(written.keySet(), read.keySet());
        byte[] yaml = Files.readAllBytes(dir.resolve("mine.yaml"));
        assertNull(NodeImage.difference(PolicyLoader.composePack(yaml, "builtin:mine"), NodeImage.read(read.get("mine"), yaml)));
        byte[] g = Files.readAllBytes(dir.resolve("gazetteer.yaml"));
        assertNotNull(NodeImage.read(read.get("gazetteer"), g));
        // What the class path gives: the same images through ClasspathPacks.
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return super.getResourceAsStream(name.substring(ClasspathPacks.DIR.length()));
            }
        }) {
            ClasspathPacks packs = new ClasspathPacks(loader);
            assertNotNull(NodeImage.read(packs.image("mine"), yaml));
            assertNull(packs.image("missing"));
        }
    }

    @Test
    void aDamagedBundleGivesNoImages() throws IOException {
        byte[] file = PackImages.bundle(Map.of("mine", image(PACK)));
        assertEquals(1, PackImages.unbundle(file).size());
        assertTrue(PackImages.unbundle(java.util.Arrays.copyOf(file, file.length - 1)).isEmpty());
        assertTrue(PackImages.unbundle(java.util.Arrays.copyOf(file, file.length + 1)).isEmpty());
        assertTrue(PackImages.unbundle(new byte[] {1, 2, 3}).isEmpty());
        assertTrue(PackImages.unbundle(null).isEmpty());
    }

    @Test
    void packNamesAreCheckedAsThePatternDid() {
        for (String name : List.of("default", "a", "pay-transparency", "x1-2", "", "-a", "A", "a_b", "a.b", "é", "../x", "a/b", "9")) {
            assertEquals(name.matches("[a-z0-9][a-z0-9-]*"), ClasspathPacks.isPackName(name), name);
        }
    }

    @Test
    void aPackThatDoesNotComposeFailsTheBuildStep() throws IOException {
        Files.writeString(dir.resolve("packs.txt"), "mine\n");
        Files.writeString(dir.resolve("mine.yaml"), "name: [unclosed\n");
        assertThrows(PolicyException.class, () -> PackImages.write(dir));
    }

    @Test
    void loadsAnImagedPackAsItsYaml() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        String plain = PolicyPrinter.print(load(new ImagedPacks(Map.of("mine", bytes(PACK)), Map.of()), a));
        String imaged = PolicyPrinter.print(load(new ImagedPacks(Map.of("mine", bytes(PACK)), Map.of("mine", image(PACK))), b));
        assertEquals(plain.replace(a.toString(), "DIR"), imaged.replace(b.toString(), "DIR"));
    }

    @Test
    void anImagedPacksErrorsNameTheSamePlaces() throws IOException {
        PolicyException plain = assertThrows(PolicyException.class,
                () -> load(new ImagedPacks(Map.of("mine", bytes(BROKEN)), Map.of()), dir));
        PolicyException imaged = assertThrows(PolicyException.class,
                () -> load(new ImagedPacks(Map.of("mine", bytes(BROKEN)), Map.of("mine", image(BROKEN))), dir));
        assertEquals(plain.getMessage(), imaged.getMessage());
        assertEquals(true, plain.getMessage().contains("builtin:mine:9:5"), plain.getMessage());
    }

    @Test
    void anImageThatCannotBeReadOnlyCostsTheCompose() throws IOException {
        PackSource plain = new ImagedPacks(Map.of("mine", bytes(PACK)), Map.of());
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        PackSource throwing = new ImagedPacks(Map.of("mine", bytes(PACK)), Map.of(), true);
        assertEquals(PolicyPrinter.print(load(plain, a)).replace(a.toString(), "DIR"),
                PolicyPrinter.print(load(throwing, b)).replace(b.toString(), "DIR"));
    }

    @Test
    void usesAnImageOnlyForTheBytesItWasMadeFrom() throws IOException {
        // An image of OTHER's tree stamped with PACK's bytes is taken for PACK: the stamp is what binds them.
        byte[] packBytes = bytes(PACK);
        byte[] forged = NodeImage.write(PolicyLoader.composePack(bytes(OTHER), "builtin:mine"), packBytes);
        Policy taken = load(new ImagedPacks(Map.of("mine", packBytes), Map.of("mine", forged)), dir);
        assertNotNull(taken.rules().stream().filter(r -> r.id().equals("no-bar")).findFirst().orElse(null));
        // A stale image (made from other bytes) is not used: the pack's own YAML is.
        Policy stale = load(new ImagedPacks(Map.of("mine", packBytes), Map.of("mine", image(OTHER))), dir);
        assertNotNull(stale.rules().stream().filter(r -> r.id().equals("no-foo")).findFirst().orElse(null));
        assertNull(stale.rules().stream().filter(r -> r.id().equals("no-bar")).findFirst().orElse(null));
    }
}
