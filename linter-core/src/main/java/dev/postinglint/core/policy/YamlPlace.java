package dev.postinglint.core.policy;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Where something stands in a policy file: the file and a 1-based line and column. */
public record YamlPlace(String location, int line, int column) {
    static YamlPlace of(String location, Node node) {
        return of(location, node.getStartMark());
    }

    static YamlPlace of(String location, Mark mark) {
        return mark == null ? new YamlPlace(location, 0, 0)
                : new YamlPlace(location, mark.getLine() + 1, mark.getColumn() + 1);
    }

    @Override
    public String toString() {
        return line > 0 ? location + ":" + line + ":" + column : location;
    }
}
