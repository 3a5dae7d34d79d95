package dev.orchestra.jenkins;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calls of the Orchestra steps in a Pipeline script, checked against workflow-cps's rules as the tests read them:
 * a step that takes a body must be given one on every call ({@code DSL.invokeStep}), a step that takes none cannot be
 * given one ({@code DSL.parseArgs} then sees two arguments and refuses them), and each step serves its phases only.
 */
final class CallShapes {
    private static final Pattern CALL = Pattern.compile("\\b(orchestrate|orchestrateWithTests)\\b(\\s*\\(|\\s+phase:)");
    private static final Pattern PHASE = Pattern.compile("phase:\\s*'(\\w+)'");

    private CallShapes() {}

    /** One call: the step, its phase (null when not a literal), whether a body follows, where it is. */
    record Call(String step, String phase, boolean body, int line) {}

    static List<Call> calls(String script) {
        List<Call> calls = new ArrayList<>();
        Matcher m = CALL.matcher(script);
        while (m.find()) {
            if (isDefinitionOrComment(script, m.start())) {
                continue;
            }
            int end = m.group(2).strip().equals("(") ? closing(script, m.end() - 1) : lineEnd(script, m.end());
            String arguments = script.substring(m.end(), end);
            Matcher phase = PHASE.matcher(arguments);
            String rest = script.substring(end + (m.group(2).strip().equals("(") ? 1 : 0)).stripLeading();
            calls.add(new Call(m.group(1), phase.find() ? phase.group(1) : null, rest.startsWith("{"),
                    (int) script.substring(0, m.start()).lines().count()));
        }
        return calls;
    }

    /** What is wrong with a call, or null. */
    static String problem(Call call) {
        if (call.step().equals("orchestrateWithTests")) {
            if (!call.body()) {
                return "orchestrateWithTests takes a body on every call";
            }
            return List.of("implement", "run").contains(call.phase()) ? null
                    : "orchestrateWithTests serves phases implement and run, not " + call.phase();
        }
        return call.body() ? "orchestrate takes no body" : null;
    }

    private static boolean isDefinitionOrComment(String script, int at) {
        int lineStart = script.lastIndexOf('\n', at) + 1;
        String before = script.substring(lineStart, at);
        return before.contains("//") || before.strip().startsWith("*") || before.endsWith("def ")
                || script.startsWith("orchestrate(args", at);
    }

    private static int closing(String script, int open) {
        int depth = 0;
        for (int i = open; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("unbalanced call at " + open);
    }

    private static int lineEnd(String script, int from) {
        int end = script.indexOf('\n', from);
        return end < 0 ? script.length() : end;
    }
}
