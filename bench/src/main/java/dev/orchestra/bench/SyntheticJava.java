package dev.orchestra.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plausible Java sources generated from a seed: services with fields, a constructor and methods
 * built from a few everyday shapes (guards, loops, lookups, if/else chains, try/catch), so edits
 * meet the repetition real code has ("return result;", "}" lines, similar loops).
 */
final class SyntheticJava {
    private static final String[] NOUNS = {"order", "customer", "invoice", "item", "account", "payment",
        "shipment", "report", "ticket", "session", "product", "user", "route", "budget", "schedule"};
    private static final String[] VERBS = {"load", "save", "check", "build", "merge", "count", "find",
        "update", "remove", "collect", "render", "apply"};
    private static final String[] KINDS = {"Service", "Repository", "Registry", "Builder", "Index", "Policy"};
    private static final String[] DOMAINS = {"billing", "shipping", "catalog", "accounts", "reports", "support"};

    private final Random random;

    SyntheticJava(long seed) {
        this.random = new Random(seed);
    }

    /** A class name and package for the {@code i}-th file of a generated repository. */
    String[] nameFor(int i) {
        String name = capital(NOUNS[i % NOUNS.length]) + KINDS[(i / NOUNS.length) % KINDS.length]
                + (i >= NOUNS.length * KINDS.length ? String.valueOf(i) : "");
        return new String[] {"com.acme." + DOMAINS[i % DOMAINS.length], name};
    }

    /** One source file; {@code collaborator} is another generated type the class holds, or null. */
    String source(String pkg, String name, String collaborator) {
        List<String> out = new ArrayList<>();
        out.add("package " + pkg + ";");
        out.add("");
        out.add("import java.util.ArrayList;");
        out.add("import java.util.HashMap;");
        out.add("import java.util.List;");
        out.add("import java.util.Map;");
        out.add("");
        out.add("/** Keeps " + noun() + "s and " + noun() + "s for the " + pkg.substring(pkg.lastIndexOf('.') + 1) + " team. */");
        out.add("public class " + name + " {");
        out.add("    private final List<String> items = new ArrayList<>();");
        out.add("    private final Map<String, String> names = new HashMap<>();");
        out.add("    private int count;");
        if (collaborator != null) {
            out.add("    private " + collaborator + " helper;");
        }
        out.add("");
        out.add("    public " + name + "(int count) {");
        out.add("        this.count = count;");
        out.add("    }");
        int methods = 5 + random.nextInt(8);
        for (int m = 0; m < methods; m++) {
            out.add("");
            method(out, m);
        }
        out.add("}");
        return String.join("\n", out) + "\n";
    }

    private void method(List<String> out, int index) {
        String noun = capital(noun());
        String verb = VERBS[random.nextInt(VERBS.length)];
        String suffix = String.valueOf(index);
        if (random.nextBoolean()) {
            out.add("    /** " + capital(verb) + "s the " + noun.toLowerCase() + " (" + noun() + " rules apply). */");
        }
        switch (random.nextInt(6)) {
            case 0 -> out.addAll(List.of(
                    "    public void " + verb + noun + suffix + "(String item) {",
                    "        if (item == null || item.isBlank()) {",
                    "            throw new IllegalArgumentException(\"" + noun.toLowerCase() + " must not be blank\");",
                    "        }",
                    "        items.add(item.trim());",
                    "        count++;",
                    "    }"));
            case 1 -> out.addAll(List.of(
                    "    public int " + verb + noun + suffix + "(int factor) {",
                    "        int sum = " + random.nextInt(10) + ";",
                    "        for (String item : items) {",
                    "            sum += item.length() * factor;",
                    "        }",
                    "        return sum;",
                    "    }"));
            case 2 -> out.addAll(List.of(
                    "    public String " + verb + noun + suffix + "(String key) {",
                    "        String value = names.get(key);",
                    "        if (value == null) {",
                    "            return \"" + noun() + "-" + random.nextInt(100) + "\";",
                    "        }",
                    "        return value.toUpperCase();",
                    "    }"));
            case 3 -> out.addAll(List.of(
                    "    public String " + verb + noun + suffix + "(int level) {",
                    "        if (level > " + (10 + random.nextInt(90)) + ") {",
                    "            return \"high " + noun.toLowerCase() + "\";",
                    "        } else if (level > " + random.nextInt(10) + ") {",
                    "            return \"low " + noun.toLowerCase() + "\";",
                    "        }",
                    "        return \"unknown\";",
                    "    }"));
            case 4 -> out.addAll(List.of(
                    "    public List<String> " + verb + noun + suffix + "(String prefix) {",
                    "        List<String> result = new ArrayList<>();",
                    "        for (String item : items) {",
                    "            if (item.startsWith(prefix)) {",
                    "                result.add(item + \"-" + noun() + "\");",
                    "            }",
                    "        }",
                    "        return result;",
                    "    }"));
            default -> out.addAll(List.of(
                    "    public boolean " + verb + noun + suffix + "(String path) {",
                    "        try {",
                    "            count += path.length() * " + (2 + random.nextInt(8)) + ";",
                    "            return true;",
                    "        } catch (RuntimeException e) {",
                    "            System.err.println(\"cannot " + verb + " " + noun() + ": \" + e.getMessage());",
                    "            return false;",
                    "        }",
                    "    }"));
        }
    }

    private String noun() {
        return NOUNS[random.nextInt(NOUNS.length)];
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
