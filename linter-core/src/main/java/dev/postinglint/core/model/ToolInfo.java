package dev.postinglint.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's name and version, as every report states them. */
public final class ToolInfo {
    public static final String NAME = "posting-lint";
    public static final String INFO_URI = "https://postinglint.dev";
    private static final String VERSION = loadVersion();

    private ToolInfo() {
    }

    public static String version() {
        return VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = ToolInfo.class.getResourceAsStream("/dev/postinglint/core/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
