package dev.postinglint.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/** A node image reads back as the tree SnakeYAML composes, and only for the bytes it was made from. */
class NodeImageTest {
    private static final String YAML = """
            name: sample
            version: 1.2
            enabled: yes
            nothing: ~
            when: 2026-01-31
            quoted: 'it''s'
            double: "tab\\there é ✓"
            explicit: !!str 010
            flow: {a: 1, b: [x, "y", 'z']}
            block: |
              line one
              line two
            folded: >-
              folded
              text
            base: &base
              severity: warning
              pattern: '(?i)\\bfoo\\b'
            rules:
              - *base
              - <<: *base
                id: merged
              - [*base, plain]
            """;

    private static Node compose(String yaml) {
        LoaderOptions opts = new LoaderOptions();
        opts.setProcessComments(false);
        return new Composer(new ParserImpl(new StreamReader(new StringReader(yaml)), opts), new Resolver(), opts).getSingleNode();
    }

    @Test
    void readsBackTheComposedTree() {
        byte[] source = YAML.getBytes(StandardCharsets.UTF_8);
        Node composed = compose(YAML);
        Node read = NodeImage.read(NodeImage.write(composed, source), source);
        assertNotNull(read);
        assertNull(NodeImage.difference(composed, read));
        // An alias is the anchored node itself, as the composer gives it.
        MappingNode root = (MappingNode) read;
        Node base = root.getValue().get(11).getValueNode();
        SequenceNode rules = (SequenceNode) root.getValue().get(12).getValueNode();
        assertSame(base, rules.getValue().get(0));
        assertEquals("base", base.getAnchor());
        assertEquals(true, ((MappingNode) rules.getValue().get(1)).isMerged());
        ScalarNode quoted = (ScalarNode) root.getValue().get(5).getValueNode();
        assertEquals("it's", quoted.getValue());
        assertEquals(6, quoted.getStartMark().getLine() + 1);
        assertEquals(9, quoted.getStartMark().getColumn() + 1);
    }

    @Test
    void differenceFindsWhatDiffers() {
        Node a = compose("a: [1, 2]\nb: x\n");
        assertNull(NodeImage.difference(a, compose("a: [1, 2]\nb: x\n")));
        assertNotNull(NodeImage.difference(a, compose("a: [1, 2]\nb: 'x'\n")), "style");
        assertNotNull(NodeImage.difference(a, compose("a: [1, 2]\nb:  x\n")), "column");
        assertNotNull(NodeImage.difference(a, compose("a: [1, 3]\nb: x\n")), "value");
        assertNotNull(NodeImage.difference(a, compose("a: [1, 2]\nb: !!str x\n")), "resolution");
        Node shared = compose("a: &s [1]\nb: *s\n");
        assertNotNull(NodeImage.difference(shared, compose("a: &s [1]\nb: [1]\n")), "an alias against a copy");
    }

    @Test
    void isNullForOtherBytesAndForDamagedImages() {
        byte[] source = YAML.getBytes(StandardCharsets.UTF_8);
        byte[] image = NodeImage.write(compose(YAML), source);
        byte[] edited = YAML.replace("sample", "simple").getBytes(StandardCharsets.UTF_8);
        assertNull(NodeImage.read(image, edited), "same length, other bytes");
        assertNull(NodeImage.read(image, Arrays.copyOf(source, source.length + 1)), "other length");
        assertNull(NodeImage.read(Arrays.copyOf(image, image.length - 1), source), "truncated");
        byte[] longer = Arrays.copyOf(image, image.length + 1);
        assertNull(NodeImage.read(longer, source), "trailing bytes");
        byte[] wrongMagic = image.clone();
        wrongMagic[0] ^= 1;
        assertNull(NodeImage.read(wrongMagic, source));
        assertNull(NodeImage.read(null, source));
        for (int i = 0; i < image.length; i += 97) {
            byte[] damaged = image.clone();
            damaged[i] = (byte) 0xff;
            Node n = NodeImage.read(damaged, source); // null or some tree, never an exception
            if (n != null) {
                assertNotNull(n.getTag());
            }
        }
    }

    @Test
    void refusesCommentsItCannotKeep() {
        LoaderOptions opts = new LoaderOptions();
        opts.setProcessComments(true);
        String yaml = "# a comment\na: 1\n";
        Node withComments = new Composer(new ParserImpl(new StreamReader(new StringReader(yaml)), opts), new Resolver(), opts).getSingleNode();
        assertThrows(IllegalArgumentException.class, () -> NodeImage.write(withComments, yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
