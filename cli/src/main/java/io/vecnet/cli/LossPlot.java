package io.vecnet.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.util.List;

/** The training loss against the iteration. */
final class LossPlot {
    private static final Color LINE = new Color(0x1f77b4);

    private LossPlot() {
    }

    /** {@code losses[i]} is the loss at iteration {@code i * stride}. */
    static Chart draw(float[] losses, int stride, int width, int height) {
        if (losses.length == 0) {
            throw new IllegalArgumentException("there is no loss curve to plot: training ran 0 iterations");
        }
        double max = 0;
        for (float loss : losses) {
            max = Math.max(max, loss);
        }
        double lastIteration = Math.max(1, (losses.length - 1) * (double) stride);
        Chart chart = new Chart(width, height, 0, lastIteration, 0, max > 0 ? max * 1.05 : 1);
        chart.axes("Training loss", "iteration", "loss");
        Path2D.Double curve = new Path2D.Double();
        for (int i = 0; i < losses.length; i++) {
            double px = chart.area.left() + (i * (double) stride) / lastIteration * chart.area.width();
            double py = chart.area.pixelY(losses[i]);
            if (i == 0) {
                curve.moveTo(px, py);
            } else {
                curve.lineTo(px, py);
            }
        }
        chart.g.setColor(LINE);
        chart.g.setStroke(new BasicStroke(2f));
        chart.g.draw(curve);
        chart.legend(List.of(new Chart.LegendEntry("loss (data + L2)", LINE, true)));
        return chart;
    }
}
