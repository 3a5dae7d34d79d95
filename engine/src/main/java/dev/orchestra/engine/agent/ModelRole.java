package dev.orchestra.engine.agent;

import java.util.Arrays;
import java.util.Optional;

/** The model agents' roles: the name plans use, their system prompt and the shape of their answer. */
public enum ModelRole {
    CODE_WRITER("code-writer", "edits"),
    TEST_WRITER("test-writer", "edits"),
    REFACTORER("refactorer", "edits"),
    REVIEWER("reviewer", "review");

    private final String agentName;
    private final String schema;

    ModelRole(String agentName, String schema) {
        this.agentName = agentName;
        this.schema = schema;
    }

    /** The name a plan step's {@code agent} field uses, and the name of the role's system prompt. */
    public String agentName() {
        return agentName;
    }

    /**
     * The shape of the role's answer: {@code edits} (SEARCH/REPLACE blocks, or the same edits as JSON) or
     * {@code review} (the JSON schema {@code prompts/review.schema.json}).
     */
    public String schema() {
        return schema;
    }

    /** True for roles that change files (all but the reviewer). */
    public boolean writes() {
        return this != REVIEWER;
    }

    public static Optional<ModelRole> named(String agentName) {
        return Arrays.stream(values()).filter(r -> r.agentName.equals(agentName)).findFirst();
    }
}
