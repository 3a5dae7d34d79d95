package dev.orchestra.engine.output;

import java.util.List;

/** A list of names for one line: all of them when few, else the first ones and "and N more". */
public final class ShortList {
    private ShortList() {}

    /** The items joined with commas, at most {@code shown} of them, then "and N more". */
    public static String of(List<String> items, int shown) {
        return of(items, shown, ", ");
    }

    /** The items joined with {@code separator}, at most {@code shown} of them, then "and N more". */
    public static String of(List<String> items, int shown, String separator) {
        if (items.size() <= shown) {
            return String.join(separator, items);
        }
        return String.join(separator, items.subList(0, shown)) + " and " + (items.size() - shown) + " more";
    }
}
