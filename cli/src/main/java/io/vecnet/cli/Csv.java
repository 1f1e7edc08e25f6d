package io.vecnet.cli;

/** Writing CSV cells as RFC 4180 reads them. */
final class Csv {
    private Csv() {
    }

    /** The cell as is, or quoted with its quotes doubled when it holds a comma, a quote or a line break. */
    static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
