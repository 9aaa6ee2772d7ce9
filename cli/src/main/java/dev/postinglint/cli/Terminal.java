package dev.postinglint.cli;

/** Whether to colour output: {@code --color auto} colours only a real terminal, and honours NO_COLOR. */
final class Terminal {
    private Terminal() {
    }

    enum ColorMode { auto, always, never }

    static boolean useColor(ColorMode mode, boolean toStdout) {
        return switch (mode) {
            case always -> true;
            case never -> false;
            case auto -> toStdout && System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        };
    }
}
