package dev.postinglint.core.policy;

import dev.postinglint.core.jurisdiction.Gazetteer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where the loader finds what {@code builtin:NAME} names, and the gazetteer that jurisdiction rules
 * resolve locations with. Handed to the {@link PolicyLoader}, so the loader knows no resource path:
 * the shipped packs come from {@link ClasspathPacks}; a test or an embedding tool can give its own.
 */
public interface PackSource {
    /** The names of the packs this source has, in the order to list them. */
    List<String> names();

    /** The pack's YAML, or null when there is no pack of that name. */
    InputStream open(String name) throws IOException;

    /**
     * The {@link dev.postinglint.core.yaml.NodeImage} of pack {@code name} (its composed YAML, made at build time),
     * or null when this source has none. The loader uses it only when it was made from the very bytes
     * {@link #open} gives; else it composes the YAML, so a missing or stale image only costs speed.
     */
    default byte[] image(String name) throws IOException {
        return null;
    }

    /** The gazetteer; {@link Gazetteer#EMPTY} when this source has none. */
    Gazetteer gazetteer();

    /** Where the gazetteer is expected, for the error when a policy needs it and it is empty. */
    String gazetteerLocation();

    /**
     * A resource that {@code classpath:PATH} names (a company's policy shipped as a jar among the Maven plugin's
     * dependencies), or null when this source has none of that name (or no class path at all).
     */
    default java.net.URL resource(String path) {
        return null;
    }

    /**
     * Whether the build checked these packs: loaded each with every pattern compiled and checked as a user's
     * policy is, and ran every rule's examples. The loader then leaves their patterns' RE2/J programs to be
     * compiled when a search first needs them ({@link dev.postinglint.core.yaml.YamlValue#checked}). False
     * unless the source is the packs shipped with this build: any other source's packs are checked on load.
     */
    default boolean checked() {
        return false;
    }
}
