package io.vecnet.examples;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.io.CsvDataset;
import io.vecnet.io.ModelFile;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Classifier;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.nn.Standardizer;
import io.vecnet.train.Adam;
import io.vecnet.train.Trainer;
import io.vecnet.train.TrainingConfig;
import io.vecnet.train.TrainingListener;
import io.vecnet.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Trains a classifier on a CSV file and saves it: rows of features with a class label last (class
 * numbers 0..K-1 or names), standardised, mini-batches with Adam, early stopping on held-out rows.
 */
public final class TrainOnCsv {
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: TrainOnCsv TRAIN.csv MODEL.vnet [TEST.csv]");
            System.exit(2);
        }
        CsvDataset.LabelledData read = CsvDataset.readLabelled(Path.of(args[0]), CsvDataset.LabelColumn.LAST);
        Dataset all = read.data();                                  // CsvException names the line of a bad cell
        Dataset.Split split = all.split(0.2, new Rng(1));           // hold out 20% of each class
        Standardizer scaler = Standardizer.fit(split.training());   // z-scores from the training rows only
        Dataset training = scaler.apply(split.training());
        Dataset validation = scaler.apply(split.validation());

        NetworkSpec spec = NetworkSpec.of(all.dimensions(), all.classes(), Activation.RELU, 32);
        TrainingConfig config = new TrainingConfig(1e-4f, 100_000, 1)  // L2, at most 100,000 steps
                .withBatches(16, 2)                                  // 16 rows a step, shuffled from seed 2
                .withEpochs(300)
                .withPatience(20);                                   // stop 20 epochs after the best, keep the best
        TrainingResult result = new Trainer(KernelProvider.get()).train(Mlp.initialise(spec, new Rng(3)),
                training, validation, config, new Adam(0.01f), TrainingListener.NONE);
        System.out.println(result.epochs() + " epochs; validation accuracy " + result.validation().accuracy()
                + (result.stoppedEarly() ? ", the best epoch kept" : ""));

        // Scales raw rows itself; keeps the class names and the header's feature names, which vecnet predict checks.
        Classifier model = new Classifier(result.model(), scaler, read.classNames(), read.featureNames());
        ModelFile.save(model, Path.of(args[1]));
        System.out.println("saved " + model.network() + " to " + args[1]);
        if (args.length == 3) {
            // Read for the model: its class names map the labels as in training, its header is checked.
            CsvDataset.Examples test = CsvDataset.readExamples(Path.of(args[2]), model, CsvDataset.LabelColumn.LAST);
            float accuracy = model.accuracy(new Dataset(test.features(), test.labels(), model.classes()));
            System.out.println("test accuracy " + accuracy + " on " + test.labels().length + " rows");
        }
    }
}
