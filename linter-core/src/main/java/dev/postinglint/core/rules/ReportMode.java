package dev.postinglint.core.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a rule's hits in one posting are reported (the rule's {@code report:} key): {@code each} place as its own
 * finding (the default), or {@code once-per-posting}: one finding at the first place with the others as related
 * places, for a rule whose hits are one problem of the posting (its markup was pasted from a word processor).
 */
public enum ReportMode {
    EACH("each"),
    ONCE_PER_POSTING("once-per-posting");

    private final String yaml;

    ReportMode(String yaml) {
        this.yaml = yaml;
    }

    /** The name in policy files. */
    public String yaml() {
        return yaml;
    }

    public static Optional<ReportMode> parse(String s) {
        return Arrays.stream(values()).filter(m -> m.yaml.equals(s)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ReportMode::yaml).toList();
    }
}
