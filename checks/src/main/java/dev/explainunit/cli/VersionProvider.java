package dev.explainunit.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ExplainUnitCommand.class.getPackage().getImplementationVersion();
        return new String[] {"explainunit " + (version == null ? "(development build)" : version)};
    }
}
