package dev.postinglint.core.policy;

import dev.postinglint.core.jurisdiction.Gazetteer;
import dev.postinglint.core.model.Severity;
import dev.postinglint.core.model.Waiver;
import dev.postinglint.core.posting.ContentChoice;
import dev.postinglint.core.regex.Globs;
import dev.postinglint.core.rules.Company;
import dev.postinglint.core.rules.FieldSpec;
import dev.postinglint.core.rules.MessageTemplate;
import dev.postinglint.core.rules.ReportMode;
import dev.postinglint.core.rules.Rule;
import dev.postinglint.core.rules.RuleInfo;
import dev.postinglint.core.rules.RuleType;
import dev.postinglint.core.rules.RuleTypes;
import dev.postinglint.core.rules.Scope;
import dev.postinglint.core.rules.When;
import dev.postinglint.core.source.FilePlace;
import dev.postinglint.core.yaml.Marks;
import dev.postinglint.core.yaml.NodeImage;
import dev.postinglint.core.yaml.PolicyException;
import dev.postinglint.core.yaml.Suggest;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

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
    /** How many threads may read built-in packs ahead ({@link ReadAhead}); 0: one thread does everything. */
    private final int readAheadThreads;

    public PolicyLoader(RuleTypes types, PackSource packs) {
        this(types, packs, ReadAhead.THREADS);
    }

    /** {@code readAheadThreads} 0 loads on the calling thread alone (tests compare both ways). */
    PolicyLoader(RuleTypes types, PackSource packs, int readAheadThreads) {
        this.types = types;
        this.packs = packs;
        this.readAheadThreads = readAheadThreads;
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
        Problems problems = new Problems();
        Graph graph = new Graph(problems);
        List<String> names = new ArrayList<>();
        Policy policy;
        try {
            for (String ref : refs) {
                PolicyFile f = graph.visit(ref, baseDir, null);
                if (f != null) {
                    names.add(f.name);
                }
            }
        } finally {
            graph.closeJars(); // everything a policy needs has been read
            graph.ahead.close();
        }
        PolicyFile top = refs.size() == 1 ? graph.top(refs.get(0)) : null;
        policy = merge(String.join(" + ", names), top == null ? null : top.version, graph.order, problems);
        problems.throwIfAny();
        List<IgnoreGlobs> ignores = new ArrayList<>();
        graph.order.forEach(f -> ignores.addAll(f.ignores));
        return policy.withIgnores(ignores);
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
        final Map<String, FilePlace> factPlaces = new LinkedHashMap<>();
        final Map<String, YamlValue> factYaml = new LinkedHashMap<>();
        final Set<String> factOverrides = new HashSet<>();
        final Map<String, FieldSpec> fields = new LinkedHashMap<>();
        final Map<String, FilePlace> fieldPlaces = new LinkedHashMap<>();
        final Map<String, YamlValue> fieldYaml = new LinkedHashMap<>();
        final Set<String> fieldOverrides = new HashSet<>();
        final Set<String> brokenFields = new HashSet<>();
        final Map<String, YamlValue> ruleYaml = new LinkedHashMap<>();
        final Set<String> ruleOverrides = new HashSet<>();
        final Set<String> brokenRules = new HashSet<>();
        final List<Rule> rules = new ArrayList<>();
        final List<Override> overrides = new ArrayList<>();
        final List<PackExample> examples = new ArrayList<>();
        final List<Waiver> waivers = new ArrayList<>();
        final List<FilePlace> waiverRulePlaces = new ArrayList<>();
        final List<IgnoreGlobs> ignores = new ArrayList<>();
        /** {@code content:}, or null when the file does not say. */
        ContentChoice content;
    }

    private final class Graph {
        final Map<String, PolicyFile> done = new LinkedHashMap<>();
        final List<PolicyFile> order = new ArrayList<>();
        final List<String> stack = new ArrayList<>();
        final Map<String, String> refToLocation = new LinkedHashMap<>();
        final Problems problems;
        final PolicyLocations jars = new PolicyLocations();
        final ReadAhead ahead = new ReadAhead(readAheadThreads);

        void closeJars() {
            jars.close();
        }

        Graph(Problems problems) {
            this.problems = problems;
        }

        PolicyFile top(String ref) {
            String location = refToLocation.get(ref);
            return location == null ? null : done.get(location);
        }

        /** The file with everything it extends, or null when it cannot be read (the problem is recorded). */
        PolicyFile visit(String ref, Path baseDir, YamlValue referencedAt) {
            try {
                return visitOrThrow(ref, baseDir, referencedAt);
            } catch (PolicyException e) {
                problems.add(e);
                return null;
            }
        }

        private PolicyFile visitOrThrow(String ref, Path baseDir, YamlValue referencedAt) {
            String location;
            String text = null;
            Pack pack = null;
            Path dir;
            ReadAhead.Parsed early = null;
            boolean builtin = ref.startsWith(BUILTIN_PREFIX);
            if (builtin) {
                String name = ref.substring(BUILTIN_PREFIX.length()).strip();
                location = BUILTIN_PREFIX + name;
                dir = null;
                if (!done.containsKey(location) && !stack.contains(location)) {
                    early = ahead.take(location);
                    // A pack that could not be read is read again here, so that the problem names this reference.
                    pack = early != null ? early.pack() : readBuiltin(name, referencedAt);
                }
            } else {
                Path p;
                if (PolicyLocations.isLocation(ref)) {
                    p = jars.locate(ref, baseDir, packs, referencedAt);
                } else if (baseDir == null) {
                    throw problemAt(referencedAt, "a built-in pack cannot extend a file by path: '" + ref + "'");
                } else {
                    p = baseDir.resolve(ref).normalize();
                }
                try {
                    p = p.toRealPath();
                } catch (NoSuchFileException e) {
                    throw problemAt(referencedAt, "policy file not found: "
                            + (PolicyLocations.onDisk(p) != null ? p.toString() : displayPath(p)));
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
            PolicyFile f;
            try {
                f = early != null ? early.file(problems) : builtin ? parsePack(location, pack, problems)
                        : parse(location, compose(text, location), dir, false, problems);
                // The built-in packs it extends are parsed on another core meanwhile; they are still
                // visited, and their problems recorded, in this order.
                for (String next : f.extendsRefs) {
                    if (next.startsWith(BUILTIN_PREFIX)) {
                        String name = next.substring(BUILTIN_PREFIX.length()).strip();
                        String at = BUILTIN_PREFIX + name;
                        if (!done.containsKey(at) && !stack.contains(at)) {
                            ahead.start(at, () -> readBuiltin(name, null), PolicyLoader.this::parsePack);
                        }
                    }
                }
                // The shipped packs judge jurisdictions: once packs are read ahead, the gazetteer is read
                // meanwhile too (the pack source keeps it; read where it is needed if this fails).
                ahead.once(packs::gazetteer);
                for (int i = 0; i < f.extendsRefs.size(); i++) {
                    visit(f.extendsRefs.get(i), dir, f.extendsAt.get(i));
                }
            } finally {
                stack.remove(stack.size() - 1);
            }
            done.put(location, f);
            order.add(f);
            return f;
        }
    }

    private static String displayPath(Path p) {
        if (p.getFileSystem() != java.nio.file.FileSystems.getDefault()) {
            return PolicyLocations.display(p);
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path shown = p.startsWith(cwd) ? cwd.relativize(p) : p;
        return dev.postinglint.core.source.Slashes.of(shown.toString());
    }

    private static PolicyException problemAt(YamlValue at, String problem) {
        return at == null ? new PolicyException("posting-lint", 0, 0, problem) : at.error(problem);
    }

    /**
     * A built-in pack as read: its composed tree when the pack source has a {@link NodeImage} made from these very
     * bytes (the shipped packs, imaged at build time), else its text, composed when parsed.
     */
    record Pack(String text, Node composed) {
    }

    private Pack readBuiltin(String name, YamlValue referencedAt) {
        try (InputStream in = packs.open(name)) {
            if (in == null) {
                List<String> known = builtinNames().stream().map(n -> BUILTIN_PREFIX + n).toList();
                throw problemAt(referencedAt, "unknown built-in pack 'builtin:" + name + "'"
                        + Suggest.didYouMean(BUILTIN_PREFIX + name, known) + " (available: " + String.join(", ", builtinNames()) + ")");
            }
            byte[] bytes = in.readNBytes(MAX_POLICY_BYTES + 1);
            Node composed = bytes.length > MAX_POLICY_BYTES ? null : NodeImage.read(imageOrNull(name), bytes);
            return composed != null ? new Pack(null, composed) : new Pack(decode(bytes, BUILTIN_PREFIX + name), null);
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

    /** The pack source's image of a pack; null when it has none or cannot read it (the YAML is composed then). */
    private byte[] imageOrNull(String name) {
        try {
            return packs.image(name);
        } catch (IOException | RuntimeException e) {
            return null; // an image only saves time: without it the pack's own YAML is read as always
        }
    }

    /**
     * A built-in pack's bytes composed as a load without an image composes them (decoded, then composed): what the
     * build's {@link PackImages} writes as the pack's image.
     */
    public static Node composePack(byte[] bytes, String location) {
        if (bytes.length > MAX_POLICY_BYTES) {
            throw new PolicyException(location, 0, 0, "policy file is larger than " + MAX_POLICY_BYTES + " bytes");
        }
        return compose(decode(bytes, location), location);
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
            // What Yaml.compose does, without building a Yaml: its constructor and representer (unused here) cost a
            // cold check time for every pack read, and the constructor's logger starts java.util.logging.
            Node node = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), opts), new Resolver(), opts).getSingleNode();
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

    /** Reads a built-in pack: checked when its source's packs are ({@link PackSource#checked}). */
    private PolicyFile parsePack(String location, Pack pack, Problems problems) {
        Node root = pack.composed() != null ? pack.composed() : compose(pack.text(), location);
        return parse(location, root, null, packs.checked(), problems);
    }

    /**
     * Reads one file ({@code checked}: a pack the build checked, {@link YamlValue#checked}). Each rule, field, fact, override, example and waiver is read on its own, so
     * that every problem in the file is recorded in one run; only YAML that cannot be composed into
     * a mapping stops the file.
     */
    private PolicyFile parse(String location, Node composed, Path dir, boolean checked, Problems problems) {
        YamlValue root = new YamlValue(location, composed, checked);
        YamlMap m = root.asMap("a policy file");
        PolicyFile f = new PolicyFile();
        f.location = location;
        f.name = problems.get(() -> m.requireString("name"));
        if (f.name == null) {
            f.name = location;
        }
        problems.attempt(() -> f.version = m.string("version").orElse(null));
        problems.attempt(() -> m.string("description"));
        m.get("extends").ifPresent(v -> {
            for (YamlValue e : v.asListOrOne()) {
                String ref = problems.get(() -> e.asNonBlank("'extends' entries"));
                if (ref != null) {
                    f.extendsRefs.add(ref);
                    f.extendsAt.add(e);
                }
            }
        });
        m.get("company").ifPresent(v -> problems.attempt(() -> readCompany(v, f, problems)));
        m.get("fields").ifPresent(v -> problems.attempt(() -> {
            YamlMap fm = v.asMap("'fields'");
            for (String name : fm.keys()) {
                YamlValue fv = fm.get(name).orElseThrow();
                f.fieldPlaces.put(name, fm.keyPlace(name));
                boolean ok = problems.attempt(() -> {
                    if (!name.matches("[a-z][a-z0-9-]*")) {
                        throw new PolicyException(fm.keyPlace(name), "field name '" + name + "' must be lower-case letters, digits and dashes");
                    }
                    YamlValue spec = fv;
                    if (fv.isMapping() && fv.asMap("field '" + name + "'").has("override")) {
                        YamlValue flag = fv.asMap("field '" + name + "'").require("override");
                        if (flag.asBoolean("'override'")) {
                            f.fieldOverrides.add(name);
                        }
                        spec = fv.with("override", null);
                    }
                    f.fields.put(name, FieldSpec.read(name, spec));
                    f.fieldYaml.put(name, spec);
                });
                if (!ok) {
                    f.brokenFields.add(name);
                }
            }
        }));
        Map<String, YamlValue> ids = new HashMap<>();
        m.get("rules").ifPresent(v -> problems.attempt(() -> {
            for (YamlValue r : v.asList("'rules'")) {
                problems.attempt(() -> {
                    Rule rule = readRule(r, location, f, problems);
                    if (rule == null) {
                        return;
                    }
                    YamlValue first = ids.putIfAbsent(rule.info().id(), r);
                    if (first != null) {
                        throw r.error("rule id '" + rule.info().id() + "' is used twice in this file (first at " + first.place() + ")");
                    }
                    f.rules.add(rule);
                    f.ruleYaml.put(rule.info().id(), r.with("override", null));
                });
            }
        }));
        m.get("overrides").ifPresent(v -> problems.attempt(() -> {
            YamlMap om = v.asMap("'overrides'");
            for (String id : om.keys()) {
                problems.attempt(() -> {
                    YamlValue val = om.get(id).orElseThrow();
                    String s = val.asString("override for '" + id + "'").strip();
                    if (!OVERRIDE_VALUES.contains(s)) {
                        throw val.error("override for '" + id + "' must be off, on, error, warning or info, not '" + s + "'"
                                + Suggest.didYouMean(s, OVERRIDE_VALUES));
                    }
                    f.overrides.add(new Override(id, s, om.keyPlace(id)));
                });
            }
        }));
        m.get("examples").ifPresent(v -> problems.attempt(() -> {
            for (YamlValue e : v.asList("pack 'examples'")) {
                problems.attempt(() -> f.examples.add(readPackExample(e, location)));
            }
        }));
        m.get("waivers").ifPresent(v -> problems.attempt(() -> {
            for (YamlValue w : v.asList("'waivers'")) {
                problems.attempt(() -> readWaiver(w, PolicyLocations.onDisk(dir), f));
            }
        }));
        m.get("ignore").ifPresent(v -> problems.attempt(() -> f.ignores.add(readIgnore(v, PolicyLocations.onDisk(dir)))));
        m.get("content").ifPresent(v -> problems.attempt(() -> f.content = readContent(v)));
        problems.attempt(m::finish);
        return f;
    }

    /** {@code content: auto | whole-file | SELECTOR}: which part of an HTML file is the posting. */
    private static ContentChoice readContent(YamlValue v) {
        try {
            return ContentChoice.parse(v.asNonBlank("'content'"));
        } catch (IllegalArgumentException e) {
            throw v.error(e.getMessage());
        }
    }

    /** {@code ignore:} one glob or a list, relative to the policy file's directory (so not in a builtin pack). */
    private static IgnoreGlobs readIgnore(YamlValue v, Path dir) {
        if (dir == null) {
            throw v.error("'ignore' is for a policy file in a repository (its globs are relative to the file), not a pack or a jar");
        }
        List<String> globs = new ArrayList<>();
        for (YamlValue g : v.asListOrOne()) {
            String glob = g.asNonBlank("'ignore' entries").strip();
            try {
                new Globs(List.of(glob));
            } catch (IllegalArgumentException e) {
                throw g.error("bad 'ignore' glob '" + glob + "': " + e.getMessage());
            }
            globs.add(glob);
        }
        return new IgnoreGlobs(dir, new Globs(globs));
    }

    private static final List<String> OVERRIDE_VALUES = List.of("off", "on", "error", "warning", "info");

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

    /** Reserved key under {@code company:}: the facts this file replaces on purpose. */
    static final String COMPANY_OVERRIDES = "overrides";

    /**
     * A file's {@code company:} facts. Facts that replace an extended policy's go under
     * {@code company: overrides:}, so that replacing one is never an accident.
     */
    private static void readCompany(YamlValue v, PolicyFile f, Problems problems) {
        YamlMap cm = v.asMap("'company'");
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (String key : cm.keys()) {
            YamlValue val = cm.get(key).orElseThrow();
            if (key.equals(COMPANY_OVERRIDES)) {
                problems.attempt(() -> {
                    YamlMap om = val.asMap("'company: overrides'");
                    for (String k : om.keys()) {
                        YamlValue ov = om.get(k).orElseThrow();
                        if (cm.has(k)) {
                            problems.add(new PolicyException(om.keyPlace(k), "company fact '" + k + "' is given twice in this file (also at "
                                    + cm.keyPlace(k) + ")"));
                            continue;
                        }
                        problems.attempt(() -> facts.put(k, ov.asStringList("company fact '" + k + "'")));
                        f.factPlaces.put(k, om.keyPlace(k));
                        f.factYaml.put(k, ov);
                        f.factOverrides.add(k);
                    }
                });
                continue;
            }
            problems.attempt(() -> facts.put(key, val.asStringList("company fact '" + key + "'")));
            f.factPlaces.put(key, cm.keyPlace(key));
            f.factYaml.put(key, val);
        }
        f.company = new Company(facts);
    }

    private static Company readExampleCompany(YamlValue v) {
        YamlMap cm = v.asMap("'company'");
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (String key : cm.keys()) {
            facts.put(key, cm.get(key).orElseThrow().asStringList("company fact '" + key + "'"));
        }
        return new Company(facts);
    }

    /**
     * One rule, or null when it has problems (recorded, each at its place: a bad id, type, severity
     * and an unknown key are all reported, not just the first).
     */
    private Rule readRule(YamlValue value, String origin, PolicyFile f, Problems problems) {
        YamlMap m = value.asMap("a rule");
        Problems own = new Problems();
        String id = own.get(() -> {
            YamlValue idAt = m.require("id");
            String s = idAt.asNonBlank("'id'");
            if (!RULE_ID.matcher(s).matches()) {
                throw idAt.error("rule id '" + s + "' may use letters, digits, '.', '_', '/' and '-' (up to 100)");
            }
            return s;
        });
        String typeName = own.get(() -> m.requireString("type"));
        RuleType type = typeName == null ? null : own.get(() -> types.get(typeName).orElseThrow(() -> m.require("type").error(
                "unknown rule type '" + typeName + "'" + Suggest.didYouMean(typeName, types.names())
                + " (known: " + String.join(", ", types.names()) + ")")));
        Severity severity = own.get(() -> {
            YamlValue sevAt = m.require("severity");
            String sevText = sevAt.asNonBlank("'severity'");
            return Severity.parse(sevText).orElseThrow(() -> sevAt.error("severity must be error, warning or info, not '" + sevText + "'"
                    + Suggest.didYouMean(sevText, List.of("error", "warning", "info"))));
        });
        String category = own.get(() -> {
            YamlValue catAt = m.require("category");
            String c = catAt.asNonBlank("'category'");
            if (!CATEGORY.matcher(c).matches()) {
                throw catAt.error("category '" + c + "' must be a short lower-case word (letters, digits, dashes)");
            }
            return c;
        });
        MessageTemplate message = own.get(() -> m.get("message")
                .map(v -> MessageTemplate.parse(v.asNonBlank("'message'"), v.place()))
                .orElse(type == null ? null : MessageTemplate.parse(type.defaultMessage(), m.place())));
        String description = own.get(() -> m.string("description").orElse(""));
        String link = own.get(() -> m.string("link").orElse(null));
        Scope scope = own.get(() -> m.get("scope").map(Scope::read).orElse(Scope.WHOLE));
        When when = own.get(() -> m.get("when").map(When::read).orElse(When.ALWAYS));
        RuleInfo.RuleExamples examples = own.get(() -> m.get("examples").map(PolicyLoader::readRuleExamples).orElse(RuleInfo.RuleExamples.NONE));
        Boolean override = own.get(() -> m.get("override").map(v -> v.asBoolean("'override'")).orElse(false));
        ReportMode report = own.get(() -> m.get("report").map(v -> {
            String r = v.asNonBlank("'report'");
            return ReportMode.parse(r).orElseThrow(() -> v.error("report must be " + String.join(" or ", ReportMode.names())
                    + ", not '" + r + "'" + Suggest.didYouMean(r, ReportMode.names())));
        }).orElse(ReportMode.EACH));
        Rule rule = null;
        if (own.isEmpty()) {
            RuleInfo info = new RuleInfo(id, typeName, severity, category, message, description, link, scope, when,
                    examples, origin, value.place(), report);
            rule = own.get(() -> type.create(info, m)); // the type reads its own keys from the same mapping
            // Only once the type has read all its keys can the others be called unknown.
            if (rule != null) {
                own.attempt(m::finish);
            }
        }
        if (!own.isEmpty()) {
            problems.addAll(own);
            if (id != null) {
                f.brokenRules.add(id);
            }
            return null;
        }
        if (Boolean.TRUE.equals(override)) {
            f.ruleOverrides.add(id);
        }
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
        Company company = em.get("company").map(PolicyLoader::readExampleCompany).orElse(Company.NONE);
        List<String> flag = em.get("flag").map(x -> x.asStringList("'flag'")).orElse(List.of());
        List<String> pass = em.get("pass").map(x -> x.asStringList("'pass'")).orElse(List.of());
        em.finish();
        if (flag.isEmpty() && pass.isEmpty()) {
            throw em.error("pack example '" + name + "' needs 'flag' or 'pass' rule ids");
        }
        return new PackExample(name, html, asOf, company, List.copyOf(flag), List.copyOf(pass), origin, v.place());
    }

    // ---------------------------------------------------------------- merging

    /**
     * Lays the files over each other in order (extended ones first). A field, rule or company fact
     * that replaces one of an earlier file is an error naming both places unless it says so
     * ({@code override: true}, or {@code company: overrides:}); what it replaced is kept in the
     * policy's {@link Origins}. Every problem is recorded; the result is only used when there are none.
     */
    private Policy merge(String name, String version, List<PolicyFile> files, Problems problems) {
        Map<String, List<String>> facts = new LinkedHashMap<>();
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        Map<String, PolicyRule> rules = new LinkedHashMap<>();
        Map<String, Origins.Origin> ruleOrigins = new LinkedHashMap<>();
        Map<String, Origins.Origin> fieldOrigins = new LinkedHashMap<>();
        Map<String, Origins.Origin> factOrigins = new LinkedHashMap<>();
        Set<String> brokenRules = new HashSet<>();
        Set<String> brokenFields = new HashSet<>();
        ContentChoice content = ContentChoice.AUTO;
        List<PackExample> examples = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (PolicyFile f : files) {
            sources.add(f.location);
            brokenRules.addAll(f.brokenRules);
            brokenFields.addAll(f.brokenFields);
            for (Map.Entry<String, List<String>> e : f.company.facts().entrySet()) {
                String key = e.getKey();
                FilePlace at = f.factPlaces.get(key);
                Origins.Origin prior = factOrigins.get(key);
                boolean says = f.factOverrides.contains(key);
                if (prior != null && !says) {
                    problems.add(at, "company fact '" + key + "' shadows the one defined at " + prior.place()
                            + "; to replace it on purpose, move it under 'company: overrides:'");
                } else if (prior == null && says) {
                    problems.add(at, "company fact '" + key + "' is under 'company: overrides:', but no extended policy defines it"
                            + Suggest.didYouMean(key, factOrigins.keySet()) + "; move it up to 'company:'");
                }
                facts.put(key, e.getValue());
                factOrigins.put(key, new Origins.Origin(at, f.factYaml.get(key), prior == null ? null : prior.place()));
            }
            for (Map.Entry<String, FieldSpec> e : f.fields.entrySet()) {
                String field = e.getKey();
                FilePlace at = f.fieldPlaces.get(field);
                Origins.Origin prior = fieldOrigins.get(field);
                boolean says = f.fieldOverrides.contains(field);
                if (prior != null && !says) {
                    problems.add(at, "field '" + field + "' shadows the field '" + field + "' defined at " + prior.place()
                            + ": every rule that reads it would read this one instead; add 'override: true' to it if that is meant,"
                            + " or give it another name");
                } else if (prior == null && says) {
                    problems.add(at, "field '" + field + "' says 'override: true', but no extended policy defines a field '" + field + "'"
                            + Suggest.didYouMean(field, fieldOrigins.keySet()));
                }
                fields.put(field, e.getValue());
                fieldOrigins.put(field, new Origins.Origin(at, f.fieldYaml.get(field), prior == null ? null : prior.place()));
            }
            for (Rule r : f.rules) {
                String id = r.info().id();
                Origins.Origin prior = ruleOrigins.get(id);
                boolean says = f.ruleOverrides.contains(id);
                if (prior != null && !says) {
                    problems.add(r.info().place(), "rule id '" + id + "' is already defined at " + prior.place()
                            + "; use 'overrides:' to change an inherited rule's severity, or add 'override: true' to replace it");
                    continue;
                } else if (prior == null && says) {
                    problems.add(r.info().place(), "rule '" + id + "' says 'override: true', but no extended policy defines a rule '" + id + "'"
                            + Suggest.didYouMean(id, ruleOrigins.keySet()));
                }
                rules.put(id, new PolicyRule(r, r.info().severity(), true)); // a replaced rule keeps its place in the order
                ruleOrigins.put(id, new Origins.Origin(r.info().place(), f.ruleYaml.get(id), prior == null ? null : prior.place()));
            }
            examples.addAll(f.examples);
            if (f.content != null) {
                content = f.content; // the extending file, read last, says last
            }
        }
        Company company = new Company(facts);
        checkCategories(files, problems);
        for (PolicyFile f : files) {
            for (Override o : f.overrides) {
                PolicyRule r = rules.get(o.id());
                if (r == null) {
                    if (!brokenRules.contains(o.id())) {
                        problems.add(o.place(), "override names rule '" + o.id() + "', which no policy defines"
                                + Suggest.didYouMean(o.id(), rules.keySet()));
                    }
                    continue;
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
            problems.attempt(() -> validate(pr.rule(), fields, company, brokenFields));
        }
        List<Waiver> waivers = new ArrayList<>();
        for (PolicyFile f : files) {
            for (int i = 0; i < f.waivers.size(); i++) {
                Waiver w = f.waivers.get(i);
                for (String id : w.rules()) {
                    if (!id.equals("*") && !rules.containsKey(id) && !brokenRules.contains(id)) {
                        problems.add(f.waiverRulePlaces.get(i), "waiver names rule '" + id + "', which no policy defines"
                                + Suggest.didYouMean(id, rules.keySet()));
                    }
                }
                waivers.add(w);
            }
        }
        for (PackExample e : examples) {
            for (String id : concat(e.flag(), e.pass())) {
                if (!rules.containsKey(id) && !brokenRules.contains(id)) {
                    problems.add(e.place(), "pack example '" + e.name() + "' names rule '" + id + "', which no policy defines"
                            + Suggest.didYouMean(id, rules.keySet()));
                }
            }
        }
        Gazetteer gazetteer = problems.get(() -> gazetteerFor(rules.values()));
        return new Policy(name, version, sources, company, fields, new ArrayList<>(rules.values()), examples, waivers,
                gazetteer == null ? Gazetteer.EMPTY : gazetteer, new Origins(ruleOrigins, fieldOrigins, factOrigins), List.of(), content);
    }

    /**
     * A category that no extended policy file uses but that is a typo away from one that is
     * ("inclusive-langauge") would silently start a category of its own: an error, with the
     * category meant. A new category that is not this close to an existing one is fine.
     */
    private static void checkCategories(List<PolicyFile> files, Problems problems) {
        Set<String> earlier = new java.util.TreeSet<>();
        for (PolicyFile f : files) { // extended files come first
            // A file's rules share a few categories: each new one is compared with the earlier files' once.
            Map<String, java.util.Optional<String>> closest = new HashMap<>();
            for (Rule r : f.rules) {
                String c = r.info().category();
                if (c.length() >= 4 && !earlier.contains(c)) {
                    closest.computeIfAbsent(c, k -> Suggest.closest(k, earlier)).ifPresent(meant -> problems.add(r.info().place(), "rule '" + r.info().id()
                            + "' has category '" + c + "', which no extended policy uses; did you mean '" + meant + "'?"));
                }
            }
            f.rules.forEach(r -> earlier.add(r.info().category()));
        }
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

    private void validate(Rule rule, Map<String, FieldSpec> fields, Company company, Set<String> brokenFields) {
        RuleInfo info = rule.info();
        Set<String> used = new java.util.TreeSet<>(rule.fieldsUsed());
        used.addAll(info.when().fieldsUsed());
        for (String f : used) {
            if (brokenFields.contains(f)) {
                return; // its definition's problem is reported already
            }
            if (!fields.containsKey(f)) {
                throw new PolicyException(info.place(), "rule '" + info.id() + "' uses field '" + f
                        + "', which no policy declares under 'fields:'" + Suggest.didYouMean(f, fields.keySet())
                        + (fields.isEmpty() ? "" : " (declared: " + String.join(", ", fields.keySet()) + ")"));
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

    /**
     * Built-in packs read and parsed ahead, on other cores, while the loader works on the files that
     * extend them: a cold one-file check spends most of its time loading the policy, in the
     * interpreter, and the packs a policy extends are independent of each other until they are merged.
     * Each is still visited in the order a sequential load visits it, and its problems are recorded
     * then, so the policy and every message are the same as a load on one thread. A pack is only read
     * ahead once the file that names it has been parsed; with one core, nothing is read ahead.
     */
    private static final class ReadAhead implements AutoCloseable {
        static final int THREADS = Math.max(0, Math.min(3, Runtime.getRuntime().availableProcessors() - 1));

        private final int threads;

        ReadAhead(int threads) {
            this.threads = threads;
        }

        /** A pack as read, and what parsing it gave: the file and its problems, or what it threw. */
        record Parsed(Pack pack, PolicyFile parsed, Problems problems, RuntimeException thrown) {
            /** The file, its problems recorded in {@code into} as if it had been parsed now. */
            PolicyFile file(Problems into) {
                into.addAll(problems);
                if (thrown != null) {
                    throw thrown;
                }
                return parsed;
            }
        }

        interface Parser {
            PolicyFile parse(String location, Pack pack, Problems problems);
        }

        private final Map<String, java.util.concurrent.FutureTask<Parsed>> started = new HashMap<>();
        /** Every task, in the order started: what the calling thread works on while it waits. */
        private final List<java.util.concurrent.FutureTask<Parsed>> queue = new ArrayList<>();
        private int next;
        private java.util.concurrent.ExecutorService pool;

        /** Starts reading and parsing the pack at {@code location}, unless it has been started already. */
        void start(String location, java.util.function.Supplier<Pack> read, Parser parser) {
            if (threads < 1 || started.containsKey(location)) {
                return;
            }
            java.util.concurrent.FutureTask<Parsed> task = new java.util.concurrent.FutureTask<>(() -> {
                Pack pack = read.get(); // a pack that cannot be read throws: read again when visited
                Problems own = new Problems();
                try {
                    return new Parsed(pack, parser.parse(location, pack, own), own, null);
                } catch (RuntimeException e) {
                    return new Parsed(pack, null, own, e);
                }
            });
            started.put(location, task);
            queue.add(task);
            if (pool == null) {
                pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "posting-lint policy read-ahead");
                    t.setDaemon(true);
                    return t;
                });
            }
            pool.execute(task);
        }

        private boolean onceDone;

        /** Runs {@code work} on another core, the first time this is called; its result and failure are dropped. */
        void once(Runnable work) {
            if (pool != null && !onceDone) {
                onceDone = true;
                pool.execute(() -> {
                    try {
                        work.run();
                    } catch (RuntimeException | Error e) {
                        // done again, and reported, by the thread that needs it
                    }
                });
            }
        }

        /**
         * The pack at {@code location} read and parsed ahead (parsed here if no other thread has begun
         * it yet), or null when it was not started or could not be read.
         */
        Parsed take(String location) {
            java.util.concurrent.FutureTask<Parsed> task = started.remove(location);
            if (task == null) {
                return null;
            }
            task.run(); // does nothing when another thread has begun it
            // While another thread parses it, this one parses the packs no thread has begun (run does
            // nothing for those begun): every pack read ahead is visited before the load ends.
            while (!task.isDone() && next < queue.size()) {
                queue.get(next++).run();
            }
            try {
                return task.get();
            } catch (java.util.concurrent.ExecutionException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @java.lang.Override
        public void close() {
            started.values().forEach(t -> t.cancel(false));
            started.clear();
            queue.clear();
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    /** The problems of one load, in the order found; thrown together, in file order. */
    private static final class Problems {
        private final List<PolicyException.Problem> list = new ArrayList<>();

        void add(PolicyException e) {
            list.addAll(e.problems());
        }

        void add(FilePlace at, String message) {
            list.add(new PolicyException.Problem(at, message));
        }

        void addAll(Problems other) {
            list.addAll(other.list);
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        /** Runs a step; false (and the problem recorded) when it throws one. */
        boolean attempt(Runnable step) {
            try {
                step.run();
                return true;
            } catch (PolicyException e) {
                add(e);
                return false;
            }
        }

        /** A step's result, or null (and the problem recorded). */
        <T> T get(java.util.function.Supplier<T> step) {
            try {
                return step.get();
            } catch (PolicyException e) {
                add(e);
                return null;
            }
        }

        /** Throws every problem: files in the order their first problem was found, each by line and column. */
        void throwIfAny() {
            if (list.isEmpty()) {
                return;
            }
            List<String> files = list.stream().map(p -> p.place().location()).distinct().toList();
            List<PolicyException.Problem> sorted = new ArrayList<>(new LinkedHashSet<>(list));
            sorted.sort(java.util.Comparator.<PolicyException.Problem>comparingInt(p -> files.indexOf(p.place().location()))
                    .thenComparingInt(p -> p.place().line()).thenComparingInt(p -> p.place().column()));
            throw new PolicyException(sorted);
        }
    }
}
