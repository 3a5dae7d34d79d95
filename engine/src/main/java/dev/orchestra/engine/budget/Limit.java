package dev.orchestra.engine.budget;

/** The limits of a {@link Budget}, each with the command-line flag that sets it. */
public enum Limit {
    TOKENS("token budget", "--max-tokens"),
    COST("cost budget", "--max-cost"),
    MODEL_CALLS("model call budget", "--max-model-calls"),
    WALL_TIME("time budget", "--max-minutes"),
    FIX_ITERATIONS("fix iteration budget", "--max-fix-iterations");

    private final String title;
    private final String flag;

    Limit(String title, String flag) {
        this.title = title;
        this.flag = flag;
    }

    /** How messages name the limit: {@code token budget}. */
    public String title() {
        return title;
    }

    public String flag() {
        return flag;
    }
}
