package io.vecnet.cli;

import io.vecnet.data.Dataset;
import io.vecnet.io.CsvDataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One-line warnings about labelled data read from a file: a first row that may well be a header,
 * read as a row of its own class; classes with a single row, which a model can hardly learn.
 */
final class DataWarnings {
    /** The most classes a warning names. */
    private static final int NAMED = 5;
    private static final String HEADER_OF_NUMBERS = "; if the first line is a header of numbers, use --header yes";

    private DataWarnings() {
    }

    /** Warns, on {@code err}, when the first row of {@code file} may be a header. */
    static void suspectedHeader(PrintWriter err, String command, Path file, CsvDataset.LabelledData data) {
        if (data.suspectedHeaderLine() > 0) {
            warn(err, command, file + " line " + data.suspectedHeaderLine() + " was read as a row of class "
                    + className(data, data.data().label(0)) + ", which no other row has; if that line is a header, "
                    + "use --header yes");
        }
    }

    /**
     * Warns, on {@code err}, when a line of numbers was taken for a header only because the next
     * line's label is one of the model's classes and its own is not: a row with a misspelt label.
     */
    static void headerOfNumbers(PrintWriter err, String command, Path file, CsvDataset.Examples examples) {
        if (examples.headerOfNumbersLine() > 0) {
            warn(err, command, file + " line " + examples.headerOfNumbersLine() + " was taken for a header: its "
                    + "features are numbers, but its label is none of the model's classes and the next line's is; "
                    + "if it is a row, --header no reads it as one");
        }
    }

    /**
     * Warns, on {@code err}, of the classes with a single row, but a first row's already warned of as a
     * header; when the first row may be a header of numbers ({@link #firstRowNumbersTheColumns}), says so.
     */
    static void singleRowClasses(PrintWriter err, String command, CsvDataset.LabelledData data) {
        List<String> single = new ArrayList<>();
        int[] rows = rowsPerClass(data.data());
        for (int k = 0; k < rows.length; k++) {
            boolean suspected = data.suspectedHeaderLine() > 0 && k == data.data().label(0);
            if (rows[k] == 1 && !suspected) {
                single.add(className(data, k));
            }
        }
        if (!single.isEmpty()) {
            warn(err, command, classesHave(single) + " a single row: too few to learn "
                    + (single.size() == 1 ? "it" : "them") + " from"
                    + (firstRowNumbersTheColumns(data) ? HEADER_OF_NUMBERS : ""));
        }
    }

    /**
     * Warns, on {@code err}, of numbered classes no row has: labels are class numbers 0..K-1, so a gap
     * or a stray large number (a header of numbers read as a row) leaves classes the model cannot learn.
     * The header is suggested only when the first row's class is one no other row has, as a header's
     * label that set K would be: classes asked for with --classes beyond the labels are empty whatever
     * the first line is. A header of column numbers was suggested with the classes of a single row.
     */
    static void emptyClasses(PrintWriter err, String command, CsvDataset.LabelledData data) {
        List<String> empty = new ArrayList<>();
        int[] rows = rowsPerClass(data.data());
        for (int k = 0; k < rows.length; k++) {
            if (rows[k] == 0) {
                empty.add(className(data, k));
            }
        }
        if (!empty.isEmpty()) {
            boolean header = firstRowAlone(data.data()) && !firstRowNumbersTheColumns(data);
            warn(err, command, classesHave(empty) + " no rows (labels are class numbers 0.." + (rows.length - 1)
                    + ")" + (header ? HEADER_OF_NUMBERS : ""));
        }
    }

    /** Whether the first row's class is one no other row has. */
    private static boolean firstRowAlone(Dataset data) {
        for (int i = 1; i < data.size(); i++) {
            if (data.label(i) == data.label(0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the first row, label included, holds the numbers 0..n-1 of its n columns, in a class no
     * other row has: the header pandas writes for an array's numbered columns, read as a row.
     */
    private static boolean firstRowNumbersTheColumns(CsvDataset.LabelledData data) {
        Dataset rows = data.data();
        double[] cells = new double[rows.dimensions() + 1];
        for (int j = 0; j < rows.dimensions(); j++) {
            cells[j] = rows.feature(0, j);
        }
        cells[rows.dimensions()] = labelValue(data, rows.label(0));
        Arrays.sort(cells);
        for (int j = 0; j < cells.length; j++) {
            if (cells[j] != j) {
                return false;
            }
        }
        return firstRowAlone(rows);
    }

    /** The number class {@code k}'s label was: its class number, or its name read as one (NaN for a word). */
    private static double labelValue(CsvDataset.LabelledData data, int k) {
        if (data.classNames().isEmpty()) {
            return k;
        }
        try {
            return Double.parseDouble(data.classNames().get(k));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static void warn(PrintWriter err, String command, String warning) {
        err.println(command + ": warning: " + warning);
        err.flush();
    }

    /** {@code class 2 has} or {@code classes 1, 2 have}, naming at most {@link #NAMED} of them. */
    private static String classesHave(List<String> names) {
        String named = String.join(", ", names.subList(0, Math.min(NAMED, names.size())))
                + (names.size() > NAMED ? " and " + (names.size() - NAMED) + " more" : "");
        return names.size() == 1 ? "class " + named + " has" : "classes " + named + " have";
    }

    private static int[] rowsPerClass(Dataset data) {
        int[] rows = new int[data.classes()];
        for (int i = 0; i < data.size(); i++) {
            rows[data.label(i)]++;
        }
        return rows;
    }

    /** {@code 'setosa'} for a named class, {@code 2} for a numbered one. */
    private static String className(CsvDataset.LabelledData data, int k) {
        return data.classNames().isEmpty() ? Integer.toString(k) : "'" + Text.oneLine(data.classNames().get(k)) + "'";
    }
}
