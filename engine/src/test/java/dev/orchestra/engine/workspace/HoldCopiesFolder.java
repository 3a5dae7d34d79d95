package dev.orchestra.engine.workspace;

import java.nio.file.Path;

/**
 * A separate orchestra-like process for the copies-folder tests: creates its private copies folder under the temp
 * root named by its first argument, prints the folder's path and sleeps until killed.
 */
public final class HoldCopiesFolder {
    private HoldCopiesFolder() {}

    public static void main(String[] args) throws Exception {
        CopiesFolder folder = CopiesFolder.create(Path.of(args[0]));
        java.nio.file.Files.createDirectory(folder.dir().resolve("step-1"));
        System.out.println(folder.dir());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
