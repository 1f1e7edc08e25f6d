package io.vecnet.cli;

import io.vecnet.data.Dataset;
import io.vecnet.nn.Init;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.train.LearningRateSchedule;
import io.vecnet.train.Optimizer;
import io.vecnet.train.TrainingConfig;

/** The one line {@code vecnet train --data} prints before training, so the user sees what runs. */
final class Recipe {
    private Recipe() {
    }

    static String describe(NetworkSpec shape, Init init, Optimizer optimizer, TrainingConfig config, int rows,
                           Dataset validation, boolean standardized) {
        StringBuilder line = new StringBuilder("training ").append(shape.describe()).append(" (").append(init.id())
                .append(" init) on ").append(counted(rows, "row"));
        line.append(standardized ? ", standardized" : ", features as they are");
        line.append("; ").append(optimizer.describe());
        if (config.schedule() != LearningRateSchedule.CONSTANT) {
            line.append(", ").append(config.schedule().id()).append(" schedule");
        }
        line.append(config.fullBatch(rows) ? ", full batch" : ", batches of " + config.batchSize());
        if (config.epochs() != TrainingConfig.UNLIMITED) {
            line.append(", at most ").append(counted(config.epochs(), "epoch"));
        }
        if (config.iterations() != TrainingConfig.UNLIMITED) {
            line.append(", at most ").append(counted(config.iterations(), "step"));
        }
        line.append(", L2 ").append(config.l2());
        line.append(validation == null ? ", no validation" : ", " + counted(validation.size(), "row")
                + " held out to validate");
        if (config.patience() > 0) {
            line.append(", early stopping after ").append(counted(config.patience(),
                    config.fullBatch(rows) ? "report" : "epoch")).append(" without improvement");
        }
        return line.toString();
    }

    /** {@code 1 epoch}, {@code 2 epochs}. */
    static String counted(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
