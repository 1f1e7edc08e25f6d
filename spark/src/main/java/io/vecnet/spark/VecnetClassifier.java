package io.vecnet.spark;

import io.vecnet.kernels.Backend;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Init;
import java.util.List;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;

/**
 * A vecnet feed-forward network as a Spark ML estimator, trained data-parallel and synchronously
 * (docs/distributed.md): softmax cross-entropy over the labels 0..K-1 of a double label
 * column (as StringIndexer makes them), hidden layers of {@code layers} widths, L2 ({@code regParam}),
 * and the engine's optimisers.
 */
public final class VecnetClassifier
        extends ProbabilisticClassifier<Vector, VecnetClassifier, VecnetClassificationModel>
        implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    private static final List<String> OPTIMIZERS = List.of("gd", "sgd", "adam", "adamw");

    private final String uid;
    private final IntArrayParam layers;
    private final Param<String> activation;
    private final Param<String> init;
    private final Param<String> optimizer;
    private final DoubleParam stepSize;
    private final DoubleParam momentum;
    private final DoubleParam weightDecay;
    private final DoubleParam regParam;
    private final IntParam maxIter;
    private final IntParam epochs;
    private final IntParam batchSize;
    private final BooleanParam standardize;
    private final LongParam seed;
    private final Param<String> kernels;

    public VecnetClassifier() {
        this(Identifiable$.MODULE$.randomUID("vecnet"));
    }

    public VecnetClassifier(String uid) {
        this(PendingUid.park(uid), true);
    }

    private VecnetClassifier(String parkedUid, boolean parked) {
        this.uid = PendingUid.release(parkedUid);
        layers = new IntArrayParam(this, "layers", "hidden layer widths, first layer first; empty for a linear model");
        activation = new Param<>(this, "activation", "hidden layers' activation: relu, leaky-relu, tanh or sigmoid",
                ParamValidators.inArray(List.of("relu", "leaky-relu", "tanh", "sigmoid")));
        init = new Param<>(this, "init", "initial weights: auto (small for at most one hidden layer, else he or "
                + "xavier by activation), small, he or xavier",
                ParamValidators.inArray(List.of("auto", "small", "he", "xavier")));
        optimizer = new Param<>(this, "optimizer", "gd, sgd (with momentum), adam or adamw",
                ParamValidators.inArray(OPTIMIZERS));
        stepSize = new DoubleParam(this, "stepSize", "learning rate (alias lr); default 1 for gd, 0.01 for sgd, "
                + "0.001 for adam and adamw", ParamValidators.gt(0));
        momentum = new DoubleParam(this, "momentum", "sgd's momentum, in [0, 1)",
                ParamValidators.inRange(0, 1, true, false));
        weightDecay = new DoubleParam(this, "weightDecay", "adamw's decoupled weight decay", ParamValidators.gtEq(0));
        regParam = new DoubleParam(this, "regParam", "L2 strength: 0.5·regParam·Σ‖W‖² is added to the mean loss",
                ParamValidators.gtEq(0));
        maxIter = new IntParam(this, "maxIter", "most optimiser steps; 0 for no limit but epochs",
                ParamValidators.gtEq(0));
        epochs = new IntParam(this, "epochs", "most passes over the data; 0 for no limit but maxIter",
                ParamValidators.gtEq(0));
        batchSize = new IntParam(this, "batchSize", "rows per step over all partitions; 0 for full batch",
                ParamValidators.gtEq(0));
        standardize = new BooleanParam(this, "standardize",
                "scale each feature to mean 0 and std 1 with the training rows' statistics, kept in the model");
        seed = new LongParam(this, "seed", "seed of the initial weights and of the mini-batches");
        kernels = new Param<>(this, "kernels", "the engine's kernels: auto (vector when the JVM has "
                + "jdk.incubator.vector, else scalar with one warning), vector or scalar",
                ParamValidators.inArray(List.of("auto", "vector", "scalar")));
        setDefault(layers, new int[] {100});
        setDefault(activation, "relu");
        setDefault(init, "auto");
        setDefault(optimizer, "adam");
        setDefault(momentum, 0.9);
        setDefault(weightDecay, 0.01);
        setDefault(regParam, 1e-4);
        setDefault(maxIter, 100);
        setDefault(epochs, 0);
        setDefault(batchSize, 0);
        setDefault(standardize, true);
        setDefault(seed, 1L);
        setDefault(kernels, "auto");
    }

    @Override
    public String uid() {
        return uid != null ? uid : PendingUid.parked();
    }

    public IntArrayParam layers() {
        return layers;
    }

    public Param<String> activation() {
        return activation;
    }

    public Param<String> init() {
        return init;
    }

    public Param<String> optimizer() {
        return optimizer;
    }

    public DoubleParam stepSize() {
        return stepSize;
    }

    public DoubleParam momentum() {
        return momentum;
    }

    public DoubleParam weightDecay() {
        return weightDecay;
    }

    public DoubleParam regParam() {
        return regParam;
    }

    public IntParam maxIter() {
        return maxIter;
    }

    public IntParam epochs() {
        return epochs;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public BooleanParam standardize() {
        return standardize;
    }

    public LongParam seed() {
        return seed;
    }

    public Param<String> kernels() {
        return kernels;
    }

    public VecnetClassifier setLayers(int... widths) {
        return assign(layers, widths.clone());
    }

    public VecnetClassifier setActivation(String value) {
        return assign(activation, value);
    }

    public VecnetClassifier setInit(String value) {
        return assign(init, value);
    }

    public VecnetClassifier setOptimizer(String value) {
        return assign(optimizer, value);
    }

    public VecnetClassifier setStepSize(double value) {
        return assign(stepSize, value);
    }

    /** The learning rate: {@link #setStepSize}. */
    public VecnetClassifier setLr(double value) {
        return setStepSize(value);
    }

    public VecnetClassifier setMomentum(double value) {
        return assign(momentum, value);
    }

    public VecnetClassifier setWeightDecay(double value) {
        return assign(weightDecay, value);
    }

    public VecnetClassifier setRegParam(double value) {
        return assign(regParam, value);
    }

    public VecnetClassifier setMaxIter(int value) {
        return assign(maxIter, value);
    }

    public VecnetClassifier setEpochs(int value) {
        return assign(epochs, value);
    }

    public VecnetClassifier setBatchSize(int value) {
        return assign(batchSize, value);
    }

    public VecnetClassifier setStandardize(boolean value) {
        return assign(standardize, value);
    }

    public VecnetClassifier setSeed(long value) {
        return assign(seed, value);
    }

    public VecnetClassifier setKernels(String value) {
        return assign(kernels, value);
    }

    public int[] getLayers() {
        return $(layers).clone();
    }

    public String getOptimizer() {
        return $(optimizer);
    }

    /** The learning rate set, or the optimiser's default. */
    public double getStepSize() {
        if (isDefined(stepSize)) {
            return (Double) $(stepSize);
        }
        return getOptimizer().equals("gd") ? 1.0 : getOptimizer().equals("sgd") ? 0.01 : 0.001;
    }

    public double getRegParam() {
        return (Double) $(regParam);
    }

    public int getMaxIter() {
        return (Integer) $(maxIter);
    }

    public int getEpochs() {
        return (Integer) $(epochs);
    }

    public int getBatchSize() {
        return (Integer) $(batchSize);
    }

    public boolean getStandardize() {
        return (Boolean) $(standardize);
    }

    public long getSeed() {
        return (Long) $(seed);
    }

    @SuppressWarnings("unchecked")
    private VecnetClassifier assign(Param<?> param, Object value) {
        set((Param<Object>) param, value);
        return this;
    }

    /** The training settings these params describe. */
    TrainingPlan plan() {
        requireOwnOptimizer(momentum, "sgd");
        requireOwnOptimizer(weightDecay, "adamw");
        String initName = $(init);
        return new TrainingPlan($(layers).clone(), Activation.parse($(activation)),
                initName.equals("auto") ? null : Init.parse(initName), getOptimizer(), (float) getStepSize(),
                (float) (double) (Double) $(momentum), (float) (double) (Double) $(weightDecay), (float) getRegParam(),
                getMaxIter(), getEpochs(), getBatchSize(), getStandardize(), getSeed(), Backend.parse($(kernels)));
    }

    /** A coefficient set for another optimizer than the chosen one is refused, not ignored. */
    private void requireOwnOptimizer(Param<?> param, String owner) {
        if (isSet(param) && !getOptimizer().equals(owner)) {
            throw new IllegalArgumentException(param.name() + " is " + owner + "'s; the optimizer is " + getOptimizer());
        }
    }

    @Override
    public VecnetClassificationModel train(Dataset<?> dataset) {
        SynchronousTrainer.Outcome outcome = new SynchronousTrainer(plan(), getFeaturesCol(), getLabelCol())
                .train(dataset.toDF());
        return new VecnetClassificationModel(uid(), outcome.classifier(), outcome.lossHistory());
    }

    @Override
    public VecnetClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<VecnetClassifier> read() {
        return new DefaultParamsReader<>();
    }

    public static VecnetClassifier load(String path) {
        return read().load(path);
    }
}
