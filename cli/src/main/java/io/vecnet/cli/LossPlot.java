package io.vecnet.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.util.List;

/** The training loss, and the validation loss when there is one, against the iteration or epoch. */
final class LossPlot {
    private static final Color LINE = new Color(0x1f77b4);
    private static final Color VALIDATION = new Color(0xff7f0e);

    private LossPlot() {
    }

    /** The curve's training loss and, where not NaN, its validation loss, against its unit. */
    static Chart draw(TrainingReport.Curve curve, int width, int height) {
        float[] losses = curve.losses();
        float[] validation = curve.validation();
        int stride = curve.stride();
        if (losses.length == 0) {
            throw new IllegalArgumentException("there is no loss curve to plot: training ran 0 iterations");
        }
        double max = 0;
        for (int i = 0; i < losses.length; i++) {
            max = Math.max(max, Math.max(losses[i], Float.isNaN(validation[i]) ? 0 : validation[i]));
        }
        double first = curve.first();
        double last = Math.max(first + 1, first + (losses.length - 1) * (double) stride);
        Chart chart = new Chart(width, height, first, last, 0, max > 0 ? max * 1.05 : 1);
        boolean validated = !Float.isNaN(validation[0]);
        chart.axes(validated ? "Training and validation loss" : "Training loss", curve.unit(), "loss");
        chart.g.setStroke(new BasicStroke(2f));
        chart.g.setColor(LINE);
        chart.g.draw(curve(chart, losses, stride, first, last));
        if (!validated) {
            chart.legend(List.of(new Chart.LegendEntry("loss (data + L2)", LINE, true)));
            return chart;
        }
        chart.g.setColor(VALIDATION);
        chart.g.draw(curve(chart, validation, stride, first, last));
        chart.legend(List.of(new Chart.LegendEntry("training loss (data + L2)", LINE, true),
                new Chart.LegendEntry("validation loss (data)", VALIDATION, true)));
        return chart;
    }

    private static Path2D.Double curve(Chart chart, float[] values, int stride, double first, double last) {
        Path2D.Double curve = new Path2D.Double();
        for (int i = 0; i < values.length; i++) {
            double px = chart.area.left() + (i * (double) stride) / (last - first) * chart.area.width();
            double py = chart.area.pixelY(values[i]);
            if (i == 0) {
                curve.moveTo(px, py);
            } else {
                curve.lineTo(px, py);
            }
        }
        return curve;
    }
}
