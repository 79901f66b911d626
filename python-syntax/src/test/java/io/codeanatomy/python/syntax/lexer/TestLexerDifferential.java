package io.codeanatomy.python.syntax.lexer;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.CPythonOracle;
import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.testkit.cpython.Python3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against Python's own {@code tokenize} module (see tokenize_oracle.py for what
 * is compared and which files it leaves out): the kind and start and end positions of every NAME,
 * NUMBER, STRING and operator token, and the line of every NEWLINE, INDENT and DEDENT. Run over
 * fixtures and over CPython's standard library: every {@value #STDLIB_STRIDE}th file by default,
 * all of it with {@code -D}{@value #ALL_STDLIB}{@code =true}.
 */
class TestLexerDifferential {
    static final String ALL_STDLIB = "ca.lexer.stdlib.all";
    private static final int STDLIB_STRIDE = 8;
    private static final int SHOWN = 10;

    @Test
    void matchesTokenizeOnTheFixtures(@TempDir Path dir) throws IOException {
        Python3 python = Python3.require();
        String forms = CPythonOracle.script("lexer/token_forms.py");
        List<Path> files = new ArrayList<>();
        files.add(write(dir, "forms.py", forms.getBytes(UTF_8)));
        files.add(write(dir, "forms_crlf.py", forms.replace("\n", "\r\n").getBytes(UTF_8)));
        files.add(write(dir, "forms_bom.py", ("\ufeff" + forms).getBytes(UTF_8)));
        files.add(write(dir, "forms_no_final_newline.py", forms.stripTrailing().getBytes(UTF_8)));
        files.add(write(dir, "latin1.py", "# -*- coding: latin-1 -*-\ncafé = 'naïve' + \"\u00ff\"\nx = (café,\n\tnaïve)\n"
                .getBytes(ISO_8859_1)));
        files.add(write(dir, "layout.py", "if a:\n\tif b:\n\t\tc = 1\n\f\n\td = [\n1]\n  # comment\ne = \\\n  2\n\n\n"
                .getBytes(UTF_8)));
        List<String> mismatches = compare(python, files);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void matchesTokenizeOnTheStandardLibrary() throws IOException {
        Python3 python = Python3.require();
        Path stdlib = Path.of(new String(python.run("import sysconfig; print(sysconfig.get_path('stdlib'))", List.of(),
                new byte[0]), UTF_8).trim());
        List<Path> all;
        try (Stream<Path> walk = Files.walk(stdlib)) {
            all = walk.filter(p -> p.toString().endsWith(".py") && !stdlib.relativize(p).startsWith("site-packages"))
                    .sorted().toList();
        }
        int stride = Boolean.getBoolean(ALL_STDLIB) ? 1 : STDLIB_STRIDE;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < all.size(); i += stride) {
            files.add(all.get(i));
        }
        assertThat(files).hasSizeGreaterThan(50);
        List<String> mismatches = compare(python, files);
        assertThat(mismatches).isEmpty();
    }

    /** The files whose tokens differ from tokenize's, with the first difference of a few of them. */
    private static List<String> compare(Python3 python, List<Path> files) throws IOException {
        List<String> oracle = oracle(python, files, false);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < files.size(); i++) {
            String[] fields = oracle.get(i).split("\t");
            assertThat(fields[0]).isEqualTo(Integer.toString(i));
            if (fields[1].equals("SKIP")) {
                continue;
            }
            compared++;
            String ours = tokenLines(Files.readAllBytes(files.get(i)));
            if (!sha1(ours).equals(fields[2])) {
                mismatches.add(files.get(i) + (mismatches.size() < SHOWN ? ": " + firstDifference(python, files.get(i), ours) : ""));
            }
        }
        assertThat(compared).as("files that tokenize accepts").isGreaterThan(files.size() / 2);
        return mismatches;
    }

    private static List<String> oracle(Python3 python, List<Path> files, boolean dump) {
        StringBuilder paths = new StringBuilder();
        for (Path f : files) {
            paths.append(f).append('\0');
        }
        byte[] out = python.run(CPythonOracle.script("lexer/tokenize_oracle.py"), dump ? List.of("dump") : List.of(),
                paths.toString().getBytes(UTF_8));
        List<String> lines = new String(out, UTF_8).lines().toList();
        return dump ? lines : lines.stream().filter(l -> l.indexOf('\t') > 0).toList();
    }

    private static String firstDifference(Python3 python, Path file, String ours) {
        List<String> theirs = oracle(python, List.of(file), true);
        List<String> mine = ours.lines().toList();
        for (int k = 0; k < Math.max(mine.size(), theirs.size() - 1); k++) {
            String a = k < mine.size() ? mine.get(k) : "(end)";
            String b = k + 1 < theirs.size() ? theirs.get(k + 1) : "(end)";
            if (!a.equals(b)) {
                return "token " + k + ": ours " + a + ", tokenize " + b;
            }
        }
        return "same tokens, but lexical errors";
    }

    /** Our tokens in tokenize_oracle.py's format; an error makes the file differ. */
    static String tokenLines(byte[] raw) {
        DecodedSource decoded = SourceDecoder.decode(raw);
        LexResult result = Lexer.lex(decoded.text(), PythonVersion.PY311);
        Tokens t = result.tokens();
        StringBuilder out = new StringBuilder();
        if (!decoded.ok() || !result.ok()) {
            out.append("error\n");
        }
        for (int i = 0; i < t.size(); i++) {
            TokenKind kind = t.kind(i);
            switch (kind) {
                case ENDMARKER -> {
                    continue;
                }
                case NEWLINE, INDENT, DEDENT -> {
                    out.append(kind == TokenKind.NEWLINE ? 'L' : kind == TokenKind.INDENT ? 'I' : 'D').append(' ')
                            .append(t.line(i)).append('\n');
                    continue;
                }
                default -> out.append(kindClass(kind));
            }
            out.append(' ').append(t.line(i)).append(' ').append(t.col(i)).append(' ').append(t.endLine(i)).append(' ')
                    .append(t.endCol(i)).append('\n');
        }
        return out.toString();
    }

    private static char kindClass(TokenKind kind) {
        if (kind == TokenKind.NAME || kind.compareTo(TokenKind.FALSE) >= 0 && kind != TokenKind.ERRORTOKEN) {
            return 'N';
        }
        return switch (kind) {
            case NUMBER -> 'U';
            case STRING -> 'S';
            case ERRORTOKEN -> 'E';
            default -> 'O';
        };
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
    }

    private static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
