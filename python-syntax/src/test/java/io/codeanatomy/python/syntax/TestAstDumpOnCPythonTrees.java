package io.codeanatomy.python.syntax;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.codeanatomy.python.syntax.ast.AstDump;
import io.codeanatomy.python.syntax.ast.Bytes;
import io.codeanatomy.python.syntax.ast.CodePointString;
import io.codeanatomy.python.syntax.ast.Complex;
import io.codeanatomy.python.syntax.ast.IntegerConversionLimitException;
import io.codeanatomy.python.syntax.ast.Located;
import io.codeanatomy.python.syntax.ast.Node;
import io.codeanatomy.python.syntax.ast.Singleton;
import io.codeanatomy.python.syntax.ast.boolop;
import io.codeanatomy.python.syntax.ast.cmpop;
import io.codeanatomy.python.syntax.ast.expr_context;
import io.codeanatomy.python.syntax.ast.operator;
import io.codeanatomy.python.syntax.ast.unaryop;
import io.codeanatomy.testkit.cpython.Python3;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dumper alone, without our parser: the trees CPython 3.11 builds for the standard library and
 * for our fixtures are exported by {@code tree_export.py}, rebuilt here as our records, and must
 * dump to exactly CPython's text (compared by SHA-256). This pins AstDump and PyRepr on every
 * constant and node form real code contains, so a mismatch in the parser tests is the parser's.
 * A str with a high surrogate code point followed by a low one comes back as a CodePointString,
 * as our parser makes it (a Java String would read the pair as one astral character).
 */
class TestAstDumpOnCPythonTrees {
    private static final String AST_PACKAGE = "io.codeanatomy.python.syntax.ast.";
    /** Record components that CPython 3.11 does not have, so the export does not carry them. */
    private static final List<String> NEWER_FIELDS = List.of("type_params", "default_value");
    private static final Map<String, Enum<?>> SINGLETONS = new HashMap<>();

    static {
        for (Class<? extends Enum<?>> type : List.of(expr_context.class, boolop.class, operator.class, unaryop.class, cmpop.class)) {
            for (Enum<?> constant : type.getEnumConstants()) {
                SINGLETONS.put(constant.name(), constant);
            }
        }
    }

    @Test
    void cpythonTreesOfTheStdlibAndFixturesDumpIdentically() {
        Python3 python = Python3.require();
        List<Path> files = new ArrayList<>(DifferentialComparison.pythonFiles(TestParserAgainstCPythonStdlib.stdlib(),
                TestParserAgainstCPythonStdlib.NOT_STDLIB));
        files.addAll(TestParserAgainstCPythonFixtures.fixtures("fixtures"));
        ByteArrayOutputStream paths = new ByteArrayOutputStream();
        for (Path file : files) {
            paths.writeBytes(file.toAbsolutePath().toString().getBytes(UTF_8));
            paths.write(0);
        }
        long[] dumpNanos = {0};
        long[] dumpChars = {0};
        List<String> mismatches = new ArrayList<>();
        int compared = python.run(CPythonOracle.script("tree_export.py"), List.of(), paths.toByteArray(), stdout -> {
            BufferedReader in = new BufferedReader(new InputStreamReader(stdout, UTF_8), 1 << 16);
            int count = 0;
            for (String header = in.readLine(); header != null; header = in.readLine()) {
                String[] parts = header.split(" ");
                if (parts[2].equals("REFUSED")) {
                    continue;
                }
                TreeReader reader = new TreeReader(in);
                Node tree = (Node) reader.read(Node.class);
                long start = System.nanoTime();
                String dump;
                try {
                    dump = AstDump.dump(tree, true);
                } catch (IntegerConversionLimitException e) {
                    continue;
                }
                dumpNanos[0] += System.nanoTime() - start;
                dumpChars[0] += dump.length();
                count++;
                if (!OurSide.sha256(dump).equals(parts[3]) && mismatches.size() < 5) {
                    Path file = files.get(Integer.parseInt(parts[1]));
                    DumpDivergence d = DumpDivergence.of(CPythonOracle.require().dump(file), dump);
                    mismatches.add(file + " at " + d.nodeField() + "\n  CPython: " + d.expectedExcerpt()
                            + "\n  ours:    " + d.actualExcerpt());
                }
            }
            return count;
        });
        System.out.printf("dumped %d CPython trees, %.1f MB of dump text in %.2f s%n", compared, dumpChars[0] / 1e6,
                dumpNanos[0] / 1e9);
        assertThat(mismatches).isEmpty();
        assertThat(compared).isGreaterThan(files.size() / 2);
    }

    /** Rebuilds records from the export's prefix-order lines. */
    private static final class TreeReader {
        private final BufferedReader in;

        TreeReader(BufferedReader in) {
            this.in = in;
        }

        Object read(Class<?> expected) throws IOException {
            String line = in.readLine();
            String arg = line.length() > 2 ? line.substring(2) : "";
            return switch (line.charAt(0)) {
                case 'N' -> node(arg);
                case 'L' -> {
                    int n = Integer.parseInt(arg);
                    List<Object> items = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        items.add(read(Object.class));
                    }
                    yield java.util.Collections.unmodifiableList(items);
                }
                case 'S' -> json(arg);
                case 'U' -> new CodePointString(Arrays.stream(arg.split(" ")).mapToInt(h -> Integer.parseInt(h, 16)).toArray());
                case 'I' -> {
                    BigInteger value = new BigInteger(arg, 16);
                    if (expected == int.class) {
                        yield value.intValueExact();
                    }
                    yield value.bitLength() < 64 ? (Object) value.longValueExact() : value;
                }
                case 'F' -> hexDouble(arg);
                case 'C' -> {
                    String[] parts = arg.split(" ");
                    yield new Complex(hexDouble(parts[0]), hexDouble(parts[1]));
                }
                case 'B' -> new Bytes(HexFormat.of().parseHex(arg));
                case 'T' -> Boolean.TRUE;
                case 'X' -> Boolean.FALSE;
                case 'E' -> Singleton.ELLIPSIS;
                case '0' -> expected == Object.class ? Singleton.NONE : null;
                default -> throw new IllegalStateException("bad export line " + line);
            };
        }

        private Object node(String name) throws IOException {
            Enum<?> singleton = SINGLETONS.get(name);
            if (singleton != null) {
                return singleton;
            }
            Class<?> type;
            try {
                type = Class.forName(AST_PACKAGE + name);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("no record for CPython's " + name, e);
            }
            RecordComponent[] components = type.getRecordComponents();
            int byteOffsets = Located.class.isAssignableFrom(type) ? 2 : 0;
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                if (i >= components.length - byteOffsets) {
                    args[i] = 0;
                } else if (NEWER_FIELDS.contains(c.getName())) {
                    args[i] = c.getType() == List.class ? List.of() : null;
                } else if (c.getType() == List.class) {
                    args[i] = read(List.class);
                } else {
                    Object value = read(c.getType());
                    args[i] = value == Singleton.NONE && c.getType() != Object.class ? null : value;
                }
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(
                        java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + name, e);
            }
        }

        private static double hexDouble(String text) {
            return switch (text) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "nan" -> Double.NaN;
                default -> Double.parseDouble(text);
            };
        }

        /** A JSON string literal as json.dumps writes it (ASCII only, \\uXXXX for the rest). */
        private static String json(String literal) {
            StringBuilder out = new StringBuilder(literal.length());
            for (int i = 1; i < literal.length() - 1; i++) {
                char c = literal.charAt(i);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = literal.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
            return out.toString();
        }
    }
}
