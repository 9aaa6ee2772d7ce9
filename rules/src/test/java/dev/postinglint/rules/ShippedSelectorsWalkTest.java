package dev.postinglint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.engine.Linter;
import dev.postinglint.core.model.Finding;
import dev.postinglint.core.policy.ClasspathPacks;
import dev.postinglint.core.policy.PackExample;
import dev.postinglint.core.policy.Policy;
import dev.postinglint.core.policy.PolicyLoader;
import dev.postinglint.core.policy.PolicyRule;
import dev.postinglint.core.posting.Posting;
import dev.postinglint.core.posting.PostingParser;
import dev.postinglint.core.posting.SelectorIndex;
import dev.postinglint.core.rules.RuleContext;
import dev.postinglint.core.source.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Every CSS selector in the shipped packs (selector rules' {@code selector:}, rules' {@code scope:}) gets
 * from the one shared walk exactly what its own {@code select} over the document gives inside the
 * posting's content: on every example of every pack, on the real postings and the whole page in the
 * test resources, and on generated broken markup.
 */
class ShippedSelectorsWalkTest {
    @Test
    void everyShippedSelectorMatchesAsItsOwnSelectDoes() throws Exception {
        List<String> selectors = shippedSelectors();
        assertTrue(selectors.contains("a[href^=\"http:\"]") && selectors.contains("p, div"), selectors.toString());
        List<Evaluator> evaluators = selectors.stream().map(QueryParser::parse).toList();
        SelectorIndex index = SelectorIndex.of(evaluators);
        List<String> documents = new ArrayList<>(examples());
        documents.addAll(resourcePostings());
        Random random = new Random(16);
        for (int i = 0; i < 40; i++) {
            documents.add(randomHtml(random, 1 + random.nextInt(150)));
        }
        int matched = 0;
        boolean wholePage = false;
        for (String html : documents) {
            Posting posting = PostingParser.parse(new SourceText("t.html", html));
            wholePage |= posting.content() != posting.document();
            SelectorIndex.Matches m = index.match(posting);
            for (int i = 0; i < evaluators.size(); i++) {
                List<Element> expected = Selector.select(evaluators.get(i), posting.document()).stream()
                        .filter(posting::inContent).toList();
                List<Element> got = m.of(i);
                String what = "'" + selectors.get(i) + "' on " + (html.length() > 200 ? html.substring(0, 200) + "..." : html);
                assertEquals(expected.size(), got.size(), what);
                for (int k = 0; k < got.size(); k++) {
                    assertSame(expected.get(k), got.get(k), what + ": same element, same order");
                }
                matched += got.size();
            }
        }
        assertTrue(wholePage, "a whole page, whose content is not the document, is among the inputs");
        assertTrue(matched > 1000, "the inputs exercise the selectors: " + matched + " matches");
    }

    @Test
    void theRulesFindTheSameWithTheWalkAsWithTheirOwnSelects(@TempDir Path dir) throws Exception {
        // Enabled selector rules share the walk; rules switched off by an override keep their own selects
        // (ExampleRunner runs those too). The same rules both ways must report the same findings.
        Policy walked = new PolicyLoader().load("builtin:html-hygiene", null);
        List<String> ids = walked.enabledRules().stream().filter(r -> r.rule().info().type().equals("selector"))
                .map(PolicyRule::id).toList();
        assertTrue(ids.size() >= 5, "html-hygiene has its selector rules: " + ids);
        StringBuilder yaml = new StringBuilder("name: off\nextends: [builtin:html-hygiene]\noverrides:\n");
        ids.forEach(id -> yaml.append("  ").append(id).append(": off\n"));
        Files.writeString(dir.resolve("off.yaml"), yaml);
        Policy off = new PolicyLoader().load("off.yaml", dir);
        List<PolicyRule> walkedRules = walked.enabledRules().stream().filter(r -> ids.contains(r.id())).toList();
        List<PolicyRule> ownRules = off.rules().stream().filter(r -> ids.contains(r.id()))
                .map(r -> new PolicyRule(r.rule(), r.severity(), true)).toList();
        assertEquals(ids.size(), ownRules.size());
        List<String> documents = new ArrayList<>(examples());
        documents.addAll(resourcePostings());
        Random random = new Random(61);
        for (int i = 0; i < 40; i++) {
            documents.add(randomHtml(random, 1 + random.nextInt(150)));
        }
        int findings = 0;
        for (String html : documents) {
            List<Finding> a = findings(walked, walkedRules, html);
            List<Finding> b = findings(off, ownRules, html);
            assertEquals(b, a, html);
            findings += a.size();
        }
        assertTrue(findings > 100, "the inputs exercise the rules: " + findings + " findings");
    }

    private static List<Finding> findings(Policy p, List<PolicyRule> rules, String html) {
        Posting posting = PostingParser.parse(new SourceText("t.html", html));
        RuleContext ctx = new RuleContext(posting, p.fields(), p.company(), LocalDate.of(2026, 6, 1), p.gazetteer(), p.matcher());
        return Linter.check(ctx, rules);
    }

    /** The distinct selectors of every shipped pack, in pack order. */
    @SuppressWarnings("unchecked")
    static List<String> shippedSelectors() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (String pack : ClasspathPacks.shipped().names()) {
            Map<String, Object> yaml;
            try (InputStream in = ClasspathPacks.shipped().open(pack)) {
                yaml = new Yaml().load(in);
            }
            for (Object o : (List<Object>) yaml.getOrDefault("rules", List.of())) {
                Map<String, Object> rule = (Map<String, Object>) o;
                if (rule.get("selector") instanceof String css) {
                    out.add(css);
                }
                Object scope = rule.get("scope");
                if (scope instanceof String css) {
                    out.add(css);
                } else if (scope instanceof Map<?, ?> m && m.get("selector") instanceof String css) {
                    out.add(css);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Every rule example and pack example of every shipped pack. */
    private static List<String> examples() {
        List<String> out = new ArrayList<>();
        for (String pack : ClasspathPacks.shipped().names()) {
            Policy p = new PolicyLoader().load("builtin:" + pack, null);
            for (PolicyRule r : p.rules()) {
                out.addAll(r.rule().info().examples().flag());
                out.addAll(r.rule().info().examples().pass());
            }
            for (PackExample e : p.examples()) {
                out.add(e.html());
            }
        }
        return out;
    }

    /** The real postings (and the whole saved page) of the test resources. */
    private static List<String> resourcePostings() throws URISyntaxException, IOException {
        Path root = Path.of(Objects.requireNonNull(ShippedSelectorsWalkTest.class.getResource("/pages")).toURI()).getParent();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static final String[] TAGS = {"p", "div", "span", "a", "li", "ul", "b", "strong", "img", "br", "h2", "body",
        "table", "td", "svg", "main", "article", "nav", "footer", "iframe"};
    private static final String[] ATTRIBUTES = {"", " class=a", " class=content-intro", " class='pay-range x'",
        " style='font-weight:700'", " style='mso-list:1'", " style='color:red'", " href=http://x", " href='https://y'",
        " target=_blank", " rel=noopener", " rel='noreferrer nofollow'", " alt=''", " role=main"};

    /** Random, often broken markup: unclosed and misnested tags, stray end tags, entities, text. */
    private static String randomHtml(Random random, int parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            String tag = TAGS[random.nextInt(TAGS.length)];
            switch (random.nextInt(5)) {
                case 0, 1 -> sb.append('<').append(tag).append(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]).append('>');
                case 2 -> sb.append("</").append(tag).append('>');
                case 3 -> sb.append(random.nextBoolean() ? "Location: Remote " : "&nbsp;");
                default -> sb.append(' ');
            }
        }
        return sb.toString();
    }
}
