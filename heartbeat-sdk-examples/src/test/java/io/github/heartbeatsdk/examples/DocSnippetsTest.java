package io.github.heartbeatsdk.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every Java snippet in the README files and docs/ is a region of a compiled test source, so a
 * snippet can never drift from the API. A block is tagged on the line before it with
 * {@code <!-- snippet: ClassName#name -->}; the class (under this module's test sources) holds
 * the region between {@code // snippet: name} and {@code // end snippet}, which must equal the
 * block once both are dedented.
 */
class DocSnippetsTest {
    private static final Path ROOT = Paths.get("..");
    private static final Path SOURCES = Paths.get("src", "test", "java");
    private static final Pattern TAG = Pattern.compile("<!-- snippet: ([A-Za-z0-9_.]+)#([A-Za-z0-9_]+) -->");

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        pages.add(ROOT.resolve("heartbeat-sdk-examples").resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            pages.addAll(docs.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList()));
        }
        return pages;
    }

    @Test
    void everyJavaBlockInTheDocsIsACompiledSnippet() throws IOException {
        int checked = 0;
        List<String> problems = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).trim().equals("```java")) {
                    continue;
                }
                String where = page.normalize() + ":" + (i + 1);
                Matcher tag = i > 0 ? TAG.matcher(lines.get(i - 1).trim()) : null;
                List<String> block = new ArrayList<>();
                int end = i + 1;
                for (; end < lines.size() && !lines.get(end).trim().equals("```"); end++) {
                    block.add(lines.get(end));
                }
                if (tag == null || !tag.matches()) {
                    problems.add(where + ": a java block without a <!-- snippet: Class#name --> line before it");
                    continue;
                }
                List<String> region = region(tag.group(1), tag.group(2), where, problems);
                if (region != null && !dedent(region).equals(dedent(block))) {
                    problems.add(where + ": differs from " + tag.group(1) + "#" + tag.group(2) + "; the compiled one reads:\n"
                            + String.join("\n", dedent(region)));
                }
                checked++;
                i = end;
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " snippet problem(s):\n" + String.join("\n\n", problems));
        }
        assertTrue(checked >= 10, "only " + checked + " snippets found");
    }

    private static List<String> region(String className, String name, String where, List<String> problems)
            throws IOException {
        Path source;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            source = files.filter(p -> p.getFileName().toString().equals(className + ".java")).findFirst().orElse(null);
        }
        if (source == null) {
            problems.add(where + ": no test source " + className + ".java");
            return null;
        }
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("// snippet: " + name)) {
                start = i + 1;
            } else if (start >= 0 && lines.get(i).trim().equals("// end snippet")) {
                return lines.subList(start, i);
            }
        }
        problems.add(where + ": " + source + " has no region '" + name + "'");
        return null;
    }

    static List<String> dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.trim().isEmpty()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.trim().isEmpty() ? "" : line.substring(indent).stripTrailing());
        }
        return out;
    }

    @Test
    void dedentKeepsRelativeIndentation() {
        assertEquals(List.of("a", "  b", "", "c"), dedent(List.of("    a", "      b", "  ", "    c")));
    }
}
