package io.vecnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Java in README.md and docs/embedding.md is the examples' source, whole: a code block that follows
 * {@code <!-- example: examples/src/main/java/...java -->} must equal that file, so what readers copy
 * compiles and runs (ExamplesTest runs it).
 */
class DocSnippetsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern SNIPPET =
            Pattern.compile("<!-- example: (\\S+\\.java) -->\\s*\\n```java\\n(.*?)```", Pattern.DOTALL);

    private static Set<String> checkSnippets(Path doc) throws IOException {
        String text = Files.readString(ROOT.resolve(doc));
        Set<String> shown = new TreeSet<>();
        Matcher m = SNIPPET.matcher(text);
        while (m.find()) {
            Path source = ROOT.resolve(m.group(1));
            assertTrue(Files.isRegularFile(source), doc + " shows " + m.group(1) + ", which does not exist");
            assertEquals(Files.readString(source), m.group(2), doc + "'s copy of " + m.group(1)
                    + " differs from the file: copy the file into the document again");
            shown.add(source.getFileName().toString());
        }
        return shown;
    }

    @Test
    void theReadmeShowsTheQuickStartAsItIs() throws IOException {
        assertEquals(Set.of("QuickStart.java"), checkSnippets(Path.of("README.md")));
    }

    @Test
    void theEmbeddingGuideShowsEveryOtherExampleAsItIs() throws IOException {
        Set<String> examples = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/vecnet/examples"))) {
            files.forEach(file -> examples.add(file.getFileName().toString()));
        }
        examples.remove("QuickStart.java");
        assertEquals(examples, checkSnippets(Path.of("docs/embedding.md")));
    }
}
