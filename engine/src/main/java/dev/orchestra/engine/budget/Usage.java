package dev.orchestra.engine.budget;

/** What a step consumed: tool processes and model calls, tokens and cost (model agents only). */
public record Usage(int toolRuns, int modelCalls, long inputTokens, long outputTokens, double cost) {
    public static final Usage NONE = new Usage(0, 0, 0, 0, 0.0);

    public static Usage oneToolRun() {
        return new Usage(1, 0, 0, 0, 0.0);
    }

    public Usage plus(Usage other) {
        return new Usage(toolRuns + other.toolRuns, modelCalls + other.modelCalls,
                inputTokens + other.inputTokens, outputTokens + other.outputTokens, cost + other.cost);
    }
}
