package io.vecnet.train;

import io.vecnet.kernels.Kernels;

/**
 * Adam (Kingma and Ba 2015) with bias-corrected moments, as {@code torch.optim.Adam}; with a weight
 * decay it is AdamW (Loshchilov and Hutter 2019): {@code θ *= 1 - lr·decay} before each update,
 * decoupled from the gradient.
 */
public final class Adam extends RateHolder {
    public static final float DEFAULT_LEARNING_RATE = 1e-3f;
    public static final float DEFAULT_BETA1 = 0.9f;
    public static final float DEFAULT_BETA2 = 0.999f;
    public static final float DEFAULT_EPSILON = 1e-8f;
    /** AdamW's default in PyTorch. */
    public static final float DEFAULT_WEIGHT_DECAY = 0.01f;

    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private float[] m;
    private float[] v;
    private int steps;

    /** Adam with PyTorch's defaults and this learning rate. */
    public Adam(float learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, 0f);
    }

    public Adam(float learningRate, float beta1, float beta2, float epsilon, float weightDecay) {
        super(learningRate);
        this.beta1 = Optimizer.requireFraction("beta1", beta1);
        this.beta2 = Optimizer.requireFraction("beta2", beta2);
        this.epsilon = Optimizer.requirePositive("epsilon", epsilon);
        if (!(weightDecay >= 0f) || !Float.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
        }
        this.weightDecay = weightDecay;
    }

    /** AdamW with PyTorch's defaults and this learning rate and weight decay. */
    public static Adam adamW(float learningRate, float weightDecay) {
        return new Adam(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, weightDecay);
    }

    @Override
    public void step(float[] parameters, float[] gradient, Kernels kernels) {
        if (m == null) {
            m = new float[parameters.length];
            v = new float[parameters.length];
        }
        steps++;
        // The bias corrections in double: 1 - β^t loses every digit in float32 once β^t is near 1.
        float stepSize = (float) (learningRate() / (1 - Math.pow(beta1, steps)));
        float correction2 = (float) (1 / (1 - Math.pow(beta2, steps)));
        float decay = 1f - learningRate() * weightDecay;
        kernels.adamStep(parameters, gradient, m, v, beta1, beta2, stepSize, correction2, epsilon, decay,
                parameters.length);
    }

    @Override
    public String describe() {
        return (weightDecay > 0 ? "adamw" : "adam") + " (lr " + learningRate() + ", betas " + beta1 + "/" + beta2
                + ", eps " + epsilon + (weightDecay > 0 ? ", weight decay " + weightDecay : "") + ")";
    }
}
