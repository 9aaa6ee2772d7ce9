package dev.postinglint.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.postinglint.core.model.Finding;
import dev.postinglint.core.posting.ElementIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.junit.jupiter.api.Test;

/**
 * A selector rule whose selector only tests one attribute's value asks jsoup once per distinct value
 * ({@link SelectorRule#selectByValue}): it selects what {@code Selector.select} selects, in the same
 * order, on generated markup with the values, cases, namespaces and look-alike characters that
 * could tell them apart.
 */
class SelectorValueTestsTest {
    private static final String PASTED = "[style*=font-weight], [style*=font-family], [style*=font-size], [style*=mso-], "
            + "[style*=white-space], [style*=color], [style*=vertical-align]";

    private static final String[] STYLES = {"min-height:1.5em", "font-weight: 400;", "FONT-WEIGHT:bold", "Font-Family: Arial",
        "color:red", "background-color: #fff", "mso-list: l0", "MSO-ANSI", "whİte-space: pre", "white-space:nowrap", "", " ",
        "vertical-align: baseline", "font-\u212aerning: auto", "font-size\u0130", "text-align:center", "colour: red", "color", "COLOR"};
    private static final String[] TAGS = {"p", "span", "li", "div", "strong", "a", "svg", "math", "circle", "mi", "td"};

    private static String markup(Random random, int depth) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(4); n >= 0; n--) {
            String tag = TAGS[random.nextInt(TAGS.length)];
            b.append('<').append(tag);
            switch (random.nextInt(5)) {
                case 0 -> { }
                case 1 -> b.append(" STYLE=\"").append(STYLES[random.nextInt(STYLES.length)]).append('"');
                case 2 -> b.append(" class=\"x\" style='").append(STYLES[random.nextInt(STYLES.length)]).append('\'');
                case 3 -> b.append(" style=\"").append(STYLES[random.nextInt(STYLES.length)]).append("\" Style=\"color:red\"");
                default -> b.append(" style=\"").append(STYLES[random.nextInt(STYLES.length)]).append('"');
            }
            b.append('>').append(random.nextBoolean() ? "text " : "");
            if (depth < 5 && random.nextBoolean()) {
                b.append(markup(random, depth + 1));
            }
            b.append("</").append(tag).append('>');
        }
        return b.toString();
    }

    private static SelectorRule rule(String css) {
        var policy = Lint.policy("name: t\nrules:\n  - id: r\n    type: selector\n    severity: info\n    category: c\n    selector: \""
                + css.replace("\"", "\\\"") + "\"\n");
        return (SelectorRule) policy.enabledRules().get(0).rule();
    }

    @Test
    void theSelectorsThatTestOneAttributeAreKnown() {
        assertEquals("style", SelectorRule.testedAttribute(PASTED));
        assertEquals("href", SelectorRule.testedAttribute("[href^=http], [HREF$=pdf]"));
        assertNull(SelectorRule.testedAttribute("[style*=color], [class*=x]"));
        assertNull(SelectorRule.testedAttribute("a[href^=\"http:\"]"));
        assertNull(SelectorRule.testedAttribute("p, div"));
        assertNull(SelectorRule.testedAttribute("body [class]"));
    }

    @Test
    void askingOncePerValueSelectsWhatSelectSelects() {
        Random random = new Random(16);
        for (String css : List.of(PASTED, "[style*=color]", "[style^=font], [STYLE$=red]", "[style=color], [style=COLOR]")) {
            SelectorRule rule = rule(css);
            assertEquals("style", SelectorRule.testedAttribute(css));
            var evaluator = QueryParser.parse(css);
            int selected = 0;
            for (int i = 0; i < 2_000; i++) {
                Document doc = Jsoup.parse(markup(random, 0));
                List<Element> expected = new ArrayList<>(Selector.select(evaluator, doc));
                assertEquals(expected, rule.selectByValue(ElementIndex.of(doc)), doc.body().html());
                selected += expected.size();
            }
            assertTrue(selected > 1_000, css + " selects many elements: " + selected);
        }
    }

    @Test
    void theRuleReportsEachPastedStyle() {
        String html = "<p style=\"min-height:1.5em\">A</p><p style=\"font-weight: 400\">B</p><p style=\"min-height:1.5em\">C</p>"
                + "<p style=\"font-weight: 400\"><span style=\"COLOR: red\">D</span></p>";
        List<Finding> found = Lint.run("name: t\nrules:\n  - id: r\n    type: selector\n    severity: info\n    category: c\n    selector: \""
                + PASTED + "\"\n", html);
        assertEquals(List.of("<p style=\"font-weight: 400\">", "<p style=\"font-weight: 400\">", "<span style=\"COLOR: red\">"),
                found.stream().map(f -> Lint.at(html, f)).sorted().toList());
    }
}
