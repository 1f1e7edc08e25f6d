package io.vecnet.spark;

import io.vecnet.nn.Activation;
import io.vecnet.nn.NetworkSpec;
import java.io.Serializable;

/** A {@link NetworkSpec} in a form Spark can ship to executors. */
record NetworkLayout(int inputs, int[] hidden, int classes, Activation activation) implements Serializable {

    static NetworkLayout of(NetworkSpec spec) {
        return new NetworkLayout(spec.inputs(), spec.hidden().stream().mapToInt(Integer::intValue).toArray(),
                spec.classes(), spec.activation());
    }

    NetworkSpec spec() {
        return NetworkSpec.of(inputs, classes, activation, hidden);
    }
}
