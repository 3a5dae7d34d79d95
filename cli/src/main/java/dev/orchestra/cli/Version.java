package dev.orchestra.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code orchestra --version}, from the jar manifest when there is one. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"orchestra " + (version == null ? "(development build)" : version)};
    }
}
