package io.vecnet.cli;

import io.vecnet.io.CsvDataset;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --header}, mixed into every command that reads a CSV file: whether its first line is a header. */
final class HeaderOption {
    private static final String NAME = "--header";

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = NAME, paramLabel = "auto|yes|no", defaultValue = "auto", converter = Converter.class,
            description = "Whether the first line of --data is a header of column names: yes, no, or auto (a "
                    + "header when none of its feature cells is a number, or when its label is not a number "
                    + "while the next line's is; in predict and plot, when it names the model's features, or, for "
                    + "a model with class names but no feature names, when its label is none of the classes while "
                    + "the next line's is one). A header made of numbers only, such as 0,1,2,3, needs yes, unless "
                    + "it names the model's features.")
    CsvDataset.Header header;

    /** Refuses {@code --header} without a file to read, and {@code --header no} with a label column found by name. */
    void check(boolean readsAFile, CsvDataset.LabelColumn labelColumn) {
        if (!readsAFile && spec.commandLine().getParseResult().hasMatchedOption(NAME)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    NAME + " describes the first line of a --data file; the spiral has none");
        }
        if (header == CsvDataset.Header.NO && labelColumn != null && labelColumn.name() != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--label-column " + labelColumn
                    + " finds the labels by the header's names; it cannot be used with " + NAME + " no");
        }
    }

    /** Parses {@code auto|yes|no}. */
    static final class Converter implements CommandLine.ITypeConverter<CsvDataset.Header> {
        @Override
        public CsvDataset.Header convert(String value) {
            try {
                return CsvDataset.Header.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
