package dev.orchestra.bench.migrate;

/**
 * One repository of the list: where its history is, the commit measured, the folder Maven builds in
 * ({@code .} for the top folder), the pom patch to apply first (null for none), the Maven flags of
 * every test run, and the baseline counts measured when the list was made.
 */
record RepositoryCase(String repo, String commit, String buildDir, String pomPatch, String testFlags, TestCounts baseline) {
    /** The folder name of its bare repository in the mirror folder: {@code owner+name}. */
    String mirrorName() {
        return repo.replace('/', '+');
    }

    boolean buildsAtTop() {
        return buildDir.equals(".");
    }

    /** The test command, the same for the plain way (run in the build folder) and Orchestra's hook. */
    String testCommand() {
        return "mvn -B test " + testFlags;
    }
}
