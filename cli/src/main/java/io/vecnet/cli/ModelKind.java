package io.vecnet.cli;

import io.vecnet.data.Rng;
import io.vecnet.model.Model;
import io.vecnet.model.SoftmaxClassifier;
import io.vecnet.model.TwoLayerNet;
import io.vecnet.train.TrainingConfig;

/** The models the command line can create, by their {@code --model} names. */
enum ModelKind {
    net, linear;

    Model initialise(int inputs, int hidden, int classes, Rng rng) {
        return this == net
                ? TwoLayerNet.initialise(inputs, hidden, classes, rng)
                : SoftmaxClassifier.initialise(inputs, classes, rng);
    }

    TrainingConfig caseStudyConfig() {
        return this == net ? TrainingConfig.netCaseStudy() : TrainingConfig.linearCaseStudy();
    }
}
