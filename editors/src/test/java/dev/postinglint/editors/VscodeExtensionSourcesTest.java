package dev.postinglint.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The npm projects' sources without building them (the VS Code extension, and the schema check with
 * yaml-language-server): reproducible, registry-only lock files; the extension's settings documented.
 */
class VscodeExtensionSourcesTest {
    static final Path DIR = PolicySchemaTest.ROOT.resolve("editors/vscode");
    static final String REGISTRY = "https://registry.npmjs.org/";

    static List<Path> npmProjects() {
        return List.of(DIR, PolicySchemaTest.ROOT.resolve("editors/schema-check"));
    }

    @ParameterizedTest
    @MethodSource("npmProjects")
    void theLockFileDownloadsOnlyFromTheNpmRegistry(Path dir) throws IOException {
        JsonNode lock = new ObjectMapper().readTree(dir.resolve("package-lock.json").toFile());
        assertEquals(3, lock.get("lockfileVersion").asInt());
        List<String> elsewhere = new ArrayList<>();
        int packages = 0;
        for (Map.Entry<String, JsonNode> e : lock.get("packages").properties()) {
            if (e.getKey().isEmpty()) {
                continue;
            }
            packages++;
            JsonNode resolved = e.getValue().get("resolved");
            if (resolved != null && !resolved.asText().startsWith(REGISTRY)) {
                elsewhere.add(e.getKey() + " <- " + resolved.asText());
            }
            assertTrue(e.getValue().has("integrity") || e.getValue().path("link").asBoolean(), e.getKey() + " has no integrity hash");
        }
        assertTrue(packages > 10, "an empty lock file");
        assertEquals(List.of(), elsewhere, "packages from outside the npm registry");
    }

    @ParameterizedTest
    @MethodSource("npmProjects")
    void dependenciesArePinnedAndMatchTheLockFile(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode pkg = json.readTree(dir.resolve("package.json").toFile());
        JsonNode lock = json.readTree(dir.resolve("package-lock.json").toFile());
        for (String section : List.of("dependencies", "devDependencies")) {
            for (Map.Entry<String, JsonNode> d : pkg.path(section).properties()) {
                String version = d.getValue().asText();
                assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), d.getKey() + " is pinned to an exact version, not " + version);
                assertEquals(version, lock.at("/packages/node_modules~1" + d.getKey().replace("/", "~1") + "/version").asText(),
                        d.getKey() + ": package.json and package-lock.json differ (run npm install in " + dir + ")");
            }
        }
    }

    @Test
    void everySettingAndCommandIsDocumented() throws IOException {
        JsonNode pkg = new ObjectMapper().readTree(DIR.resolve("package.json").toFile());
        String readme = Files.readString(DIR.resolve("README.md"));
        String editors = Files.readString(PolicySchemaTest.ROOT.resolve("docs/EDITORS.md"));
        List<String> undocumented = new ArrayList<>();
        pkg.at("/contributes/configuration/properties").fieldNames().forEachRemaining(name -> {
            if (!readme.contains("`" + name + "`")) {
                undocumented.add(name);
            }
        });
        for (JsonNode c : pkg.at("/contributes/commands")) {
            if (!readme.contains(c.get("title").asText())) {
                undocumented.add(c.get("command").asText());
            }
        }
        assertEquals(List.of(), undocumented, "settings and commands missing from editors/vscode/README.md");
        assertTrue(editors.contains("postingLint.path"), "docs/EDITORS.md shows the VS Code set-up");
    }
}
