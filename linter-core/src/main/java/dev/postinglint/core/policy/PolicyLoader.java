package dev.postinglint.core.policy;

import dev.postinglint.core.jurisdiction.Gazetteer;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Waiver;
import dev.postinglint.core.rules.Company;
import dev.postinglint.core.rules.FieldSpec;
import dev.postinglint.core.rules.MessageTemplate;
import dev.postinglint.core.rules.Rule;
import dev.postinglint.core.rules.RuleInfo;
import dev.postinglint.core.rules.RuleType;
import dev.postinglint.core.rules.RuleTypes;
import dev.postinglint.core.rules.Scope;
import dev.postinglint.core.rules.When;
import dev.postinglint.core.source.FilePlace;
import dev.postinglint.core.yaml.Marks;
import dev.postinglint.core.yaml.PolicyException;
import dev.postinglint.core.yaml.YamlMap;
import dev.postinglint.core.yaml.YamlValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads policy files (paths or {@code builtin:NAME} packs) and everything they extend, strictly and
 * safely: SnakeYAML composes a node tree with positions (no object construction at all), with limits
 * on size, aliases and nesting; every key is checked; every error names file, line and column.
 */
public final class PolicyLoader {
    public static final String BUILTIN_PREFIX = "builtin:";
    private static final int MAX_POLICY_BYTES = 1 << 20;
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final RuleTypes types;
    private final PackSource packs;

    public PolicyLoader(RuleTypes types, PackSource packs) {
        this.types = types;
        this.packs = packs;
    }

    public PolicyLoader(RuleTypes types) {
        this(types, ClasspathPacks.shipped());
    }

    /** The standard rule types and the shipped packs. */
    public PolicyLoader() {
        this(RuleTypes.builtin());
    }

    public RuleTypes types() {
        return types;
    }

    /** One policy file or built-in pack, with everything it extends. */
    public Policy load(String ref, Path baseDir) {
        return load(List.of(ref), baseDir);
    }

    /**
     * Several policies used together, in order, as if one file extended them all: later ones may
     * override earlier ones' severities, and rule ids must stay unique across all of them.
     */
    public Policy load(List<String> refs, Path baseDir) {
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("no policy given");
        }
        Graph graph = new Graph();
        List<String> names = new ArrayList<>();
        for (String ref : refs) {
            PolicyFile f = graph.visit(ref, baseDir, null);
            names.add(f.name);
        }
        return merge(String.join(" + ", names), refs.size() == 1 ? graph.top(refs.get(0)).version : null, graph.order);
    }

    /** Names of the built-in packs ({@code builtin:NAME}) this loader knows. */
    public List<String> builtinNames() {
        return packs.names();
    }

    // ---------------------------------------------------------------- reading one file

    private record Override(String id, String value, FilePlace place) {
    }

    private static final class PolicyFile {
        String location;
        String name;
        String version;
        final List<String> extendsRefs = new ArrayList<>();
        final List<YamlValue> extendsAt = new ArrayList<>();
        Company company = Company.NONE;
        final Map<String, FieldSpec> fields = new LinkedHashMap<>();
        final List<Rule> rules = new ArrayList<>();
        final List<Override> overrides = new ArrayList<>();
        final List<PackExample> examples = new ArrayList<>();
        final List<Waiver> waivers = new ArrayList<>();
        final List<FilePlace> waiverRulePlaces = new ArrayList<>();
    }

    private final class Graph {
        final Map<String, PolicyFile> done = new LinkedHashMap<>();
        final List<PolicyFile> order = new ArrayList<>();
        final List<String> stack = new ArrayList<>();
        final Map<String, String> refToLocation = new LinkedHashMap<>();

        PolicyFile top(String ref) {
            return done.get(refToLocation.get(ref));
        }

        PolicyFile visit(String ref, Path baseDir, YamlValue referencedAt) {
            String location;
            String text;
            Path dir;
            if (ref.startsWith(BUILTIN_PREFIX)) {
                String name = ref.substring(BUILTIN_PREFIX.length()).strip();
                location = BUILTIN_PREFIX + name;
                dir = null;
                if (done.containsKey(location) || stack.contains(location)) {
                    text = null;
                } else {
                    text = readBuiltin(name, referencedAt);
                }
            } else {
                if (baseDir == null) {
                    throw problemAt(referencedAt, "a built-in pack cannot extend a file by path: '" + ref + "'");
                }
                Path p = baseDir.resolve(ref).normalize();
                try {
                    p = p.toRealPath();
                } catch (NoSuchFileException e) {
                    throw problemAt(referencedAt, "policy file not found: " + p);
                } catch (IOException e) {
                    throw problemAt(referencedAt, "cannot read policy file " + p + ": " + e.getMessage());
                }
                location = displayPath(p);
                dir = p.getParent();
                text = done.containsKey(location) || stack.contains(location) ? null : readFile(p, location, referencedAt);
            }
            refToLocation.putIfAbsent(ref, location);
            if (stack.contains(location)) {
                List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(location), stack.size()));
                cycle.add(location);
                throw problemAt(referencedAt, "'extends' makes a cycle: " + String.join(" -> ", cycle));
            }
            PolicyFile existing = done.get(location);
            if (existing != null) {
                return existing; // a pack reached twice (a diamond) is merged once
            }
            stack.add(location);
            PolicyFile f = parse(location, text, dir);
            for (int i = 0; i < f.extendsRefs.size(); i++) {
                visit(f.extendsRefs.get(i), dir, f.extendsAt.get(i));
            }
            stack.remove(stack.size() - 1);
            done.put(location, f);
            order.add(f);
            return f;
        }
    }

    private static String displayPath(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = p.startsWith(cwd) ? cwd.relativize(p) : p;
        return dev.postinglint.core.source.Slashes.of(shown.toString());
    }

    private static PolicyException problemAt(YamlValue at, String problem) {
        return at == null ? new PolicyException("posting-lint", 0, 0, problem) : at.error(problem);
    }

    private String readBuiltin(String name, YamlValue referencedAt) {
        try (InputStream in = packs.open(name)) {
            if (in == null) {
                throw problemAt(referencedAt, "unknown built-in pack 'builtin:" + name + "' (available: "
                        + String.join(", ", builtinNames()) + ")");
            }
            return decode(in.readNBytes(MAX_POLICY_BYTES + 1), BUILTIN_PREFIX + name);
        } catch (IOException e) {
            throw problemAt(referencedAt, "cannot read builtin:" + name + ": " + e.getMessage());
        }
    }

    private static String readFile(Path p, String location, YamlValue referencedAt) {
        String notRegular = dev.postinglint.core.source.RegularFile.problem(p);
        if (notRegular != null) {
            throw problemAt(referencedAt, "cannot read policy file " + location + ": it " + notRegular);
        }
        try {
            if (Files.size(p) > MAX_POLICY_BYTES) {
                throw new PolicyException(location, 0, 0, "policy file is larger than " + MAX_POLICY_BYTES + " bytes");
            }
            try (InputStream in = Files.newInputStream(p)) {
                return decode(in.readNBytes(MAX_POLICY_BYTES + 1), location);
            }
        } catch (IOException e) {
            throw problemAt(referencedAt, "cannot read policy file " + location + ": " + e.getMessage());
        }
    }

    private static String decode(byte[] bytes, String location) {
        if (bytes.length > MAX_POLICY_BYTES) {
            throw new PolicyException(location, 0, 0, "policy file is larger than " + MAX_POLICY_BYTES + " bytes");
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new PolicyException(location, 0, 0, "policy file is not valid UTF-8");
        }
    }

    private static Node compose(String text, String location) {
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(false);
        opts.setMaxAliasesForCollections(50); // stops "billion laughs" expansion
        opts.setNestingDepthLimit(40);
        opts.setCodePointLimit(MAX_POLICY_BYTES);
        opts.setAllowRecursiveKeys(false);
        opts.setProcessComments(false);
        try {
            Node node = new Yaml(opts).compose(new StringReader(text));
            if (node == null) {
                throw new PolicyException(location, 1, 1, "policy file is empty");
            }
            return node;
        } catch (MarkedYAMLException e) {
            FilePlace at = Marks.of(location, e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark());
            String problem = (e.getContext() != null ? e.getContext() + ": " : "") + e.getProblem();
            throw new PolicyException(at, "invalid YAML: " + problem.strip());
        } catch (YAMLException e) {
            // SnakeYAML's alias and nesting limits carry no mark: find the place by walking the events.
            org.yaml.snakeyaml.error.Mark at = limitMark(text, opts);
            String problem = "invalid YAML: " + firstLine(e.getMessage());
            throw at == null ? new PolicyException(location, 0, 0, problem) : new PolicyException(Marks.of(location, at), problem);
        }
    }

    /**
     * Where a document first nests deeper than the nesting limit or uses more aliases than the alias
     * limit, from the parser's events (which have marks, unlike the composer's limit errors); null when
     * neither is passed there.
     */
    private static org.yaml.snakeyaml.error.Mark limitMark(String text, LoaderOptions opts) {
        int depth = 0;
        int aliases = 0;
        try {
            for (org.yaml.snakeyaml.events.Event ev : new Yaml(opts).parse(new StringReader(text))) {
                if (ev instanceof org.yaml.snakeyaml.events.CollectionStartEvent) {
                    depth++;
                } else if (ev instanceof org.yaml.snakeyaml.events.CollectionEndEvent) {
                    depth--;
                } else if (ev instanceof org.yaml.snakeyaml.events.AliasEvent) {
                    aliases++;
                }
                if (depth > opts.getNestingDepthLimit() || aliases > opts.getMaxAliasesForCollections()) {
                    return ev.getStartMark();
                }
            }
        } catch (YAMLException e) {
            return null;
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private PolicyFile parse(String location, String text, Path dir) {
        YamlValue root = new YamlValue(location, compose(text, location));
        YamlMap m = root.asMap("a policy file");
        PolicyFile f = new PolicyFile();
        f.location = location;
        f.name = m.requireString("name");
        f.version = m.string("version").orElse(null);
        m.string("description");
        m.get("extends").ifPresent(v -> {
            for (YamlValue e : v.asListOrOne()) {
                f.extendsRefs.add(e.asNonBlank("'extends' entries"));
                f.extendsAt.add(e);
            }
        });
        m.get("company").ifPresent(v -> f.company = readCompany(v));
        m.get("fields").ifPresent(v -> {
            YamlMap fm = v.asMap("'fields'");
            for (String name : fm.keys()) {
                if (!name.matches("[a-z][a-z0-9-]*")) {
                    throw new PolicyException(fm.keyPlace(name), "field name '" + name + "' must be lower-case letters, digits and dashes");
                }
                f.fields.put(name, FieldSpec.read(name, fm.get(name).orElseThrow()));
            }
        });
        Set<String> ids = new HashSet<>();
        m.get("rules").ifPresent(v -> {
            for (YamlValue r : v.asList("'rules'")) {
                Rule rule = readRule(r, location);
                if (!ids.add(rule.info().id())) {
                    throw r.error("rule id '" + rule.info().id() + "' is used twice in this file");
                }
                f.rules.add(rule);
            }
        });
        m.get("overrides").ifPresent(v -> {
            YamlMap om = v.asMap("'overrides'");
            for (String id : om.keys()) {
                YamlValue val = om.get(id).orElseThrow();
                String s = val.asString("override for '" + id + "'").strip();
                if (!Set.of("off", "on", "error", "warning", "info").contains(s)) {
                    throw val.error("override for '" + id + "' must be off, on, error, warning or info, not '" + s + "'");
                }
                f.overrides.add(new Override(id, s, om.keyPlace(id)));
            }
        });
        m.get("examples").ifPresent(v -> {
            for (YamlValue e : v.asList("pack 'examples'")) {
                f.examples.add(readPackExample(e, location));
            }
        });
        m.get("waivers").ifPresent(v -> {
            for (YamlValue w : v.asList("'waivers'")) {
                readWaiver(w, dir, f);
            }
        });
        m.finish();
        return f;
    }

    private static final Pattern POSTING_ID = Pattern.compile("[^/\\\\\\s*?\\[\\]{}]{1,200}");

    /**
     * One {@code waivers:} entry: {@code files} (a glob relative to the policy file's directory) or
     * {@code posting} (a file name without extension), {@code rule} (one id, a list, or {@code *}),
     * {@code reason}, {@code approved-by} and {@code expires} (YYYY-MM-DD), all required.
     */
    private static void readWaiver(YamlValue v, Path dir, PolicyFile f) {
        YamlMap wm = v.asMap("a waiver");
        YamlValue filesAt = wm.get("files").orElse(null);
        YamlValue postingAt = wm.get("posting").orElse(null);
        if ((filesAt == null) == (postingAt == null)) {
            throw wm.error("a waiver needs exactly one of 'files' (a glob) or 'posting' (a posting id)");
        }
        String files = null;
        if (filesAt != null) {
            files = filesAt.asNonBlank("'files'").strip();
            try {
                new dev.postinglint.core.regex.Globs(List.of(files));
            } catch (IllegalArgumentException e) {
                throw filesAt.error(e.getMessage());
            }
        }
        String posting = null;
        if (postingAt != null) {
            posting = postingAt.asNonBlank("'posting'").strip();
            if (!POSTING_ID.matcher(posting).matches()) {
                throw postingAt.error("'posting' is a posting id (a file name without its extension), not '" + posting + "'");
            }
        }
        YamlValue ruleAt = wm.require("rule");
        List<String> rules = new ArrayList<>();
        for (YamlValue r : ruleAt.asListOrOne()) {
            String id = r.asNonBlank("'rule'").strip();
            if (!id.equals("*") && !RULE_ID.matcher(id).matches()) {
                throw r.error("'rule' must be a rule id or '*', not '" + id + "'");
            }
            rules.add(id);
        }
        if (rules.isEmpty()) {
            throw ruleAt.error("'rule' must name at least one rule");
        }
        String reason = wm.requireString("reason").strip();
        String approvedBy = wm.requireString("approved-by").strip();
        LocalDate expires = wm.require("expires").asDate("'expires'");
        wm.finish();
        f.waivers.add(new Waiver(rules, files, posting, reason, approvedBy, expires, v.place(), dir));
        f.waiverRulePlaces.add(ruleAt.place());
    }

    private static Company readCompany(YamlValue v) {
        YamlMap cm = v.asMap("'company'");
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (String key : cm.keys()) {
            YamlValue val = cm.get(key).orElseThrow();
            facts.put(key, val.asStringList("company fact '" + key + "'"));
        }
        return new Company(facts);
    }

    private Rule readRule(YamlValue value, String origin) {
        YamlMap m = value.asMap("a rule");
        YamlValue idAt = m.require("id");
        String id = idAt.asNonBlank("'id'");
        if (!RULE_ID.matcher(id).matches()) {
            throw idAt.error("rule id '" + id + "' may use letters, digits, '.', '_', '/' and '-' (up to 100)");
        }
        YamlValue typeAt = m.require("type");
        String typeName = typeAt.asNonBlank("'type'");
        RuleType type = types.get(typeName).orElseThrow(() -> typeAt.error("unknown rule type '" + typeName
                + "' (known: " + String.join(", ", types.names()) + ")"));
        YamlValue sevAt = m.require("severity");
        String sevText = sevAt.asNonBlank("'severity'");
        Severity severity = Severity.parse(sevText).orElseThrow(() -> sevAt.error("severity must be error, warning or info, not '" + sevText + "'"));
        YamlValue catAt = m.require("category");
        String category = catAt.asNonBlank("'category'");
        if (!CATEGORY.matcher(category).matches()) {
            throw catAt.error("category '" + category + "' must be a short lower-case word (letters, digits, dashes)");
        }
        MessageTemplate message = m.get("message")
                .map(v -> MessageTemplate.parse(v.asNonBlank("'message'"), v.place()))
                .orElse(MessageTemplate.parse(type.defaultMessage(), m.place()));
        String description = m.string("description").orElse("");
        String link = m.string("link").orElse(null);
        Scope scope = m.get("scope").map(Scope::read).orElse(Scope.WHOLE);
        When when = m.get("when").map(When::read).orElse(When.ALWAYS);
        RuleInfo.RuleExamples examples = m.get("examples").map(PolicyLoader::readRuleExamples).orElse(RuleInfo.RuleExamples.NONE);
        RuleInfo info = new RuleInfo(id, typeName, severity, category, message, description, link, scope, when,
                examples, origin, value.place());
        YamlMap typeKeys = m; // the type reads its own keys from the same mapping
        Rule rule = type.create(info, typeKeys);
        m.finish();
        return rule;
    }

    private static RuleInfo.RuleExamples readRuleExamples(YamlValue v) {
        YamlMap em = v.asMap("'examples'");
        List<String> flag = em.get("flag").map(x -> x.asStringList("'flag'")).orElse(List.of());
        List<String> pass = em.get("pass").map(x -> x.asStringList("'pass'")).orElse(List.of());
        em.finish();
        return new RuleInfo.RuleExamples(List.copyOf(flag), List.copyOf(pass));
    }

    private static PackExample readPackExample(YamlValue v, String origin) {
        YamlMap em = v.asMap("a pack example");
        String name = em.requireString("name");
        String html = em.requireString("html");
        LocalDate asOf = em.get("as-of").map(x -> x.asDate("'as-of'")).orElse(null);
        Company company = em.get("company").map(PolicyLoader::readCompany).orElse(Company.NONE);
        List<String> flag = em.get("flag").map(x -> x.asStringList("'flag'")).orElse(List.of());
        List<String> pass = em.get("pass").map(x -> x.asStringList("'pass'")).orElse(List.of());
        em.finish();
        if (flag.isEmpty() && pass.isEmpty()) {
            throw em.error("pack example '" + name + "' needs 'flag' or 'pass' rule ids");
        }
        return new PackExample(name, html, asOf, company, List.copyOf(flag), List.copyOf(pass), origin, v.place());
    }

    // ---------------------------------------------------------------- merging

    private Policy merge(String name, String version, List<PolicyFile> files) {
        Company company = Company.NONE;
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        Map<String, PolicyRule> rules = new LinkedHashMap<>();
        List<PackExample> examples = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (PolicyFile f : files) {
            sources.add(f.location);
            company = company.merge(f.company);
            fields.putAll(f.fields);
            for (Rule r : f.rules) {
                PolicyRule prior = rules.get(r.info().id());
                if (prior != null) {
                    throw new PolicyException(r.info().place(), "rule id '" + r.info().id() + "' is already defined at "
                            + prior.rule().info().place() + "; use 'overrides:' to change an inherited rule");
                }
                rules.put(r.info().id(), new PolicyRule(r, r.info().severity(), true));
            }
            examples.addAll(f.examples);
        }
        for (PolicyFile f : files) {
            for (Override o : f.overrides) {
                PolicyRule r = rules.get(o.id());
                if (r == null) {
                    throw new PolicyException(o.place(), "override names rule '" + o.id() + "', which no policy defines");
                }
                PolicyRule changed = switch (o.value()) {
                    case "off" -> new PolicyRule(r.rule(), r.severity(), false);
                    case "on" -> new PolicyRule(r.rule(), r.severity(), true);
                    default -> new PolicyRule(r.rule(), Severity.parse(o.value()).orElseThrow(), true);
                };
                rules.put(o.id(), changed);
            }
        }
        for (PolicyRule pr : rules.values()) {
            validate(pr.rule(), fields, company);
        }
        List<Waiver> waivers = new ArrayList<>();
        for (PolicyFile f : files) {
            for (int i = 0; i < f.waivers.size(); i++) {
                Waiver w = f.waivers.get(i);
                for (String id : w.rules()) {
                    if (!id.equals("*") && !rules.containsKey(id)) {
                        throw new PolicyException(f.waiverRulePlaces.get(i), "waiver names rule '" + id + "', which no policy defines");
                    }
                }
                waivers.add(w);
            }
        }
        for (PackExample e : examples) {
            for (String id : concat(e.flag(), e.pass())) {
                if (!rules.containsKey(id)) {
                    throw new PolicyException(e.place(), "pack example '" + e.name() + "' names rule '" + id + "', which no policy defines");
                }
            }
        }
        return new Policy(name, version, sources, company, fields, new ArrayList<>(rules.values()), examples, waivers,
                gazetteerFor(rules.values()));
    }

    /**
     * The gazetteer, when an enabled rule judges jurisdictions. An empty one would make those rules
     * silently never apply, so that is an error at the first such rule.
     */
    private Gazetteer gazetteerFor(Collection<PolicyRule> rules) {
        PolicyRule first = rules.stream().filter(r -> r.enabled() && r.rule().usesJurisdictions()).findFirst().orElse(null);
        if (first == null) {
            return Gazetteer.EMPTY;
        }
        Gazetteer g = packs.gazetteer();
        if (g.isEmpty()) {
            throw new PolicyException(first.rule().info().place(), "rule '" + first.id() + "' judges jurisdictions, but no gazetteer"
                    + " was found (" + packs.gazetteerLocation() + "; is posting-lint's rules module missing?)");
        }
        return g;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private void validate(Rule rule, Map<String, FieldSpec> fields, Company company) {
        RuleInfo info = rule.info();
        Set<String> used = new HashSet<>(rule.fieldsUsed());
        used.addAll(info.when().fieldsUsed());
        for (String f : used) {
            if (!fields.containsKey(f)) {
                throw new PolicyException(info.place(), "rule '" + info.id() + "' uses field '" + f
                        + "', which no policy declares under 'fields:'" + (fields.isEmpty() ? "" : " (declared: " + String.join(", ", fields.keySet()) + ")"));
            }
        }
        RuleType type = types.get(info.type()).orElseThrow();
        Set<String> vars = new HashSet<>(type.variables());
        vars.add("jurisdiction");
        // A rule that applies only when a company fact is set may quote that fact.
        Set<String> facts = new HashSet<>(company.keys());
        if (info.when().company() != null) {
            facts.add(info.when().company());
        }
        info.message().validate(vars, fields.keySet(), facts);
        rule.validate(fields);
    }
}
