package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.run.RunRequest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Parses {@code --gates plan,patch,pr} or {@code --gates none}. */
final class GateOption {
    private GateOption() {}

    static Set<String> parse(List<String> values) {
        Set<String> gates = new TreeSet<>();
        for (String value : values) {
            String gate = value.trim().toLowerCase();
            if (gate.equals("none")) {
                if (values.size() > 1) {
                    throw new BadInputException("--gates: 'none' cannot be combined with other gates");
                }
                return Set.of();
            }
            if (!RunRequest.ALL_GATES.contains(gate)) {
                throw new BadInputException("--gates: unknown gate '" + value + "' (known: plan, patch, pr, or none)");
            }
            gates.add(gate);
        }
        return gates;
    }
}
