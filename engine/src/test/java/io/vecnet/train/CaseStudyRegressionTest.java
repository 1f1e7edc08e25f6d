package io.vecnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vecnet.Matrix;
import io.vecnet.io.CsvDataset;
import io.vecnet.io.ModelFile;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Mlp;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The regression anchor: the case study trained now gives bit for bit the weights and loss lines
 * that vecnet 0.1.0 wrote before the engine redesign (test resources {@code casestudy/}, see its
 * README), on both backends and on one and two threads.
 */
class CaseStudyRegressionTest {

    static Stream<Arguments> runs() {
        return Stream.of(Backend.VECTOR, Backend.SCALAR).flatMap(backend -> Stream.of(1, 2).flatMap(threads ->
                Stream.of(Arguments.of("net", 1L, backend, threads), Arguments.of("net", 2L, backend, threads),
                        Arguments.of("net", 3L, backend, threads), Arguments.of("net", 4L, backend, threads),
                        Arguments.of("linear", 1L, backend, threads))));
    }

    @ParameterizedTest(name = "{0} seed {1}, {2}, {3} threads")
    @MethodSource("runs")
    void trainingGivesTheWeightsAndLossLinesOfVersion010(String kind, long seed, Backend backend, int threads)
            throws Exception {
        Kernels kernels = KernelProvider.select(backend, threads);
        CaseStudyRun run = kind.equals("net") ? CaseStudyRun.net(seed, kernels) : CaseStudyRun.linear(seed, kernels);
        String name = kind + "-seed" + seed;
        Mlp recorded = ModelFile.load(fixture(name + ".vnet")).network();
        assertEquals(recorded.spec(), run.model().spec());
        assertArrayEquals(recorded.parameters(), run.model().parameters(), "weights of " + name);
        assertEquals(lossLines(fixture(name + ".out")), formatted(run), "loss lines of " + name);
    }

    @Test
    void aVersion1ModelStillPredictsWhatItPredictedThen() throws Exception {
        Mlp model = ModelFile.load(fixture("net-seed1.vnet")).network();
        Matrix x = CsvDataset.read(fixture("spiral-seed1.csv")).features();
        List<String> recorded = Files.readAllLines(fixture("net-seed1-predictions.csv"));
        // Recorded on 512-bit vector kernels; the scalar ones, and narrower vectors, sum the 100-term
        // output products in another order, which can move the sixth decimal.
        Kernels vector = KernelProvider.select(Backend.VECTOR);
        int[] predicted = model.predict(x, vector);
        Matrix probabilities = model.probabilities(x, vector);
        Matrix scalar = model.probabilities(x, KernelProvider.select(Backend.SCALAR));
        for (int i = 0; i < predicted.length; i++) {
            StringBuilder line = new StringBuilder().append(predicted[i]);
            for (int c = 0; c < probabilities.cols(); c++) {
                line.append(String.format(Locale.ROOT, ",%.6f", probabilities.get(i, c)));
                assertEquals(probabilities.get(i, c), scalar.get(i, c), 1e-6f, "row " + i + " on the scalar kernels");
            }
            assertEquals(recorded.get(i + 1), line.toString(), "row " + i);
        }
    }

    private static List<String> formatted(CaseStudyRun run) {
        int every = run.reportedLosses().size() == 10 ? 1_000 : 10;
        return java.util.stream.IntStream.range(0, run.reportedLosses().size())
                .mapToObj(i -> String.format(Locale.ROOT, "iteration %d: loss %.6f", i * every,
                        run.reportedLosses().get(i)))
                .toList();
    }

    private static List<String> lossLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.startsWith("iteration ")).toList();
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CaseStudyRegressionTest.class.getResource("/casestudy/" + name).toURI());
    }
}
