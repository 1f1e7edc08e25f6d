package io.vecnet.cli;

import java.awt.Color;

/** One colour per class for data points, and a pale tint of it for the class's decision region. */
final class Palette {
    private static final int[] POINTS = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf
    };
    private static final float REGION_TINT = 0.3f;

    private Palette() {
    }

    static Color point(int classIndex) {
        if (classIndex < POINTS.length) {
            return new Color(POINTS[classIndex]);
        }
        float hue = (float) ((classIndex * 0.618033988749895) % 1.0);
        return Color.getHSBColor(hue, 0.75f, 0.8f);
    }

    static Color region(int classIndex) {
        Color c = point(classIndex);
        return new Color(tint(c.getRed()), tint(c.getGreen()), tint(c.getBlue()));
    }

    private static int tint(int channel) {
        return Math.round(255 - REGION_TINT * (255 - channel));
    }
}
