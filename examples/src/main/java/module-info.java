/**
 * The examples of embedding vecnet, as a JPMS module that requires the engine's. They run on the class
 * path as well; the build runs them both ways.
 */
module io.vecnet.examples {
    requires io.vecnet;
}
