package dev.postinglint.core.text;

/** A run of words in a word diff: unchanged, added by the variant, or removed from the reference. */
public record DiffToken(Kind kind, String text) {
    public enum Kind { SAME, ADDED, REMOVED }
}
