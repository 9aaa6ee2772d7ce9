package dev.postinglint.core.policy;

import dev.postinglint.core.jurisdiction.Gazetteer;
import dev.postinglint.core.yaml.NodeImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The build step that writes each shipped pack's {@link NodeImage} ({@code NAME.nodes} beside {@code NAME.yaml}, and
 * {@code gazetteer.nodes}), run by the rules module's build on its packs once they are copied to its classes
 * directory: a cold check then reads the packs' composed trees instead of running SnakeYAML over them
 * (docs/BENCHMARKS.md, "Round 12: cold start"). Each pack is composed exactly as a load composes it without an
 * image, and each image is read back and compared with that tree before it is written; any difference, or a
 * pack that does not compose, fails the build.
 */
public final class PackImages {
    /** What an image's file name adds to the pack's name. */
    public static final String SUFFIX = ".nodes";

    private PackImages() {
    }

    /** {@code PackImages DIR}: writes the images of the packs {@code DIR/packs.txt} lists and of the gazetteer. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PackImages DIR (the directory of packs.txt)");
        }
        List<Path> written = write(Path.of(args[0]));
        System.out.println("posting-lint: " + written.size() + " pack images written to " + args[0]);
    }

    /** Writes the images; returns the files written. */
    public static List<Path> write(Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("packs.txt"), StandardCharsets.UTF_8)) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            byte[] yaml = Files.readAllBytes(dir.resolve(name + ".yaml"));
            Node root = PolicyLoader.composePack(yaml, PolicyLoader.BUILTIN_PREFIX + name);
            written.add(write(dir.resolve(name + SUFFIX), root, yaml));
        }
        Path gazetteer = dir.resolve("gazetteer.yaml");
        if (Files.isRegularFile(gazetteer)) {
            byte[] yaml = Files.readAllBytes(gazetteer);
            Node root = Gazetteer.compose(new InputStreamReader(new ByteArrayInputStream(yaml), StandardCharsets.UTF_8));
            written.add(write(dir.resolve("gazetteer" + SUFFIX), root, yaml));
        }
        return written;
    }

    private static Path write(Path to, Node root, byte[] yaml) throws IOException {
        byte[] image = NodeImage.write(root, yaml);
        Node back = NodeImage.read(image, yaml);
        String difference = back == null ? "unreadable" : NodeImage.difference(root, back);
        if (difference != null) {
            throw new IllegalStateException(to + ": the image does not read back as the composed YAML: " + difference);
        }
        Files.write(to, image);
        return to;
    }
}
