package dev.postinglint.core.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.postinglint.core.posting.TextRegion;
import dev.postinglint.core.regex.AnchoredScan;
import dev.postinglint.core.regex.Patterns;
import dev.postinglint.core.regex.RegexPrefilter;
import dev.postinglint.core.yaml.YamlMap;
import dev.postinglint.core.yaml.YamlValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text a rule looks for: exactly one of {@code pattern} (an RE2 regex), {@code patterns} (a list),
 * {@code phrase} or {@code phrases} (literal words, case-insensitive, any spacing).
 */
record MatchPatterns(List<Pattern> patterns) {

    static MatchPatterns read(YamlMap m) {
        var pattern = m.get("pattern");
        var patterns = m.get("patterns");
        var phrase = m.get("phrase");
        var phrases = m.get("phrases");
        int given = (pattern.isPresent() ? 1 : 0) + (patterns.isPresent() ? 1 : 0) + (phrase.isPresent() ? 1 : 0)
                + (phrases.isPresent() ? 1 : 0);
        if (given != 1) {
            throw m.error(m.what() + " needs exactly one of 'pattern', 'patterns', 'phrase' or 'phrases'");
        }
        List<Pattern> out = new ArrayList<>();
        pattern.ifPresent(v -> out.add(Patterns.compile(v, "'pattern'")));
        patterns.ifPresent(v -> {
            for (YamlValue p : v.asList("'patterns'")) {
                out.add(Patterns.compile(p, "'patterns' entry"));
            }
        });
        phrase.ifPresent(v -> out.add(Patterns.phrase(v.asNonBlank("'phrase'"), v, "'phrase'")));
        phrases.ifPresent(v -> {
            for (YamlValue p : v.asList("'phrases'")) {
                out.add(Patterns.phrase(p.asNonBlank("'phrases' entry"), p, "'phrases' entry"));
            }
        });
        if (out.isEmpty()) {
            throw m.error(m.what() + " has an empty pattern list");
        }
        return new MatchPatterns(List.copyOf(out));
    }

    /** A match inside a region, with offsets relative to the region. */
    record Match(TextRegion region, int start, int end, String text) {
    }

    /** Every non-empty match of every pattern, in reading order, overlapping matches dropped. */
    List<Match> findAll(List<TextRegion> regions) {
        List<Match> all = new ArrayList<>();
        if (regions.isEmpty()) {
            return all;
        }
        // Speed: a pattern whose required literals (RegexPrefilter) are absent from a region cannot
        // match there, so its RE2/J scan is skipped; the matches found are exactly the same.
        var view = regions.get(0).view();
        String folded = view.folded();
        RegexPrefilter.Cursor[] cursors = new RegexPrefilter.Cursor[patterns.size()];
        boolean any = false;
        for (int k = 0; k < cursors.length; k++) {
            RegexPrefilter f = RegexPrefilter.of(patterns.get(k));
            if (f.mayMatch(folded)) {
                cursors[k] = f.cursor(folded);
                any = true;
            }
        }
        if (!any && regions.stream().allMatch(r -> r.view() == view)) {
            return all;
        }
        for (TextRegion region : regions) {
            String text = null;
            List<Match> here = null;
            for (int k = 0; k < cursors.length; k++) {
                RegexPrefilter.Cursor c = cursors[k];
                // (Regions of another view, which callers never pass, are simply scanned.)
                if (region.view() == view && (c == null || !c.mayMatch(region.start(), region.end()))) {
                    continue;
                }
                if (text == null) {
                    text = region.text();
                    here = new ArrayList<>();
                }
                // Speed: a pattern whose matches can only start at a few literals is run anchored at
                // their occurrences instead of over the whole region (same matches: see AnchoredScan).
                AnchoredScan scan = region.view() == view ? AnchoredScan.of(patterns.get(k)) : null;
                if (scan != null) {
                    int[] runs = view.runs();
                    String t = text;
                    List<Match> h = here;
                    if (scan.findAll(text, folded, region.start(), runs[0], runs[1],
                            (s, e) -> h.add(new Match(region, s, e, t.substring(s, e))))) {
                        continue;
                    }
                }
                Matcher m = patterns.get(k).matcher(text);
                while (m.find()) {
                    if (m.end() > m.start()) {
                        here.add(new Match(region, m.start(), m.end(), m.group()));
                    }
                }
            }
            if (here == null || here.isEmpty()) {
                continue;
            }
            here.sort(Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed()));
            int lastEnd = -1;
            for (Match mt : here) {
                if (mt.start() >= lastEnd) {
                    all.add(mt);
                    lastEnd = mt.end();
                }
            }
        }
        return all;
    }
}
