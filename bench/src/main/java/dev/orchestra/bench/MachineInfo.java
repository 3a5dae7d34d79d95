package dev.orchestra.bench;

/** The machine a benchmark ran on, for the first line of its table. */
final class MachineInfo {
    private MachineInfo() {}

    static String describe() {
        return "Machine: " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", " + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }
}
