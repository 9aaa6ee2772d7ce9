package dev.postinglint.core.source;

/**
 * Paths as reports show them: with {@code /} separators on every platform. Only the platform's own
 * separator is replaced: on Windows {@code \} is one, but on Linux and macOS it is an ordinary
 * character of a name, so {@code back\slash.html} is reported as it is, not as {@code back/slash.html}.
 */
public final class Slashes {
    private Slashes() {
    }

    public static String of(String platformPath) {
        return java.io.File.separatorChar == '/' ? platformPath : platformPath.replace(java.io.File.separatorChar, '/');
    }
}
