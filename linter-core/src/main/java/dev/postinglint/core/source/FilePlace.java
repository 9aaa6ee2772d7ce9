package dev.postinglint.core.source;

/** Where something stands in a file (a policy, most often): the file and a 1-based line and column. */
public record FilePlace(String location, int line, int column) {
    @Override
    public String toString() {
        return line > 0 ? location + ":" + line + ":" + column : location;
    }
}
