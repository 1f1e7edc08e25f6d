package io.vecnet.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A rectangular table of finite numbers read from a CSV file, remembering the line of each row.
 * Cells are separated by commas and may be padded with spaces; blank lines are skipped. The first
 * line is a header when none of its cells is a number.
 */
final class CsvTable {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    final Path file;
    final int columns;
    final int rows;
    private final double[] values;
    private final int[] lines;

    private CsvTable(Path file, int columns, int rows, double[] values, int[] lines) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
        this.values = values;
        this.lines = lines;
    }

    double get(int row, int column) {
        return values[row * columns + column];
    }

    /** The 1-based line of the file that holds {@code row}. */
    int lineOf(int row) {
        return lines[row];
    }

    static CsvTable read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new CsvException(file, "is a directory, not a CSV file");
        }
        if (!Files.exists(file)) {
            throw new CsvException(file, "no such file");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file, reader);
        } catch (NoSuchFileException e) {
            throw new CsvException(file, "no such file");
        } catch (CharacterCodingException e) {
            throw new CsvException(file, "is not a UTF-8 text file");
        }
    }

    private static CsvTable parse(Path file, BufferedReader reader) throws IOException {
        Builder table = new Builder(file);
        boolean firstLine = true;
        boolean header = false;
        String line;
        for (int number = 1; (line = reader.readLine()) != null; number++) {
            if (firstLine && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (firstLine && isHeader(cells)) {
                header = true;
            } else {
                table.add(cells, number);
            }
            firstLine = false;
        }
        if (firstLine) {
            throw new CsvException(file, "is empty");
        }
        if (table.rows == 0) {
            throw new CsvException(file, header ? "has a header but no data rows" : "has no data rows");
        }
        return table.build();
    }

    private static boolean isHeader(String[] cells) {
        return Arrays.stream(cells).map(String::strip)
                .noneMatch(c -> NUMBER.matcher(c).matches() || NOT_FINITE.matcher(c).matches());
    }

    private static final class Builder {
        private final Path file;
        private int columns = -1;
        private int firstRowLine;
        private int rows;
        private double[] values = new double[1024];
        private int[] lines = new int[64];

        Builder(Path file) {
            this.file = file;
        }

        void add(String[] cells, int line) throws CsvException {
            if (columns < 0) {
                columns = cells.length;
                firstRowLine = line;
            } else if (cells.length != columns) {
                throw new CsvException(file, line, cells.length + " " + (cells.length == 1 ? "value" : "values")
                        + ", but line " + firstRowLine + " has " + columns);
            }
            ensureCapacity();
            for (int c = 0; c < columns; c++) {
                values[rows * columns + c] = parseCell(cells[c].strip(), c, line);
            }
            lines[rows++] = line;
        }

        private double parseCell(String cell, int column, int line) throws CsvException {
            String where = "column " + (column + 1);
            if (cell.isEmpty()) {
                throw new CsvException(file, line, where + " is empty");
            }
            if (NOT_FINITE.matcher(cell).matches()) {
                throw new CsvException(file, line, where + " is " + cell + "; values must be finite numbers");
            }
            if (!NUMBER.matcher(cell).matches()) {
                throw new CsvException(file, line, where + " '" + abbreviate(cell) + "' is not a number");
            }
            double value = Double.parseDouble(cell);
            if (Math.abs(value) > Float.MAX_VALUE) {
                throw new CsvException(file, line, where + " " + cell + " is too large for a float32");
            }
            return value;
        }

        private void ensureCapacity() {
            if ((rows + 1) * (long) columns > values.length) {
                values = Arrays.copyOf(values, Math.toIntExact(Math.max(2L * values.length, (rows + 1L) * columns)));
            }
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, 2 * lines.length);
            }
        }

        CsvTable build() {
            return new CsvTable(file, columns, rows, values, lines);
        }
    }

    private static String abbreviate(String cell) {
        return cell.length() > 40 ? cell.substring(0, 37) + "..." : cell;
    }
}
