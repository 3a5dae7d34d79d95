package dev.orchestra.engine.agent;

import dev.orchestra.engine.BadInputException;
import dev.orchestra.engine.model.ModelClient;
import dev.orchestra.engine.model.ModelReply;
import dev.orchestra.engine.model.ModelSettings;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** Registers the model agents (code writer, test writer, refactorer, reviewer) with a registry. */
public final class ModelAgents {
    /** How many answers an agent may give for one step (the first plus retries with the apply error). */
    public static final int MAX_ATTEMPTS = 3;

    private ModelAgents() {}

    /**
     * Adds the four model agents. With no model ({@code model == null}) they are still known, so a
     * plan naming them gets a clear error instead of "unknown agent".
     */
    public static AgentRegistry register(AgentRegistry registry, ModelClient model, ModelSettings settings,
                                         ToDoubleFunction<ModelReply> pricing) {
        for (ModelRole role : ModelRole.values()) {
            registry.register(AgentFactory.of(role.agentName(), Set.of("files", "new-files"), step -> {
                if (model == null) {
                    throw new BadInputException("step '" + step.id() + "' (" + role.agentName() + ") needs a model: pass "
                            + "--model PROVIDER:MODEL or set 'model:' in .orchestra/config.yml");
                }
                return new ModelAgent(role, model, settings, ModelStepFiles.of(step), step.acceptance(), MAX_ATTEMPTS, pricing);
            }));
        }
        return registry;
    }
}
