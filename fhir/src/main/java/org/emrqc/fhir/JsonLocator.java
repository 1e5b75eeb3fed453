package org.emrqc.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Set;

/**
 * Finds where in a JSON document something is, as a line number and a FHIR-style path
 * ({@code Bundle.entry[3].resource.birthDate}), so that errors name the place. Only used on the error path:
 * the normal path parses once with HAPI.
 */
final class JsonLocator {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonLocator() { }

    /** A place in the document. */
    record Hit(int line, String path) {
        @Override public String toString() { return "line " + line + ", " + path; }
    }

    /** What to look for while walking the document. */
    private interface Matcher {
        /** A scalar member (or array item, then field is the array's name). */
        default boolean scalar(String field, String value) { return false; }
        /** An object that just ended, with the names of its members. */
        default boolean objectEnd(Frame frame, Set<String> members) { return false; }
    }

    private static final class Frame {
        final String name;
        final boolean array;
        int next;
        String type = "";
        final Set<String> members = new java.util.HashSet<>();
        final int line;

        Frame(String name, boolean array, int line) {
            this.name = name;
            this.array = array;
            this.line = line;
        }
    }

    /** A JSON syntax error as "line L, column C: invalid JSON: reason", or null when the text is well-formed. */
    static String syntaxError(byte[] json) {
        try (JsonParser p = JSON.createParser(json)) {
            while (p.nextToken() != null) {
                // reading every token is the check
            }
            return null;
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            String reason = e.getOriginalMessage();
            int cut = reason.indexOf('\n');
            if (cut > 0) reason = reason.substring(0, cut);
            return "line " + l.getLineNr() + ", column " + l.getColumnNr() + ": invalid JSON: " + reason;
        } catch (IOException e) {
            return "invalid JSON: " + e.getMessage();
        }
    }

    /** Where the first "resourceType" whose value is not in {@code known} is, or null. */
    static Hit unknownResourceType(byte[] json, Set<String> known) {
        return walk(json, new Matcher() {
            @Override public boolean scalar(String field, String value) {
                return "resourceType".equals(field) && !known.contains(value);
            }
        });
    }

    /** Where the first scalar with the given value is, or null. */
    static Hit value(byte[] json, String value) {
        return walk(json, new Matcher() {
            @Override public boolean scalar(String field, String v) { return value.equals(v); }
        });
    }

    /** Where the first Bundle entry without a "resource" member is, or null. */
    static Hit entryWithoutResource(byte[] json) {
        return walk(json, new Matcher() {
            @Override public boolean objectEnd(Frame f, Set<String> members) {
                return f.name.startsWith("entry[") && !members.contains("resource");
            }
        });
    }

    private static Hit walk(byte[] json, Matcher m) {
        try (JsonParser p = JSON.createParser(json)) {
            Deque<Frame> stack = new ArrayDeque<>();
            String field = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line = p.currentLocation().getLineNr();
                switch (t) {
                    case FIELD_NAME -> {
                        field = p.currentName();
                        if (!stack.isEmpty()) stack.peek().members.add(field);
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String name = childName(stack, field);
                        stack.push(new Frame(name, t == JsonToken.START_ARRAY, line));
                        field = null;
                    }
                    case END_OBJECT -> {
                        Frame f = stack.peek();
                        if (m.objectEnd(f, f.members)) return new Hit(f.line, render(stack, null));
                        stack.pop();
                    }
                    case END_ARRAY -> stack.pop();
                    default -> {
                        String v = p.getValueAsString();
                        Frame top = stack.peek();
                        if (top != null && !top.array && "resourceType".equals(field)) top.type = v;
                        if (top != null && top.array) {
                            if (m.scalar(top.name, v)) return new Hit(line, render(stack, null) + "[" + top.next + "]");
                            top.next++;
                        } else if (field != null && m.scalar(field, v)) {
                            return new Hit(line, render(stack, field));
                        }
                        field = null;
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String childName(Deque<Frame> stack, String field) {
        Frame top = stack.peek();
        if (top != null && top.array) return top.name + "[" + (top.next++) + "]";
        return field == null ? "" : field;
    }

    /** The path from the root, the root named by its resourceType. */
    private static String render(Deque<Frame> stack, String leaf) {
        StringBuilder sb = new StringBuilder();
        Iterator<Frame> it = stack.descendingIterator();
        boolean root = true;
        while (it.hasNext()) {
            Frame f = it.next();
            if (root) {
                sb.append(f.type.isEmpty() ? "$" : f.type);
                root = false;
            } else if (!f.array) {
                sb.append('.').append(f.name);
            } else if (!it.hasNext()) {
                sb.append('.').append(f.name);
            }
        }
        if (leaf != null) sb.append('.').append(leaf);
        return sb.toString();
    }
}
