package dev.postinglint.core.policy;

import dev.postinglint.core.jurisdiction.Gazetteer;
import dev.postinglint.core.yaml.NodeImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The build step that writes the shipped packs' {@link NodeImage}s, each pack's and the gazetteer's, into one file
 * ({@value #FILE} beside {@code packs.txt}; one resource, since every class-path lookup costs a cold check time),
 * run by the rules module's build on its packs once they are copied to its classes directory: a cold check then
 * reads the packs' composed trees instead of running SnakeYAML over them (docs/BENCHMARKS.md, "Round 12: cold
 * start"). Each pack is composed exactly as a load composes it without an image, and each image is read back and
 * compared with that tree before it is written; any difference, or a pack that does not compose, fails the build.
 */
public final class PackImages {
    /** The file of the images, beside {@code packs.txt}. */
    public static final String FILE = "packs.nodes";
    /** The name the gazetteer's image has in the file. */
    public static final String GAZETTEER = "gazetteer";
    private static final int MAGIC = 0x504c4e53; // "PLNS"

    private PackImages() {
    }

    /** {@code PackImages DIR}: writes the images of the packs {@code DIR/packs.txt} lists and of the gazetteer. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PackImages DIR (the directory of packs.txt)");
        }
        Map<String, byte[]> images = write(Path.of(args[0]));
        System.out.println("posting-lint: images of " + images.keySet() + " written to " + Path.of(args[0], FILE));
    }

    /** Writes {@value #FILE} in {@code dir}; returns the images it holds, by name. */
    public static Map<String, byte[]> write(Path dir) throws IOException {
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("packs.txt"), StandardCharsets.UTF_8)) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            byte[] yaml = Files.readAllBytes(dir.resolve(name + ".yaml"));
            Node root = PolicyLoader.composePack(yaml, PolicyLoader.BUILTIN_PREFIX + name);
            images.put(name, image(name, root, yaml));
        }
        Path gazetteer = dir.resolve(GAZETTEER + ".yaml");
        if (Files.isRegularFile(gazetteer)) {
            byte[] yaml = Files.readAllBytes(gazetteer);
            Node root = Gazetteer.compose(new InputStreamReader(new ByteArrayInputStream(yaml), StandardCharsets.UTF_8));
            images.put(GAZETTEER, image(GAZETTEER, root, yaml));
        }
        Files.write(dir.resolve(FILE), bundle(images));
        return images;
    }

    private static byte[] image(String name, Node root, byte[] yaml) {
        byte[] image = NodeImage.write(root, yaml);
        Node back = NodeImage.read(image, yaml);
        String difference = back == null ? "unreadable" : NodeImage.difference(root, back);
        if (difference != null) {
            throw new IllegalStateException(name + ": the image does not read back as the composed YAML: " + difference);
        }
        return image;
    }

    /** The images in one file: a magic number, their count, and each one's name and bytes, each after its length. */
    static byte[] bundle(Map<String, byte[]> images) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(images.size());
            for (Map.Entry<String, byte[]> e : images.entrySet()) {
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeInt(name.length);
                out.write(name);
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    /** The images of a {@link #bundle}, by name; empty for anything else (each pack's YAML is then composed). */
    static Map<String, byte[]> unbundle(byte[] file) {
        Map<String, byte[]> images = new HashMap<>();
        if (file == null) {
            return images;
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        try {
            if (in.getInt() != MAGIC) {
                return images;
            }
            for (int n = in.getInt(); n > 0; n--) {
                byte[] name = new byte[in.getInt()];
                in.get(name);
                byte[] image = new byte[in.getInt()];
                in.get(image);
                images.put(new String(name, StandardCharsets.UTF_8), image);
            }
            return in.hasRemaining() ? new HashMap<>() : images;
        } catch (RuntimeException e) {
            return new HashMap<>(); // damaged: compose every pack's YAML
        }
    }
}
