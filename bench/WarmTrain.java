import io.vecnet.cli.VecnetCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one vecnet command again and again in this JVM and prints how long a warm run takes: what a
 * service that embeds the engine pays for the same training, once its kernels are compiled.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp cli/target/vecnet.jar bench/WarmTrain.java SECONDS train --data ...</pre>
 *
 * Runs the command for SECONDS (at least 10 times), then 5 more times, and prints the median of
 * those 5: {@code warm command seconds: S} (the whole command: reading the file, training, saving)
 * and, for {@code train}, {@code warm loop seconds: S} (its summary line's training time).
 */
public final class WarmTrain {
    private static final Pattern LOOP = Pattern.compile(" iterations? in ([0-9.]+) s ");
    private static final int TIMED_RUNS = 5;

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: WarmTrain SECONDS COMMAND [OPTION...]");
            System.exit(2);
        }
        double warmSeconds = Double.parseDouble(args[0]);
        String[] command = Arrays.copyOfRange(args, 1, args.length);
        long warmEnd = System.nanoTime() + (long) (warmSeconds * 1e9);
        for (int run = 0; run < 10 || System.nanoTime() < warmEnd; run++) {
            runOnce(command);
        }
        List<Double> commandSeconds = new ArrayList<>();
        List<Double> loopSeconds = new ArrayList<>();
        for (int run = 0; run < TIMED_RUNS; run++) {
            long start = System.nanoTime();
            String output = runOnce(command);
            commandSeconds.add((System.nanoTime() - start) / 1e9);
            Matcher loop = LOOP.matcher(output);
            if (loop.find()) {
                loopSeconds.add(Double.parseDouble(loop.group(1)));
            }
        }
        System.out.printf("warm command seconds: %.4f%n", median(commandSeconds));
        if (!loopSeconds.isEmpty()) {
            System.out.printf("warm loop seconds: %.4f%n", median(loopSeconds));
        }
    }

    /** Runs the command once and returns its standard output; a failing command ends the program. */
    private static String runOnce(String[] command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = VecnetCommand.commandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(command);
        if (exit != 0) {
            System.err.print(out);
            System.err.print(err);
            System.err.println("WarmTrain: the command exited with " + exit);
            System.exit(1);
        }
        return out.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
