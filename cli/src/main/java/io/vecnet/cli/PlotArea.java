package io.vecnet.cli;

/**
 * The rectangle of an image where data is drawn and the data ranges it shows: converts between
 * data coordinates and pixels (y grows upwards in data, downwards in pixels).
 */
record PlotArea(int left, int top, int width, int height, double xMin, double xMax, double yMin, double yMax) {
    int pixelX(double x) {
        return left + (int) Math.floor((x - xMin) / (xMax - xMin) * width);
    }

    int pixelY(double y) {
        return top + height - 1 - (int) Math.floor((y - yMin) / (yMax - yMin) * height);
    }

    /** The data x at the centre of pixel column {@code px}. */
    double dataX(int px) {
        return xMin + (px - left + 0.5) / width * (xMax - xMin);
    }

    /** The data y at the centre of pixel row {@code py}. */
    double dataY(int py) {
        return yMin + (top + height - 1 - py + 0.5) / height * (yMax - yMin);
    }
}
