package io.vecnet.cli;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Classifier;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** 2-D data as a scatter coloured by class, over a model's decision regions when there is a model. */
final class BoundaryPlot {
    private static final double MARGIN = 0.1;
    private static final int POINT_DIAMETER = 8;
    /** Up to this many points get a dark outline; more would merge into a dark mass. */
    private static final int OUTLINED_POINTS = 2_000;
    /** The most characters of a feature's name an axis shows. */
    private static final int AXIS_TITLE_CHARS = 60;
    /** The most classes the legend names; the rest are counted. */
    static final int LEGEND_CLASSES = 12;

    private BoundaryPlot() {
    }

    /**
     * Draws {@code data}, its classes named in the legend by {@code classNames} (numbered when it is
     * empty) and its axes by {@code featureNames} ({@code x1} and {@code x2} when it is empty), over
     * the decision regions of {@code model} unless it is null.
     */
    static Chart draw(Dataset data, List<String> classNames, List<String> featureNames, Classifier model,
                      Kernels kernels, int width, int height) {
        if (data.dimensions() != 2) {
            throw new CommandFailedException("a plot shows 2-D data; this data has "
                    + Recipe.counted(data.dimensions(), "feature"));
        }
        double[] x = range(data, 0);
        double[] y = range(data, 1);
        Chart chart = new Chart(width, height, x[0], x[1], y[0], y[1]);
        int classes = data.classes();
        if (model != null) {
            classes = Math.max(classes, model.classes());
            drawRegions(chart, model, kernels);
        }
        chart.axes(model == null ? "Data" : "Decision regions of the " + model.network().spec().describe() + " model",
                axisTitle(featureNames, 0), axisTitle(featureNames, 1));
        drawPoints(chart, data);
        chart.legend(legend(classes, classNames));
        return chart;
    }

    /** Feature {@code j}'s name on one line, shortened to fit under the plot; {@code x1}, {@code x2} when it has none. */
    static String axisTitle(List<String> featureNames, int j) {
        String name = featureNames.isEmpty() ? "" : Text.oneLine(featureNames.get(j));
        if (name.isBlank()) {
            return "x" + (j + 1);
        }
        return name.length() <= AXIS_TITLE_CHARS ? name : name.substring(0, AXIS_TITLE_CHARS - 1) + "\u2026";
    }

    /** The plot area for {@code data} in an image of the given size, as {@link #draw} lays it out. */
    static PlotArea area(Dataset data, int width, int height) {
        double[] x = range(data, 0);
        double[] y = range(data, 1);
        return new PlotArea(Chart.LEFT, Chart.TOP, width - Chart.LEFT - Chart.RIGHT, height - Chart.TOP - Chart.BOTTOM,
                x[0], x[1], y[0], y[1]);
    }

    /** Colours each pixel of the plot area by the class the model predicts at its centre, a row of pixels at a time. */
    private static void drawRegions(Chart chart, Classifier model, Kernels kernels) {
        PlotArea area = chart.area;
        Matrix row = new Matrix(area.width(), 2);
        for (int px = 0; px < area.width(); px++) {
            row.set(px, 0, (float) area.dataX(area.left() + px));
        }
        for (int py = area.top(); py < area.top() + area.height(); py++) {
            float dataY = (float) area.dataY(py);
            for (int px = 0; px < area.width(); px++) {
                row.set(px, 1, dataY);
            }
            int[] predicted = model.predict(row, kernels);
            for (int px = 0; px < area.width(); px++) {
                chart.image.setRGB(area.left() + px, py, Palette.region(predicted[px]).getRGB());
            }
        }
    }

    private static void drawPoints(Chart chart, Dataset data) {
        chart.g.setStroke(new BasicStroke(1f));
        boolean outlined = data.size() <= OUTLINED_POINTS;
        for (int i = 0; i < data.size(); i++) {
            int px = chart.area.pixelX(data.feature(i, 0)) - POINT_DIAMETER / 2;
            int py = chart.area.pixelY(data.feature(i, 1)) - POINT_DIAMETER / 2;
            chart.g.setColor(Palette.point(data.label(i)));
            chart.g.fillOval(px, py, POINT_DIAMETER, POINT_DIAMETER);
            if (outlined) {
                chart.g.setColor(Color.BLACK);
                chart.g.drawOval(px, py, POINT_DIAMETER, POINT_DIAMETER);
            }
        }
    }

    /**
     * One entry per class, its name or {@code class K} when the classes are numbered, for the first
     * {@link #LEGEND_CLASSES} (one fewer and a count of the rest when there are more).
     */
    static List<Chart.LegendEntry> legend(int classes, List<String> classNames) {
        List<Chart.LegendEntry> entries = new ArrayList<>();
        int named = classes <= LEGEND_CLASSES ? classes : LEGEND_CLASSES - 1;
        for (int c = 0; c < named; c++) {
            String text = classNames.isEmpty() ? "class " + c : Text.oneLine(classNames.get(c));
            entries.add(new Chart.LegendEntry(text, Palette.point(c), false));
        }
        if (named < classes) {
            entries.add(Chart.LegendEntry.note("and " + (classes - named) + " more classes"));
        }
        return entries;
    }

    /** Feature {@code column}'s range, widened by a margin on each side (and to a unit width when flat). */
    private static double[] range(Dataset data, int column) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            min = Math.min(min, data.feature(i, column));
            max = Math.max(max, data.feature(i, column));
        }
        double span = max > min ? max - min : 1.0;
        return new double[] {min - MARGIN * span, max + MARGIN * span};
    }
}
