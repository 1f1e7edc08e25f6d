package io.vecnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.nn.Mlp;
import io.vecnet.io.ModelFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
    @TempDir
    Path dir;

    @Test
    void regionColoursAreTheModelsPredictions() throws IOException {
        Path model = dir.resolve("net.vnet");
        assertEquals(0, Cli.run("train", "--hidden", "30", "--iterations", "1500", "--quiet", "--save", model.toString())
                .exitCode());
        Path png = dir.resolve("boundary.png");
        Cli.Run run = Cli.run("plot", "--data", "spiral", "--model", model.toString(), "--out", png.toString(),
                "--width", "640", "--height", "480");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("drew 300 points and the 2 → 30 relu → 3 model's decision regions in " + png + "\n", run.out());

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        Mlp net = ModelFile.load(model).network();
        Dataset spiral = Spiral.generate(1L);
        PlotArea area = BoundaryPlot.area(spiral, 640, 480);
        int sampled = 0;
        int regionPixels = 0;
        Set<Integer> classesSeen = new HashSet<>();
        for (int py = area.top() + 3; py < area.top() + area.height(); py += 9) {
            for (int px = area.left() + 3; px < area.left() + area.width(); px += 9) {
                sampled++;
                int regionClass = regionClassOf(image.getRGB(px, py));
                if (regionClass >= 0) {
                    regionPixels++;
                    classesSeen.add(regionClass);
                    Matrix point = Matrix.of(new float[][] {{(float) area.dataX(px), (float) area.dataY(py)}});
                    assertEquals(net.predict(point, KernelProvider.get())[0], regionClass, "pixel " + px + "," + py);
                }
            }
        }
        assertTrue(regionPixels > sampled / 2, regionPixels + " of " + sampled + " sampled pixels show a region");
        assertEquals(Set.of(0, 1, 2), classesSeen);
    }

    private static int regionClassOf(int rgb) {
        for (int c = 0; c < 3; c++) {
            if (Palette.region(c).getRGB() == rgb) {
                return c;
            }
        }
        return -1;
    }

    @Test
    void withoutAModelThePointsHaveTheirClassColours() throws IOException {
        Path csv = Files.writeString(dir.resolve("two.csv"), "x1,x2,label\n0,1,0\n1,0,1\n");
        Path png = dir.resolve("points.png");
        assertEquals(0, Cli.run("plot", "--data", csv.toString(), "--out", png.toString()).exitCode());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
        PlotArea area = BoundaryPlot.area(new Dataset(Matrix.of(new float[][] {{0, 1}, {1, 0}}), new int[] {0, 1}, 2),
                800, 600);
        assertEquals(Palette.point(0).getRGB(), image.getRGB(area.pixelX(0), area.pixelY(1)));
        assertEquals(Palette.point(1).getRGB(), image.getRGB(area.pixelX(1), area.pixelY(0)));
    }

    @Test
    void onlyTwoDimensionalDataCanBePlotted() {
        Path png = dir.resolve("never.png");
        Path csv = Cli.BAD.resolve("three-features.csv");
        Cli.Run run = Cli.run("plot", "--data", csv.toString(), "--out", png.toString());
        assertEquals(VecnetCommand.EXIT_FAILURE, run.exitCode());
        assertArrayEquals(new String[] {"vecnet plot: " + csv + ": a plot shows 2-D data; this file has 3 features"},
                run.errLines());
        assertFalse(Files.exists(png));
    }

    @Test
    void theModelMustTakeTheDatasFeatures() throws IOException {
        Path model = dir.resolve("wide.vnet");
        ModelFile.save(io.vecnet.nn.Mlp.initialise(io.vecnet.nn.NetworkSpec.linear(3, 2), new Rng(1)), model);
        Cli.Run run = Cli.run("plot", "--data", "spiral", "--model", model.toString(), "--out", dir.resolve("x.png").toString());
        assertArrayEquals(new String[] {"vecnet plot: " + model + ": the model takes 3 features, but spiral has 2"},
                run.errLines());
    }
}
