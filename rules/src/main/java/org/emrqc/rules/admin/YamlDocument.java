package org.emrqc.rules.admin;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML file of the pack edited as a node tree with its comments (SnakeYAML's comment-keeping composer and
 * serializer): what is not edited is written back as it was — comments, flow or block style, quoting — and new
 * keys go in the pack's order. Only the nodes an edit touches change.
 */
final class YamlDocument {
    private final MappingNode root;

    private YamlDocument(MappingNode root) { this.root = root; }

    static YamlDocument parse(String text, String file) {
        Node n;
        try {
            n = yaml().compose(new StringReader(text));
        } catch (RuntimeException e) {
            throw new InvalidEditException(file + ": not valid YAML: " + e.getMessage());
        }
        if (!(n instanceof MappingNode m)) throw new InvalidEditException(file + ": expected a mapping at the top");
        return new YamlDocument(m);
    }

    private static Yaml yaml() {
        LoaderOptions lo = new LoaderOptions();
        lo.setProcessComments(true);
        DumperOptions d = new DumperOptions();
        d.setProcessComments(true);
        d.setIndent(2);
        d.setIndicatorIndent(2);
        d.setIndentWithIndicator(true);
        d.setWidth(100_000);
        d.setSplitLines(false);
        return new Yaml(lo, d);
    }

    MappingNode root() { return root; }

    String write() {
        StringWriter w = new StringWriter();
        yaml().serialize(root, w);
        return fixSequenceComments(w.toString());
    }

    /**
     * SnakeYAML writes a comment (or blank line) that stood before a sequence item after the item's dash
     * ("- # c\n    X"); this puts it back above the item ("# c\n  - X"), as it was written.
     */
    static String fixSequenceComments(String yaml) {
        String[] lines = yaml.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\s*)-\\s*(#.*)?$").matcher(lines[i]);
            if (!m.matches()) {
                out.add(lines[i]);
                continue;
            }
            String indent = m.group(1);
            List<String> moved = new ArrayList<>();
            if (m.group(2) != null) moved.add(indent + m.group(2));
            int j = i + 1;
            while (j < lines.length && (lines[j].isBlank() || lines[j].startsWith(indent + "  #"))) {
                moved.add(lines[j].isBlank() ? "" : indent + lines[j].strip());
                j++;
            }
            if (j < lines.length && lines[j].startsWith(indent + "  ") && lines[j].length() > indent.length() + 2
                    && lines[j].charAt(indent.length() + 2) != ' ') {
                out.addAll(moved);
                out.add(indent + "- " + lines[j].substring(indent.length() + 2));
                i = j;
            } else {
                out.add(lines[i]);
            }
        }
        return String.join("\n", out);
    }

    // ---- node helpers ----

    static String text(Node n) { return n instanceof ScalarNode s ? s.getValue() : null; }

    static Node get(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) if (key.equals(text(t.getKeyNode()))) return t.getValueNode();
        return null;
    }

    /** Sets key to value, in place when the key exists, else before the first key that comes after it in {@code order}. */
    static void put(MappingNode m, String key, Node value, List<String> order) {
        List<NodeTuple> tuples = m.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (key.equals(text(tuples.get(i).getKeyNode()))) {
                tuples.set(i, new NodeTuple(tuples.get(i).getKeyNode(), value));
                return;
            }
        }
        int rank = order.indexOf(key);
        int at = tuples.size();
        if (rank >= 0) {
            for (int i = 0; i < tuples.size(); i++) {
                int r = order.indexOf(text(tuples.get(i).getKeyNode()));
                if (r > rank) {
                    at = i;
                    break;
                }
            }
        }
        tuples.add(at, new NodeTuple(scalar(key), value));
        m.setValue(tuples);
    }

    static boolean remove(MappingNode m, String key) {
        return m.getValue().removeIf(t -> key.equals(text(t.getKeyNode())));
    }

    /** The mapping under key, created (in flow or block style) when absent. */
    static MappingNode mapping(MappingNode m, String key, boolean flow, List<String> order) {
        Node n = get(m, key);
        if (n instanceof MappingNode mm) return mm;
        if (n != null && !(n instanceof ScalarNode s && (s.getValue().isEmpty() || "null".equals(s.getValue())))) {
            throw new InvalidEditException("'" + key + "' is not a mapping");
        }
        MappingNode created = new MappingNode(Tag.MAP, new ArrayList<>(), flow ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
        put(m, key, created, order);
        return created;
    }

    /** The block sequence under key, created when absent. */
    static SequenceNode sequence(MappingNode m, String key, List<String> order) {
        Node n = get(m, key);
        if (n instanceof SequenceNode s) return s;
        if (n != null) throw new InvalidEditException("'" + key + "' is not a list");
        SequenceNode created = new SequenceNode(Tag.SEQ, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
        put(m, key, created, order);
        return created;
    }

    static List<String> strings(SequenceNode s) {
        List<String> out = new ArrayList<>();
        for (Node n : s.getValue()) out.add(text(n));
        return out;
    }

    static ScalarNode scalar(Object v) {
        if (v instanceof Boolean b) return new ScalarNode(Tag.BOOL, b.toString(), null, null, DumperOptions.ScalarStyle.PLAIN);
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return new ScalarNode(Tag.INT, Long.toString((long) d), null, null, DumperOptions.ScalarStyle.PLAIN);
            return new ScalarNode(Tag.FLOAT, Double.toString(d), null, null, DumperOptions.ScalarStyle.PLAIN);
        }
        if (v instanceof Number n) return new ScalarNode(Tag.INT, n.toString(), null, null, DumperOptions.ScalarStyle.PLAIN);
        String s = String.valueOf(v);
        return new ScalarNode(Tag.STR, s, null, null, plainIsSafe(s) ? DumperOptions.ScalarStyle.PLAIN : DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    }

    /** Plain only when it reads back as the same string: no YAML indicators, not a number, boolean or null. */
    private static boolean plainIsSafe(String s) {
        if (s.isEmpty() || !s.strip().equals(s)) return false;
        if (s.matches("(?i)(true|false|yes|no|on|off|y|n|null|~)")) return false;
        if (s.matches("[-+]?(\\.?[0-9][0-9_.:eE+-]*|\\.inf|\\.nan)")) return false;
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) >= 0) return false;
        return !s.contains(": ") && !s.contains(" #") && !s.contains(",") && !s.contains("[") && !s.contains("]")
                && !s.contains("{") && !s.contains("}") && !s.contains("\n") && !s.endsWith(":");
    }

    static SequenceNode flowList(List<?> values) {
        List<Node> items = new ArrayList<>();
        for (Object v : values) items.add(scalar(v));
        return new SequenceNode(Tag.SEQ, items, DumperOptions.FlowStyle.FLOW);
    }
}
