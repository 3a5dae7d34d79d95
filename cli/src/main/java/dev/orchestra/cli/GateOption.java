package dev.orchestra.cli;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.gate.Gate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Parses {@code --gates plan,patch,pr} or {@code --gates none}. */
final class GateOption {
    private GateOption() {}

    static Set<Gate> parse(List<String> values) {
        Set<Gate> gates = EnumSet.noneOf(Gate.class);
        for (String value : values) {
            if (value.trim().equalsIgnoreCase("none")) {
                if (values.size() > 1) {
                    throw new BadInputException("--gates: 'none' cannot be combined with other gates");
                }
                return Set.of();
            }
            gates.add(Gate.of(value));
        }
        return gates;
    }
}
