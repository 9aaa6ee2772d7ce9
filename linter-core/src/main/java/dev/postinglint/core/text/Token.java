package dev.postinglint.core.text;

/** A word or punctuation mark in normalized form, with where it stands in the text it came from. */
public record Token(String norm, int start, int end) {
}
