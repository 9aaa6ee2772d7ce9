package dev.postinglint.core.yaml;

import dev.postinglint.core.source.FilePlace;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** SnakeYAML's 0-based marks as 1-based places in the policy file. */
public final class Marks {
    private Marks() {
    }

    public static FilePlace of(String location, Node node) {
        return of(location, node.getStartMark());
    }

    public static FilePlace of(String location, Mark mark) {
        return mark == null ? new FilePlace(location, 0, 0)
                : new FilePlace(location, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
