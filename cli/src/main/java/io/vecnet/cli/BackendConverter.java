package io.vecnet.cli;

import io.vecnet.kernels.Backend;
import picocli.CommandLine;

/** Parses {@code auto|vector|scalar} for {@code --kernels}. */
final class BackendConverter implements CommandLine.ITypeConverter<Backend> {
    @Override
    public Backend convert(String value) {
        try {
            return Backend.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
