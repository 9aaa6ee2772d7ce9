package dev.postinglint.core.policy;

import dev.postinglint.core.jurisdiction.Gazetteer;
import dev.postinglint.core.yaml.NodeImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The packs and gazetteer that the rules module ships, read from a class loader:
 * {@code dev/postinglint/rules/packs.txt} lists the packs, each is {@code NAME.yaml} beside it, and
 * {@code gazetteer.yaml} is the gazetteer (parsed once per instance, on first use).
 */
public final class ClasspathPacks implements PackSource {
    /** Where the rules module keeps its packs on the classpath. */
    public static final String DIR = "dev/postinglint/rules/";
    private static final ClasspathPacks SHIPPED = new ClasspathPacks(ClasspathPacks.class.getClassLoader(), true);

    private final ClassLoader loader;
    /** The packs shipped with this build ({@link #shipped}), which its pack tests checked. */
    private final boolean checked;
    private volatile Gazetteer gazetteer;
    /** The packs' images by name, read on first use. */
    private volatile Map<String, byte[]> images;

    /** The packs another class loader has: checked on load as any policy is. */
    public ClasspathPacks(ClassLoader loader) {
        this(loader, false);
    }

    private ClasspathPacks(ClassLoader loader, boolean checked) {
        this.loader = loader;
        this.checked = checked;
    }

    /** The shipped packs, from the class loader that loaded posting-lint. */
    public static ClasspathPacks shipped() {
        return SHIPPED;
    }

    @Override
    public List<String> names() {
        try (InputStream in = loader.getResourceAsStream(DIR + "packs.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DIR + "packs.txt", e);
        }
    }

    @Override
    public InputStream open(String name) {
        return isPackName(name) ? loader.getResourceAsStream(DIR + name + ".yaml") : null;
    }

    /**
     * The pack's image from {@value PackImages#FILE} beside the packs, which the rules module's build writes; null
     * when there is none, or the file cannot be read (the packs' YAML is composed then).
     */
    @Override
    public byte[] image(String name) {
        Map<String, byte[]> all = images;
        if (all == null) {
            synchronized (this) {
                all = images;
                if (all == null) {
                    try (InputStream in = loader.getResourceAsStream(DIR + PackImages.FILE)) {
                        all = PackImages.unbundle(in == null ? null : in.readAllBytes());
                    } catch (IOException e) {
                        all = Map.of();
                    }
                    images = all;
                }
            }
        }
        return all.get(name);
    }

    /**
     * {@code [a-z0-9][a-z0-9-]*}, checked without {@code String.matches}, which compiles its pattern on every call
     * (each pack a cold check reads).
     */
    static boolean isPackName(String name) {
        if (name.isEmpty() || name.charAt(0) == '-') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public java.net.URL resource(String path) {
        return loader.getResource(path.startsWith("/") ? path.substring(1) : path);
    }

    @Override
    public Gazetteer gazetteer() {
        Gazetteer g = gazetteer;
        if (g == null) {
            synchronized (this) {
                g = gazetteer;
                if (g == null) {
                    g = readGazetteer();
                    gazetteer = g;
                }
            }
        }
        return g;
    }

    /** The gazetteer from its image when that was made from the YAML here, else composed from the YAML. */
    private Gazetteer readGazetteer() {
        try (InputStream in = loader.getResourceAsStream(gazetteerLocation())) {
            if (in == null) {
                return Gazetteer.EMPTY;
            }
            byte[] yaml = in.readAllBytes();
            Node composed = NodeImage.read(image(PackImages.GAZETTEER), yaml);
            return composed != null ? Gazetteer.of(composed, gazetteerLocation())
                    : Gazetteer.read(new java.io.ByteArrayInputStream(yaml), gazetteerLocation());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + gazetteerLocation() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean checked() {
        return checked;
    }

    @Override
    public String gazetteerLocation() {
        return DIR + "gazetteer.yaml";
    }
}
