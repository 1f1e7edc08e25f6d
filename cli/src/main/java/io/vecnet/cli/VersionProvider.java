package io.vecnet.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest, and the running JDK. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VecnetCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "vecnet " + (version == null ? "(development build)" : version),
            "JDK " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
