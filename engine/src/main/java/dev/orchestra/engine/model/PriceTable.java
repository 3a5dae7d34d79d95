package dev.orchestra.engine.model;

import java.util.HashMap;
import java.util.Map;

/**
 * What model calls cost, in US dollars per million input and output tokens. The built-in table holds the list
 * prices OpenAI and Anthropic published for common models as of {@link #BUILT_IN_AS_OF}; the user's
 * configuration ({@code prices:}) overrides it. A model name matches its longest listed prefix, so dated
 * snapshots ({@code gpt-4o-2024-08-06}) cost what their family costs. Unknown models cost 0 and are flagged.
 */
public final class PriceTable {
    /** When the built-in prices were last checked against the providers' price pages. */
    public static final String BUILT_IN_AS_OF = "2025-08";

    /** Dollars per million tokens. */
    public record Price(double inputPerMillion, double outputPerMillion) {}

    private static final Map<String, Price> BUILT_IN = Map.ofEntries(
            Map.entry("gpt-5", new Price(1.25, 10.00)),
            Map.entry("gpt-5-mini", new Price(0.25, 2.00)),
            Map.entry("gpt-5-nano", new Price(0.05, 0.40)),
            Map.entry("gpt-4.1", new Price(2.00, 8.00)),
            Map.entry("gpt-4.1-mini", new Price(0.40, 1.60)),
            Map.entry("gpt-4.1-nano", new Price(0.10, 0.40)),
            Map.entry("gpt-4o", new Price(2.50, 10.00)),
            Map.entry("gpt-4o-mini", new Price(0.15, 0.60)),
            Map.entry("o3", new Price(2.00, 8.00)),
            Map.entry("o3-mini", new Price(1.10, 4.40)),
            Map.entry("o4-mini", new Price(1.10, 4.40)),
            Map.entry("claude-opus-4", new Price(15.00, 75.00)),
            Map.entry("claude-sonnet-4", new Price(3.00, 15.00)),
            Map.entry("claude-3-7-sonnet", new Price(3.00, 15.00)),
            Map.entry("claude-3-5-sonnet", new Price(3.00, 15.00)),
            Map.entry("claude-haiku-4-5", new Price(1.00, 5.00)),
            Map.entry("claude-3-5-haiku", new Price(0.80, 4.00)));

    private final Map<String, Price> prices;

    private PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    public static PriceTable builtIn() {
        return new PriceTable(BUILT_IN);
    }

    /** This table with {@code overrides} winning for the models they name. */
    public PriceTable withOverrides(Map<String, Price> overrides) {
        Map<String, Price> merged = new HashMap<>(prices);
        merged.putAll(overrides);
        return new PriceTable(merged);
    }

    /** The price of {@code model}, or null when neither the table nor the overrides know it. */
    public Price price(String model) {
        if (model == null) {
            return null;
        }
        String best = null;
        for (String listed : prices.keySet()) {
            boolean matches = model.equals(listed) || model.startsWith(listed + "-") || model.startsWith(listed + ":");
            if (matches && (best == null || listed.length() > best.length())) {
                best = listed;
            }
        }
        return best == null ? null : prices.get(best);
    }

    /** False for models whose calls are counted as free because no price is known. */
    public boolean knows(String model) {
        return price(model) != null;
    }

    /** The dollars {@code in} input and {@code out} output tokens of {@code model} cost; 0 when unknown. */
    public double cost(String model, long in, long out) {
        Price price = price(model);
        if (price == null) {
            return 0.0;
        }
        return (in * price.inputPerMillion() + out * price.outputPerMillion()) / 1_000_000.0;
    }
}
