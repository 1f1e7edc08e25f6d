package io.vecnet.cli;

import io.vecnet.io.AtomicFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import picocli.CommandLine;

/**
 * A chart drawn headless with java.awt, in RGB without alpha, which JPEG needs: a plot area with
 * ticked, labelled axes, a title and a legend. It is written as PNG or JPEG by its file's extension.
 */
final class Chart {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final int LEFT = 80;
    static final int RIGHT = 30;
    static final int TOP = 44;
    static final int BOTTOM = 64;
    private static final Color INK = new Color(0x222222);
    private static final Color GRID = new Color(0, 0, 0, 28);

    /** One legend line: a colour swatch, drawn as a dot or a line, and its text. */
    /** A legend line: a marker of {@code color} (a line or a dot), or none when the color is null. */
    record LegendEntry(String text, Color color, boolean line) {
        /** A line of text alone, such as how many entries were left out. */
        static LegendEntry note(String text) {
            return new LegendEntry(text, null, false);
        }
    }

    final BufferedImage image;
    final Graphics2D g;
    final PlotArea area;

    Chart(int width, int height, double xMin, double xMax, double yMin, double yMax) {
        if (width < LEFT + RIGHT + 50 || height < TOP + BOTTOM + 50) {
            throw new IllegalArgumentException("a chart needs at least " + (LEFT + RIGHT + 50) + "x"
                    + (TOP + BOTTOM + 50) + " pixels, got " + width + "x" + height);
        }
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        area = new PlotArea(LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM, xMin, xMax, yMin, yMax);
    }

    /** Grid lines, the frame, tick labels, axis titles and the chart title, drawn over the data area. */
    void axes(String title, String xTitle, String yTitle) {
        FontMetrics metrics = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (double x : ticks(area.xMin(), area.xMax())) {
            int px = area.pixelX(x);
            g.setColor(GRID);
            g.drawLine(px, area.top(), px, area.top() + area.height());
            g.setColor(INK);
            g.drawLine(px, area.top() + area.height(), px, area.top() + area.height() + 5);
            String label = format(x);
            g.drawString(label, px - metrics.stringWidth(label) / 2, area.top() + area.height() + 7 + metrics.getAscent());
        }
        for (double y : ticks(area.yMin(), area.yMax())) {
            int py = area.pixelY(y);
            g.setColor(GRID);
            g.drawLine(area.left(), py, area.left() + area.width(), py);
            g.setColor(INK);
            g.drawLine(area.left() - 5, py, area.left(), py);
            String label = format(y);
            g.drawString(label, area.left() - 8 - metrics.stringWidth(label), py + metrics.getAscent() / 2 - 1);
        }
        g.setColor(INK);
        g.drawRect(area.left(), area.top(), area.width(), area.height());
        g.drawString(xTitle, area.left() + (area.width() - metrics.stringWidth(xTitle)) / 2,
                image.getHeight() - 14);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yTitle, -(area.top() + (area.height() + metrics.stringWidth(yTitle)) / 2), 20);
        g.setTransform(saved);
        Font font = g.getFont();
        g.setFont(font.deriveFont(Font.BOLD, 15f));
        g.drawString(title, area.left(), area.top() - 16);
        g.setFont(font);
    }

    /** A boxed legend in the plot area's top right corner. */
    void legend(List<LegendEntry> entries) {
        FontMetrics metrics = g.getFontMetrics();
        int lineHeight = metrics.getHeight() + 2;
        int textWidth = entries.stream().mapToInt(e -> metrics.stringWidth(e.text())).max().orElse(0);
        int boxWidth = textWidth + 40;
        int boxHeight = entries.size() * lineHeight + 10;
        int x = area.left() + area.width() - boxWidth - 10;
        int y = area.top() + 10;
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(x, y, boxWidth, boxHeight);
        g.setStroke(new BasicStroke(1f));
        g.setColor(INK);
        g.drawRect(x, y, boxWidth, boxHeight);
        for (int i = 0; i < entries.size(); i++) {
            LegendEntry entry = entries.get(i);
            int baseline = y + 5 + i * lineHeight + metrics.getAscent();
            int middle = baseline - metrics.getAscent() / 2 + 1;
            if (entry.color() != null) {
                g.setColor(entry.color());
                if (entry.line()) {
                    g.setStroke(new BasicStroke(2f));
                    g.drawLine(x + 8, middle, x + 26, middle);
                } else {
                    g.fillOval(x + 12, middle - 5, 10, 10);
                }
            }
            g.setColor(INK);
            g.drawString(entry.text(), x + 32, baseline);
        }
    }

    /**
     * The ImageIO format of a chart written to {@code file}, by its extension, case aside: png for
     * .png and for a name without an extension (such as /dev/stdout), jpeg for .jpg and .jpeg; empty
     * for any other extension.
     */
    static Optional<String> imageFormat(Path file) {
        return switch (extension(file).toLowerCase(Locale.ROOT)) {
            case "", "png" -> Optional.of("png");
            case "jpg", "jpeg" -> Optional.of("jpeg");
            default -> Optional.empty();
        };
    }

    /** What follows the last dot of the file's name; empty when there is none (a leading dot hides a file). */
    private static String extension(Path file) {
        Path name = file.getFileName();
        String fileName = name == null ? "" : name.toString();
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot + 1);
    }

    /** Refuses, as a bad {@code option}, a file whose extension is not one a chart is written with. */
    static void requireFormat(CommandLine commandLine, String option, Path file) {
        if (imageFormat(file).isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, option + " " + file + ": cannot write a ."
                    + extension(file) + " image; the extension picks PNG (.png) or JPEG (.jpg, .jpeg)");
        }
    }

    /**
     * Encodes the image in memory in the format {@code file}'s extension names, then writes it:
     * ImageIO, writing straight to a file that fails, leaves a stream behind that its shutdown hook
     * then fails to close, with a stack trace.
     */
    void write(Path file) throws IOException {
        String format = imageFormat(file).orElseThrow(() -> new IllegalArgumentException(file
                + ": a chart is written as .png, .jpg or .jpeg"));
        g.dispose();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, encoded)) {
            throw new IOException(file + ": this JDK cannot write " + format + " images");
        }
        AtomicFile.write(file, encoded::writeTo);
    }

    /** Round tick values (1, 2 or 5 times a power of ten apart), about six of them, inside [min, max]. */
    static double[] ticks(double min, double max) {
        double rough = (max - min) / 6;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = rough / power < 1.5 ? power : rough / power < 3.5 ? 2 * power : rough / power < 7.5 ? 5 * power
                : 10 * power;
        long first = (long) Math.ceil(min / step);
        long last = (long) Math.floor(max / step);
        double[] ticks = new double[(int) (last - first + 1)];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = (first + i) * step;
        }
        return ticks;
    }

    /** A tick value without float noise: 0.30000000000000004 becomes 0.3, 2000.0 becomes 2000. */
    static String format(double value) {
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0
                ? String.format(Locale.ROOT, "%.3g", value) : rounded.toPlainString();
    }
}
