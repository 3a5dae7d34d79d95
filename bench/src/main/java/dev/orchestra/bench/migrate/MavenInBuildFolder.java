package dev.orchestra.bench.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A two-line script for {@code ORCHESTRA_MAVEN} that runs {@code mvn -f <build folder>/pom.xml}: Orchestra's
 * tool agents run Maven in the repository's top folder and have no setting for a build folder below it.
 */
final class MavenInBuildFolder {
    private MavenInBuildFolder() {}

    /** Writes the script for {@code repo} into {@code folder} and returns it. */
    static Path write(Path folder, RepositoryCase repo) throws IOException {
        Path script = folder.resolve("mvn-in-" + repo.buildDir().replaceAll("[^A-Za-z0-9_.-]", "_") + ".sh");
        Files.writeString(script, "#!/bin/sh\nexec mvn -f '" + repo.buildDir() + "/pom.xml' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
