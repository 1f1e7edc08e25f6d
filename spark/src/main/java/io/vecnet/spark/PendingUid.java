package io.vecnet.spark;

/**
 * Spark's ML base classes create their params in their own constructors, and each param asks its
 * owner's {@code uid()} then. A Java subclass cannot set a field before its superclass constructor
 * runs, so a constructor that is given a uid parks it here first, and {@code uid()} answers with it
 * until the field is set.
 */
final class PendingUid {
    private static final ThreadLocal<String> PARKED = new ThreadLocal<>();

    private PendingUid() {
    }

    static String park(String uid) {
        if (uid == null || uid.isEmpty()) {
            throw new IllegalArgumentException("a uid must not be empty");
        }
        PARKED.set(uid);
        return uid;
    }

    static String parked() {
        return PARKED.get();
    }

    /** Ends the construction that parked {@code uid} and returns it. */
    static String release(String uid) {
        PARKED.remove();
        return uid;
    }
}
