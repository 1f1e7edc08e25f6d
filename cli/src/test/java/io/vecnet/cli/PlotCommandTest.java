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
import io.vecnet.nn.Classifier;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.io.ModelFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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

    /** The file's first four bytes, big-endian. */
    static int magic(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | bytes[3] & 0xFF;
    }

    /** The extension picks PNG or JPEG, case aside; any other is refused before anything is drawn or written. */
    @Test
    void theImageFormatFollowsTheExtension() throws IOException {
        for (String name : new String[] {"boundary.jpg", "boundary.JPEG", "boundary.png", "boundary"}) {
            Path image = dir.resolve(name);
            Cli.Run run = Cli.run("plot", "--data", "spiral", "--out", image.toString(), "--width", "320",
                    "--height", "240");
            assertEquals(0, run.exitCode(), run.err());
            boolean jpeg = name.toLowerCase(Locale.ROOT).matches(".*\\.jpe?g");
            assertEquals(jpeg ? 0xFFD8FF : 0x89504E, magic(image) >>> 8, name + ": JPEG's start of image, or PNG's");
            assertEquals(320, ImageIO.read(image.toFile()).getWidth(), name);
        }
        Path gif = dir.resolve("boundary.gif");
        Cli.Run refused = Cli.run("plot", "--data", "spiral", "--out", gif.toString());
        assertEquals(VecnetCommand.EXIT_USAGE, refused.exitCode());
        assertArrayEquals(new String[] {"vecnet plot: --out " + gif + ": cannot write a .gif image; the extension "
                + "picks PNG (.png) or JPEG (.jpg, .jpeg) (see 'vecnet plot --help')"}, refused.errLines());
        assertFalse(Files.exists(gif));
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
    void theSpiralsOptionsAreRefusedWithAFile() {
        Path csv = Cli.BAD.resolve("three-features.csv");
        Cli.Run run = Cli.run("plot", "--data", csv.toString(), "--points", "7", "--out", dir.resolve("x.png").toString());
        assertEquals(VecnetCommand.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().startsWith("vecnet plot: --points describes the generated spiral; it cannot be used with "
                + "--data " + csv), run.err());
    }

    @Test
    void theAxesAreTitledWithTheFeaturesNames() {
        assertEquals("x1", BoundaryPlot.axisTitle(List.of(), 0));
        assertEquals("x2", BoundaryPlot.axisTitle(List.of("a", " "), 1), "a blank name");
        assertEquals("petal\\nwidth", BoundaryPlot.axisTitle(List.of("a", "petal\nwidth"), 1));
        String title = BoundaryPlot.axisTitle(List.of("n".repeat(500), "b"), 0);
        assertEquals(60, title.length());
        assertTrue(title.endsWith("n\u2026"), title);
    }

    @Test
    void theModelMustTakeTheDatasFeatures() throws IOException {
        Path model = dir.resolve("wide.vnet");
        ModelFile.save(Mlp.initialise(NetworkSpec.linear(3, 2), new Rng(1)), model);
        Cli.Run run = Cli.run("plot", "--data", "spiral", "--model", model.toString(), "--out", dir.resolve("x.png").toString());
        assertArrayEquals(new String[] {"vecnet plot: " + model + ": the model takes 3 features, but a plot shows "
                + "2-D data"}, run.errLines());
        ModelFile.save(Mlp.initialise(NetworkSpec.linear(1, 2), new Rng(1)), model);
        assertArrayEquals(new String[] {"vecnet plot: " + model + ": the model takes 1 feature, but a plot shows "
                + "2-D data"}, Cli.run("plot", "--data", "spiral", "--model", model.toString(), "--out",
                dir.resolve("x.png").toString()).errLines());
    }

    @Test
    void theLabelColumnMayBeAnyColumn() throws IOException {
        Path csv = Files.writeString(dir.resolve("first.csv"), "species,x1,x2\nb,0,1\na,1,0\n");
        Path png = dir.resolve("first.png");
        Cli.Run byName = Cli.run("plot", "--data", csv.toString(), "--label-column", "species", "--out", png.toString());
        assertEquals(0, byName.exitCode(), byName.err());
        assertEquals("drew 2 points in " + png + "\n", byName.out());
        Path oneRow = Files.writeString(dir.resolve("one-row.csv"), "0,1,a\n");
        assertEquals("drew 1 point in " + png + "\n", Cli.run("plot", "--data", oneRow.toString(), "--out",
                png.toString()).out());
        Cli.Run byPosition = Cli.run("plot", "--data", csv.toString(), "--label-column", "1", "--out", png.toString());
        assertEquals(0, byPosition.exitCode(), byPosition.err());
        BufferedImage image = ImageIO.read(png.toFile());
        PlotArea area = BoundaryPlot.area(new Dataset(Matrix.of(new float[][] {{0, 1}, {1, 0}}), new int[] {1, 0}, 2),
                800, 600);
        assertEquals(Palette.point(1).getRGB(), image.getRGB(area.pixelX(0), area.pixelY(1)), "b, the second class");
        Cli.Run spiral = Cli.run("plot", "--data", "spiral", "--label-column", "1", "--out", png.toString());
        assertEquals(VecnetCommand.EXIT_USAGE, spiral.exitCode());
    }

    @Test
    void theLegendNamesTheClassesOrNumbersThem() {
        assertEquals(List.of("setosa", "virginica"), BoundaryPlot.legend(2, List.of("setosa", "virginica")).stream()
                .map(Chart.LegendEntry::text).toList());
        List<Chart.LegendEntry> forty = BoundaryPlot.legend(40, List.of());
        assertEquals(BoundaryPlot.LEGEND_CLASSES, forty.size(), "a legend that fits the plot");
        assertEquals("class 10", forty.get(BoundaryPlot.LEGEND_CLASSES - 2).text());
        assertEquals("and 29 more classes", forty.get(BoundaryPlot.LEGEND_CLASSES - 1).text());
        assertEquals(BoundaryPlot.LEGEND_CLASSES, BoundaryPlot.legend(BoundaryPlot.LEGEND_CLASSES, List.of()).size());
        assertEquals("a\\nb", BoundaryPlot.legend(1, List.of("a\nb")).get(0).text(), "one line");
        assertEquals(List.of("class 0", "class 1"), BoundaryPlot.legend(2, List.of()).stream()
                .map(Chart.LegendEntry::text).toList());
    }

    private Path namedModel(String... names) throws IOException {
        Path model = dir.resolve("named.vnet");
        ModelFile.save(new Classifier(Mlp.initialise(NetworkSpec.linear(2, names.length), new Rng(1)), null,
                List.of(names)), model);
        return model;
    }

    @Test
    void thePointsTakeTheModelsClassesAsPredictDoes() throws IOException {
        Path model = namedModel("a", "b", "c");
        Path csv = Files.writeString(dir.resolve("bc.csv"), "x1,x2,label\n0,1,c\n1,0,b\n");
        Path png = dir.resolve("bc.png");
        Cli.Run run = Cli.run("plot", "--data", csv.toString(), "--model", model.toString(), "--out", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        BufferedImage image = ImageIO.read(png.toFile());
        PlotArea area = BoundaryPlot.area(new Dataset(Matrix.of(new float[][] {{0, 1}, {1, 0}}), new int[] {2, 1}, 3),
                800, 600);
        assertEquals(Palette.point(2).getRGB(), image.getRGB(area.pixelX(0), area.pixelY(1)), "c, the model's third");
        assertEquals(Palette.point(1).getRGB(), image.getRGB(area.pixelX(1), area.pixelY(0)), "b, the model's second");
    }

    @Test
    void aModelWhoseClassesAreNotTheDatasIsRefusedAsPredictRefusesIt() throws IOException {
        Path png = dir.resolve("never.png");
        Path named = namedModel("a", "b");
        Path numbered = Files.writeString(dir.resolve("numbered.csv"), "x1,x2,label\n0,1,0\n1,0,1\n");
        Cli.Run names = Cli.run("plot", "--data", numbered.toString(), "--model", named.toString(), "--out", png.toString());
        assertEquals(VecnetCommand.EXIT_FAILURE, names.exitCode());
        assertArrayEquals(new String[] {"vecnet plot: " + numbered + " line 2: label '0' (column 3) is not one of the "
                + "model's classes ('a', 'b')"}, names.errLines());
        Cli.Run predict = Cli.run("predict", "--data", numbered.toString(), "--model", named.toString());
        assertArrayEquals(new String[] {names.errLines()[0].replace("vecnet plot", "vecnet predict")},
                predict.errLines());

        Path twoClasses = dir.resolve("two.vnet");
        ModelFile.save(Mlp.initialise(NetworkSpec.linear(2, 2), new Rng(1)), twoClasses);
        Path three = Files.writeString(dir.resolve("three.csv"), "0,1,0\n1,0,1\n1,1,2\n");
        Cli.Run count = Cli.run("plot", "--data", three.toString(), "--model", twoClasses.toString(), "--out", png.toString());
        assertEquals(VecnetCommand.EXIT_FAILURE, count.exitCode());
        assertArrayEquals(new String[] {"vecnet plot: " + three + " line 3: label 2 (column 3) is outside 0..1 for 2 "
                + "classes"}, count.errLines());

        Cli.Run spiralNames = Cli.run("plot", "--data", "spiral", "--classes", "2", "--model", named.toString(),
                "--out", png.toString());
        assertArrayEquals(new String[] {"vecnet plot: " + named + ": the model's classes have names, but the spiral's "
                + "are numbers 0..1"}, spiralNames.errLines());
        Cli.Run spiralCount = Cli.run("plot", "--data", "spiral", "--model", twoClasses.toString(), "--out", png.toString());
        assertArrayEquals(new String[] {"vecnet plot: " + twoClasses + ": the model has 2 classes, but the spiral has 3"},
                spiralCount.errLines());
        assertEquals(VecnetCommand.EXIT_FAILURE, spiralCount.exitCode());
        assertFalse(Files.exists(png));
    }
}
