package dev.postinglint.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.postinglint.core.jurisdiction.Gazetteer;
import dev.postinglint.core.policy.ClasspathPacks;
import dev.postinglint.core.policy.PackImages;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.yaml.NodeImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The build wrote an image of every shipped pack and of the gazetteer (the antrun step in this module's pom), and
 * each (all in one file, {@link PackImages#FILE}) reads back as exactly the tree SnakeYAML composes from the YAML beside it: what a cold check reads instead.
 */
class ShippedPackImagesTest {
    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ShippedPackImagesTest.class.getClassLoader().getResourceAsStream(ClasspathPacks.DIR + name)) {
            assertNotNull(in, name + " is not on the class path");
            return in.readAllBytes();
        }
    }

    @Test
    void everyPackHasAnImageOfItsYaml() throws IOException {
        List<String> names = ClasspathPacks.shipped().names();
        assertFalse(names.isEmpty());
        for (String name : names) {
            byte[] yaml = resource(name + ".yaml");
            Node image = NodeImage.read(ClasspathPacks.shipped().image(name), yaml);
            assertNotNull(image, name + ": no image made from its YAML");
            assertNull(NodeImage.difference(PolicyLoader.composePack(yaml, "builtin:" + name), image), name);
        }
    }

    @Test
    void theGazetteerHasAnImageOfItsYaml() throws IOException {
        byte[] yaml = resource("gazetteer.yaml");
        Node image = NodeImage.read(ClasspathPacks.shipped().image(PackImages.GAZETTEER), yaml);
        assertNotNull(image);
        Node composed = Gazetteer.compose(new InputStreamReader(new ByteArrayInputStream(yaml), StandardCharsets.UTF_8));
        assertNull(NodeImage.difference(composed, image));
    }
}
