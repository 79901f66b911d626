package io.codeanatomy.python.syntax.ast;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codeanatomy.python.syntax.CPythonOracle;
import io.codeanatomy.testkit.cpython.Python3;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestAstDump {
    /** Abstract types and products whose records together are every node class. */
    private static final List<Class<?>> ROOTS = List.of(mod.class, stmt.class, expr.class, excepthandler.class,
            pattern.class, type_ignore.class, type_param.class, arguments.class, arg.class, keyword.class,
            alias.class, comprehension.class, withitem.class, match_case.class);

    @Test
    void printsFieldsAttributesNoneKeysAndSingletonsAsCPython() {
        // {**a, 1: ...}\nfrom .m import x as y\nmatch v:\n case None: pass\n
        Module module = new Module(List.of(
                new Expr(new Dict(
                        Arrays.asList(null, new Constant(1L, null, 1, 6, 1, 7, 6, 7)),
                        List.of(new Name("a", expr_context.Load, 1, 3, 1, 4, 3, 4),
                                new Constant(Singleton.ELLIPSIS, null, 1, 9, 1, 12, 9, 12)),
                        1, 0, 1, 13, 0, 13), 1, 0, 1, 13, 0, 13),
                new ImportFrom("m", List.of(new alias("x", "y", 2, 15, 2, 21, 29, 35)), 1, 2, 0, 2, 21, 14, 35),
                new Match(new Name("v", expr_context.Load, 3, 6, 3, 7, 42, 43), List.of(new match_case(
                        new MatchSingleton(Singleton.NONE, 4, 6, 4, 10, 51, 55), null,
                        List.of(new Pass(4, 12, 4, 16, 57, 61)))), 3, 0, 4, 16, 36, 61)),
                List.of());
        assertThat(AstDump.dump(module, true)).isEqualTo("Module(body=[Expr(value=Dict(keys=[None, Constant(value=1, "
                + "lineno=1, col_offset=6, end_lineno=1, end_col_offset=7)], values=[Name(id='a', ctx=Load(), lineno=1, "
                + "col_offset=3, end_lineno=1, end_col_offset=4), Constant(value=Ellipsis, lineno=1, col_offset=9, "
                + "end_lineno=1, end_col_offset=12)], lineno=1, col_offset=0, end_lineno=1, end_col_offset=13), lineno=1, "
                + "col_offset=0, end_lineno=1, end_col_offset=13), ImportFrom(module='m', names=[alias(name='x', "
                + "asname='y', lineno=2, col_offset=15, end_lineno=2, end_col_offset=21)], level=1, lineno=2, "
                + "col_offset=0, end_lineno=2, end_col_offset=21), Match(subject=Name(id='v', ctx=Load(), lineno=3, "
                + "col_offset=6, end_lineno=3, end_col_offset=7), cases=[match_case(pattern=MatchSingleton(value=None, "
                + "lineno=4, col_offset=6, end_lineno=4, end_col_offset=10), body=[Pass(lineno=4, col_offset=12, "
                + "end_lineno=4, end_col_offset=16)])], lineno=3, col_offset=0, end_lineno=4, end_col_offset=16)], "
                + "type_ignores=[])");
        assertThat(AstDump.dump(module.body().get(2), false)).isEqualTo("Match(subject=Name(id='v', ctx=Load()), "
                + "cases=[match_case(pattern=MatchSingleton(value=None), body=[Pass()])])");
    }

    @Test
    void printsTypeParamsOnlyWhenAParseOfNewerSyntaxFilledThem() {
        arguments none = new arguments(List.of(), List.of(), null, List.of(), List.of(), null, List.of());
        FunctionDef plain = new FunctionDef("f", none, List.of(), List.of(), null, null, List.of(), 1, 0, 1, 9, 0, 9);
        assertThat(AstDump.dump(plain, false))
                .isEqualTo("FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], "
                        + "kw_defaults=[], defaults=[]), body=[], decorator_list=[])");
        FunctionDef generic = new FunctionDef("f", none, List.of(), List.of(), null, null,
                List.of(new TypeVar("T", null, null, 1, 6, 1, 7, 6, 7)), 1, 0, 1, 9, 0, 9);
        assertThat(AstDump.dump(generic, false)).endsWith("decorator_list=[], type_params=[TypeVar(name='T')])");
    }

    @Test
    void printsNonOptionalNullAsNoneAndOmitsOptionalNull() {
        Return bare = new Return(null, 1, 0, 1, 6, 0, 6);
        assertThat(AstDump.dump(bare, true)).isEqualTo("Return(lineno=1, col_offset=0, end_lineno=1, end_col_offset=6)");
        assertThat(AstDump.dump(new Expr(null, 1, 0, 1, 1, 0, 1), false)).isEqualTo("Expr(value=None)");
    }

    @Test
    void dumpsATreeFarDeeperThanTheThreadStackWouldAllow() {
        expr e = new Name("x", expr_context.Load, 1, 0, 1, 1, 0, 1);
        int depth = 200_000;
        for (int i = 0; i < depth; i++) {
            e = new UnaryOp(unaryop.USub, e, 1, 0, 1, 1, 0, 1);
        }
        String dump = AstDump.dump(e, false);
        assertThat(dump.length()).isEqualTo(depth * "UnaryOp(op=USub(), operand=)".length() + "Name(id='x', ctx=Load())".length());
        assertThat(dump.substring(0, 61)).isEqualTo("UnaryOp(op=USub(), operand=UnaryOp(op=USub(), operand=UnaryOp");
    }

    @Test
    void refusesAnIntCPythonCannotPrint() {
        Constant huge = new Constant(BigInteger.TEN.pow(PyRepr.MAX_STR_DIGITS), null, 1, 0, 1, 1, 0, 1);
        assertThatThrownBy(() -> AstDump.dump(huge, false)).isInstanceOf(IntegerConversionLimitException.class);
    }

    /**
     * Every node class, with every field None, an empty list or 0, prints as CPython 3.11 prints the
     * same node: this pins field order, the optional-field table and the attribute list.
     */
    @Test
    void everyNodeClassPrintsItsFieldsAsCPythonDoes() throws ReflectiveOperationException {
        List<Class<?>> classes = nodeClasses();
        List<String> requests = new ArrayList<>();
        for (Class<?> type : classes) {
            StringBuilder line = new StringBuilder(type.getSimpleName());
            for (RecordComponent c : type.getRecordComponents()) {
                line.append(' ').append(c.getName()).append(':').append(
                        c.getType() == List.class ? 'L' : c.getType() == int.class ? 'I' : 'N');
            }
            requests.add(line.toString());
        }
        Python3 python = Python3.require();
        String out = new String(python.run(CPythonOracle.script("node_shapes.py"), List.of(),
                String.join("\n", requests).concat("\n").getBytes(UTF_8)), UTF_8);
        List<String> expected = List.of(out.split("\n"));
        assertThat(expected).hasSameSizeAs(classes);
        int compared = 0;
        for (int i = 0; i < classes.size(); i++) {
            if (expected.get(i).equals("MISSING")) {
                continue;
            }
            assertThat(AstDump.dump(instance(classes.get(i)), true)).as(classes.get(i).getSimpleName())
                    .isEqualTo(expected.get(i));
            compared++;
        }
        assertThat(compared).as("node classes CPython 3.11 has").isGreaterThanOrEqualTo(75);
    }

    private static List<Class<?>> nodeClasses() {
        List<Class<?>> result = new ArrayList<>();
        for (Class<?> root : ROOTS) {
            if (root.isRecord()) {
                result.add(root);
            } else {
                result.addAll(List.of(root.getPermittedSubclasses()));
            }
        }
        return result;
    }

    /** A node whose lists are empty, ints 0, references null, and attributes 1, 2, 3, 4 (then bstart, bend). */
    private static Node instance(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        int attribute = 1;
        int firstAttribute = Located.class.isAssignableFrom(type) ? components.length - 6 : components.length;
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            if (i >= firstAttribute) {
                args[i] = attribute++;
            } else if (t == List.class) {
                args[i] = List.of();
            } else if (t == int.class) {
                args[i] = 0;
            }
        }
        Constructor<?> constructor = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return (Node) constructor.newInstance(args);
    }
}
