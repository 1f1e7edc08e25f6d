package io.vecnet.cli;

/** The {@code --model} names: a net with hidden layers, or the linear classifier, each with the case study's run length. */
enum ModelKind {
    net(10_000, 1_000), linear(200, 10);

    final int iterations;
    final int reportEvery;

    ModelKind(int iterations, int reportEvery) {
        this.iterations = iterations;
        this.reportEvery = reportEvery;
    }
}
