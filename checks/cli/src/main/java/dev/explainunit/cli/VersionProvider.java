package dev.explainunit.cli;

import dev.explainunit.report.RunInfo;
import picocli.CommandLine;

/** The project version, as the build recorded it. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {RunInfo.toolVersion()};
    }
}
