package org.assistance.deploy.manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the files under test are: read in place, so that editing one needs no rebuild of this module. */
final class Repository {
    private Repository() {}

    static Path root() {
        String configured = System.getProperty("assistance.root");
        if (configured != null && Files.isDirectory(Paths.get(configured, "deploy", "k8s"))) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        // run from an IDE without Maven's property: walk up to the checkout
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/k8s")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "cannot find the repository (deploy/k8s) from " + Paths.get("").toAbsolutePath());
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    /** The project version, which tags the images. */
    static String version() {
        String version = System.getProperty("assistance.version");
        if (version == null) {
            throw new IllegalStateException("system property assistance.version is not set (run through Maven)");
        }
        return version;
    }
}
