package io.codeanatomy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the fixture of docs/cpg-schema.md and runs every example query in it, comparing what
 * {@code codeanatomy query --format csv} prints with the answer the document shows, so the
 * document cannot drift from the graph.
 */
class TestCpgSchemaDoc {
    private static final Path DOC = Path.of("..", "docs", "cpg-schema.md");
    private static final Pattern FIXTURE = Pattern.compile("```python file=(\\S+)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern EXAMPLE = Pattern.compile("```sql([^\\n]*)\\n(.*?)```\\n\\n```csv\\n(.*?)```", Pattern.DOTALL);
    /**
     * Parts the spec does not register yet: examples marked {@code pending=<part>} with one of
     * these are checked for their form but not run. Remove a part when it is registered.
     */
    private static final Set<String> PENDING = Set.of();

    @TempDir
    Path temp;

    @Test
    void everyExampleAnswersWhatTheDocumentShows() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Path source = temp.resolve("src");
        Matcher fixtures = FIXTURE.matcher(doc);
        int files = 0;
        while (fixtures.find()) {
            Path file = source.resolve(fixtures.group(1));
            Files.createDirectories(file.getParent());
            Files.writeString(file, fixtures.group(2), StandardCharsets.UTF_8);
            files++;
        }
        Path out = temp.resolve("out");
        CliRun build = CliRun.of("build", source.toString(), "--out", out.toString());
        assertThat(files).as("fixture files in the document").isPositive();
        assertThat(build.exitCode()).as(build.err()).isZero();

        Matcher examples = EXAMPLE.matcher(doc);
        List<String> pending = new ArrayList<>();
        int run = 0;
        SoftAssertions softly = new SoftAssertions();
        while (examples.find()) {
            String info = examples.group(1).strip();
            String sql = examples.group(2).strip().replace('\n', ' ');
            if (info.startsWith("pending=")) {
                assertThat(PENDING).as("the part an example waits for").contains(info.substring("pending=".length()));
                pending.add(sql);
                continue;
            }
            assertThat(info).as("an example's info string").isEmpty();
            CliRun query = CliRun.of("query", out.toString(), sql, "--format", "csv");
            softly.assertThat(query.err()).as(sql).isEmpty();
            softly.assertThat(query.out().replace("\r\n", "\n")).as(sql).isEqualTo(examples.group(3));
            run++;
        }
        softly.assertAll();
        assertThat(run).as("examples run").isGreaterThanOrEqualTo(12);
        assertThat(pending).as("examples waiting for a part the spec does not register").isEmpty();
    }
}
