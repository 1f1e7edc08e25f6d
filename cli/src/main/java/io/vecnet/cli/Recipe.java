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
                .append(" init) on ").append(rows).append(" rows");
        line.append(standardized ? ", standardized" : ", features as they are");
        line.append("; ").append(optimizer.describe());
        if (config.schedule() != LearningRateSchedule.CONSTANT) {
            line.append(", ").append(config.schedule().id()).append(" schedule");
        }
        line.append(config.fullBatch(rows) ? ", full batch" : ", batches of " + config.batchSize());
        if (config.epochs() != TrainingConfig.UNLIMITED) {
            line.append(", at most ").append(config.epochs()).append(" epochs");
        }
        if (config.iterations() != TrainingConfig.UNLIMITED) {
            line.append(", at most ").append(config.iterations()).append(" steps");
        }
        line.append(", L2 ").append(config.l2());
        line.append(validation == null ? ", no validation" : ", " + validation.size() + " rows held out to validate");
        if (config.patience() > 0) {
            line.append(", early stopping after ").append(config.patience())
                    .append(config.fullBatch(rows) ? " reports" : " epochs").append(" without improvement");
        }
        return line.toString();
    }
}
