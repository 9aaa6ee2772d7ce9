package dev.postinglint.core.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which policy applies to a file: the policies given explicitly; otherwise the nearest
 * {@code .posting-lint.yaml} (or {@code .yml}) from the file's directory upwards; otherwise the
 * built-in default pack. Each policy file is loaded once however many postings use it.
 */
public interface PolicyResolver {
    String DEFAULT_POLICY = "builtin:default";
    List<String> CONFIG_NAMES = List.of(".posting-lint.yaml", ".posting-lint.yml");

    Policy policyFor(Path file);

    public static PolicyResolver fixed(Policy policy) {
        return file -> policy;
    }

    /** Nearest-config discovery with the default pack as the fallback. */
    static PolicyResolver discovering(PolicyLoader loader) {
        return new Discovering(loader);
    }

    final class Discovering implements PolicyResolver {
        private final PolicyLoader loader;
        private final Map<Path, Optional<Path>> configOfDir = new ConcurrentHashMap<>();
        private final Map<Path, Policy> policyOfConfig = new ConcurrentHashMap<>();
        private volatile Policy fallback;

        Discovering(PolicyLoader loader) {
            this.loader = loader;
        }

        @Override
        public Policy policyFor(Path file) {
            Optional<Path> config = nearestConfig(file.toAbsolutePath().getParent());
            if (config.isEmpty()) {
                Policy p = fallback;
                if (p == null) {
                    p = loader.load(DEFAULT_POLICY, null);
                    fallback = p;
                }
                return p;
            }
            return policyOfConfig.computeIfAbsent(config.get(), c -> loader.load(c.getFileName().toString(), c.getParent()));
        }

        /** The nearest config file, caching the answer for every directory on the way up. */
        private Optional<Path> nearestConfig(Path dir) {
            if (dir == null) {
                return Optional.empty();
            }
            Optional<Path> known = configOfDir.get(dir);
            if (known != null) {
                return known;
            }
            Optional<Path> found = Optional.empty();
            for (String name : CONFIG_NAMES) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    found = Optional.of(candidate);
                    break;
                }
                if (Files.exists(candidate, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    // A directory, FIFO or broken link by the config's name is a mistake, not "no config here".
                    throw new dev.postinglint.core.yaml.PolicyException(candidate.toString(), 0, 0,
                            "cannot read policy file: it " + dev.postinglint.core.source.RegularFile.problem(candidate));
                }
            }
            if (found.isEmpty()) {
                found = nearestConfig(dir.getParent());
            }
            configOfDir.put(dir, found);
            return found;
        }
    }
}
