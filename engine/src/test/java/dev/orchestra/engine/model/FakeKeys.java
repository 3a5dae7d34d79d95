package dev.orchestra.engine.model;

/**
 * Obviously fake credentials in the shapes real ones have, built at run time so that no key-shaped
 * string is ever stored in the repository (secret scanners stay quiet, and nobody mistakes one for
 * a real key). Every value says FAKE.
 */
public final class FakeKeys {
    private FakeKeys() {}

    public static String openAi() {
        return "sk" + "-proj-" + "FAKExFAKExFAKE0000not0real";
    }

    public static String anthropic() {
        return "sk" + "-ant-" + "api03-FAKExFAKE0000not0real";
    }

    public static String aws() {
        return "AK" + "IA" + "FAKEFAKEFAKE0000";
    }

    public static String github() {
        return "gh" + "p_" + "FAKEfakeFAKEfake0000not0real";
    }

    public static String slack() {
        return "xo" + "xb-" + "0000000000-FAKEfakeFAKE";
    }
}
