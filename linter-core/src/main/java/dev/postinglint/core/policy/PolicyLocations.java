package dev.postinglint.core.policy;

import dev.postinglint.core.yaml.PolicyException;
import dev.postinglint.core.yaml.YamlValue;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Policies named by location rather than by a path on disk, as Maven builds share them: {@code classpath:PATH}
 * (a jar among the Maven plugin's dependencies, found through the loader's {@link PackSource}, as
 * maven-checkstyle-plugin's {@code configLocation}), {@code jar:FILE!/PATH} (the same jar given directly, FILE
 * relative to the policy base) and {@code file:} URLs. A policy inside a jar is read through a zip file system,
 * so its relative {@code extends:} stay inside the jar. The jars stay open for one load only.
 */
final class PolicyLocations implements AutoCloseable {
    static final String CLASSPATH_PREFIX = "classpath:";
    private final Map<Path, FileSystem> open = new LinkedHashMap<>();

    static boolean isLocation(String ref) {
        return ref.startsWith(CLASSPATH_PREFIX) || ref.startsWith("jar:") || ref.startsWith("file:");
    }

    /** {@code dir} when it is a directory on disk; null for one inside a jar (globs there have no files to match). */
    static Path onDisk(Path dir) {
        return dir != null && dir.getFileSystem() == FileSystems.getDefault() ? dir : null;
    }

    /** How messages and reports name a policy inside a jar: {@code jar:file:///…/acme-policy.jar!/acme/policy.yaml}. */
    static String display(Path inJar) {
        return inJar.toUri().toString();
    }

    Path locate(String ref, Path baseDir, PackSource packs, YamlValue at) {
        if (ref.startsWith(CLASSPATH_PREFIX)) {
            String path = ref.substring(CLASSPATH_PREFIX.length()).strip();
            URL url = packs.resource(path);
            if (url == null) {
                throw problem(at, "'" + ref + "' is not on the class path (for the Maven plugin: add the jar that holds "
                        + path + " as a <dependency> of the plugin)");
            }
            try {
                return fromUri(url.toURI(), ref, at);
            } catch (URISyntaxException e) {
                throw problem(at, "cannot read '" + ref + "': " + e.getMessage());
            }
        }
        if (ref.startsWith("jar:") && !ref.startsWith("jar:file:")) {
            // jar:FILE!/PATH with a plain (maybe relative) file name, as the CLI's --policy takes it.
            int bang = ref.indexOf("!/");
            if (bang < 0) {
                throw problem(at, "'" + ref + "' must be jar:FILE!/PATH (the policy's path inside the jar after '!/')");
            }
            Path jar = (baseDir != null ? baseDir : Path.of("")).resolve(ref.substring("jar:".length(), bang)).toAbsolutePath().normalize();
            return inJar(jar, ref.substring(bang + 1), ref, at);
        }
        try {
            return fromUri(new URI(ref), ref, at);
        } catch (URISyntaxException e) {
            throw problem(at, "'" + ref + "' is not a valid URL: " + e.getMessage());
        }
    }

    private Path fromUri(URI uri, String ref, YamlValue at) {
        try {
            return pathOf(uri, ref, at);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            // An opaque or odd URL (file:name, file://host/x, file:/x?q): Path.of refuses it unchecked.
            throw problem(at, "'" + ref + "' is not a file URL that names a file (" + e.getMessage()
                    + "); write file:///ABSOLUTE/PATH, or a path relative to the policy without 'file:'");
        }
    }

    private Path pathOf(URI uri, String ref, YamlValue at) {
        switch (uri.getScheme()) {
            case "file" -> {
                return Path.of(uri);
            }
            case "jar" -> {
                String ssp = uri.getRawSchemeSpecificPart();
                int bang = ssp.indexOf("!/");
                if (bang < 0) {
                    throw problem(at, "'" + ref + "' must be jar:file:…!/PATH");
                }
                return inJar(Path.of(URI.create(ssp.substring(0, bang))), decode(ssp.substring(bang + 1)), ref, at);
            }
            default -> throw problem(at, "'" + ref + "': policies are read from files, jars (jar:) and the class path "
                    + "(classpath:), not " + uri.getScheme() + ": URLs");
        }
    }

    private static String decode(String rawPath) {
        return URI.create("x:" + rawPath).getSchemeSpecificPart();
    }

    private Path inJar(Path jar, String inner, String ref, YamlValue at) {
        FileSystem fs = open.get(jar);
        if (fs == null) {
            if (!Files.isRegularFile(jar)) {
                throw problem(at, "policy jar not found: " + jar + " (in '" + ref + "')");
            }
            try {
                fs = FileSystems.newFileSystem(jar);
            } catch (IOException | RuntimeException e) {
                throw problem(at, "cannot open policy jar " + jar + ": " + e.getMessage());
            }
            open.put(jar, fs);
        }
        return fs.getPath(inner).normalize();
    }

    private static PolicyException problem(YamlValue at, String message) {
        return at == null ? new PolicyException("posting-lint", 0, 0, message) : at.error(message);
    }

    @Override
    public void close() {
        for (FileSystem fs : open.values()) {
            try {
                fs.close();
            } catch (IOException e) {
                // read-only: nothing to lose
            }
        }
        open.clear();
    }
}
