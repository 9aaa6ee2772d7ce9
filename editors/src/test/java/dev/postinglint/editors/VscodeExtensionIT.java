package dev.postinglint.editors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the VS Code extension as a user or a release job does, with editors/vscode/build.sh (npm ci
 * from the lock file, tsc, vsce package), in target/vscode so that node_modules is reused between
 * runs, and checks the .vsix: the manifest, the compiled extension, its runtime dependency and the
 * policy schema it contributes. Then activates the compiled extension in node with the VS Code API
 * recorded, to check the server command it starts for each way of configuring it. Runs where node
 * and npm are on PATH.
 */
class VscodeExtensionIT {
    static final Path ROOT = PolicySchemaTest.ROOT;
    static final Path WORK = Path.of(System.getProperty("postinglint.vscode.work", "target/vscode")).toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();

    static Path vsix;
    static String log;

    /** Whether the command runs, and (for node) is version 20 or later, as @vscode/vsce needs. */
    static boolean onPath(String command) {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            boolean ran = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            if (ran && command.equals("node")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("v(\\d+)\\.").matcher(version);
                return m.lookingAt() && Integer.parseInt(m.group(1)) >= 20;
            }
            return ran;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @BeforeAll
    static void build() throws IOException, InterruptedException {
        assumeTrue(onPath("node") && onPath("npm"), "node 20 or later and npm are needed to build the VS Code extension");
        Path out = Files.createTempFile("vscode-build", ".out");
        Path err = Files.createTempFile("vscode-build", ".err");
        Process p = new ProcessBuilder("bash", ROOT.resolve("editors/vscode/build.sh").toString(), WORK.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        String stdout = Files.readString(out);
        log = Files.readString(err) + stdout;
        Files.delete(out);
        Files.delete(err);
        assertTrue(done, "build.sh took over 5 minutes:\n" + log);
        assertEquals(0, p.exitValue(), "build.sh failed:\n" + log);
        List<String> lines = stdout.lines().filter(l -> !l.isBlank()).toList();
        assertFalse(lines.isEmpty(), "build.sh printed no .vsix path:\n" + log);
        vsix = Path.of(lines.get(lines.size() - 1).strip());
        assertTrue(Files.isRegularFile(vsix), "no .vsix at the last line of:\n" + log);
    }

    static Map<String, byte[]> entries() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (ZipFile zip = new ZipFile(vsix.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (!e.isDirectory()) {
                    out.put(e.getName(), zip.getInputStream(e).readAllBytes());
                }
            }
        }
        return out;
    }

    @Test
    void theVsixHoldsTheManifestTheCompiledExtensionItsDependencyAndTheSchema() throws IOException {
        Map<String, byte[]> zip = entries();
        JsonNode pkg = JSON.readTree(zip.get("extension/package.json"));
        JsonNode source = JSON.readTree(ROOT.resolve("editors/vscode/package.json").toFile());
        assertEquals(source.get("version").asText(), pkg.get("version").asText());
        assertEquals("posting-lint-" + source.get("version").asText() + ".vsix", vsix.getFileName().toString());
        assertTrue(zip.containsKey("extension.vsixmanifest"), zip.keySet().toString());

        String main = pkg.get("main").asText().replaceFirst("^\\./", "");
        String js = new String(zip.get("extension/" + main), StandardCharsets.UTF_8);
        assertTrue(js.contains("require(\"vscode-languageclient/node\")"), "the compiled extension uses the language client");
        assertTrue(js.contains("'lsp'"), "it starts the server with the lsp command");
        for (JsonNode c : pkg.at("/contributes/commands")) {
            assertTrue(js.contains("'" + c.get("command").asText() + "'"), "command " + c.get("command") + " is contributed but not registered");
        }
        assertTrue(zip.containsKey("extension/node_modules/vscode-languageclient/package.json"), "the runtime dependency is packaged");
        assertFalse(zip.keySet().stream().anyMatch(n -> n.startsWith("extension/src/") || n.contains("/typescript/")
                || n.contains("/@vscode/vsce/")), "sources and build tools stay out: " + zip.keySet().stream().filter(n -> n.contains("/src/")).toList());

        JsonNode yaml = pkg.at("/contributes/yamlValidation/0");
        assertTrue(yaml.get("fileMatch").toString().contains(".posting-lint.yaml"), yaml.toString());
        String schemaEntry = "extension/" + yaml.get("url").asText().replaceFirst("^\\./", "");
        assertArrayEquals(Files.readAllBytes(ROOT.resolve("schema/posting-lint-policy.schema.json")), zip.get(schemaEntry),
                "the packaged schema is the repository's");
        assertTrue(zip.containsKey("extension/LICENSE.txt") || zip.containsKey("extension/LICENSE"), "the licence is packaged");
    }

    @Test
    void theBuildMarksNodeModulesWithTheLockFilesHash() throws IOException {
        String stamp = Files.readString(WORK.resolve("node_modules/.posting-lint-lock")).strip();
        assertTrue(stamp.matches("[0-9a-f]{64}"), "the lock file's sha-256 marks the installed node_modules: " + stamp);
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("node_modules/.bin/tsc", "node_modules/.bin/vsce")) {
            if (!Files.exists(WORK.resolve(tool))) {
                missing.add(tool);
            }
        }
        assertEquals(List.of(), missing, "npm ci installed the build tools");
    }

    // ---------------------------------------------------------------- the compiled extension, activated

    /** Activates the built extension.js with the VS Code API recorded (editors/vscode/test/activation.js). */
    static JsonNode activate(Map<String, Object> scenario) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", ROOT.resolve("editors/vscode/test/activation.js").toString(),
                WORK.resolve("out/extension.js").toString(), JSON.writeValueAsString(scenario)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0, "activation failed: " + out);
        return JSON.readTree(out);
    }

    static Path file(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        p.toFile().setExecutable(true);
        return p;
    }

    @Test
    void itStartsPostingLintLspFromThePathForPostingsAndPolicies(@TempDir Path tmp) throws Exception {
        Path launcher = file(tmp.resolve("bin/posting-lint"));
        JsonNode seen = activate(Map.of("path", tmp.resolve("bin") + java.io.File.pathSeparator + "/usr/bin",
                "settings", Map.of("serverArgs", List.of("--verbose"), "env", Map.of("POSTING_LINT_JAVA_OPTS", "-Xmx256m"))));
        JsonNode client = seen.get("client");
        assertEquals(launcher.toString(), client.get("command").asText(), seen.toString());
        assertEquals(List.of("lsp", "--verbose"), texts(client.get("args")));
        assertEquals("-Xmx256m", client.at("/env/POSTING_LINT_JAVA_OPTS").asText());
        assertTrue(seen.get("started").asBoolean());
        String selector = client.get("documentSelector").toString();
        assertTrue(selector.contains("\"html\"") && selector.contains("\"markdown\"") && selector.contains(".posting-lint.{yaml,yml}"), selector);
        assertEquals(List.of("postingLint.restartServer", "postingLint.showOutput"), texts(seen.get("commands")));
    }

    @Test
    void aJarRunsWithJavaFromJavaHome(@TempDir Path tmp) throws Exception {
        Path java = file(tmp.resolve("jdk/bin/java"));
        Path jar = file(tmp.resolve("posting-lint.jar"));
        JsonNode client = activate(Map.of("path", "/usr/bin", "javaHome", tmp.resolve("jdk").toString(),
                "settings", Map.of("path", jar.toString()))).get("client");
        assertEquals(java.toString(), client.get("command").asText());
        assertEquals(List.of("-jar", jar.toString(), "lsp"), texts(client.get("args")));
    }

    @Test
    void aRelativePathIsResolvedInTheWorkspaceFolder(@TempDir Path tmp) throws Exception {
        Path launcher = file(tmp.resolve("ws/tools/posting-lint"));
        JsonNode client = activate(Map.of("folder", tmp.resolve("ws").toString(), "settings", Map.of("path", "tools/posting-lint"))).get("client");
        assertEquals(launcher.toString(), client.get("command").asText());
    }

    @Test
    void aMissingServerIsExplainedAndNothingStarts(@TempDir Path tmp) throws Exception {
        JsonNode none = activate(Map.of("path", tmp.toString(), "settings", Map.of()));
        assertTrue(none.get("client").isNull());
        assertTrue(none.get("errors").toString().contains("not on PATH"), none.toString());
        JsonNode wrong = activate(Map.of("settings", Map.of("path", tmp.resolve("nowhere/posting-lint").toString())));
        assertTrue(wrong.get("client").isNull());
        assertTrue(wrong.get("errors").toString().contains("does not exist"), wrong.toString());
        JsonNode off = activate(Map.of("settings", Map.of("enable", false)));
        assertTrue(off.get("client").isNull() && off.get("errors").isEmpty(), off.toString());
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
