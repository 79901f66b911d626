"""The CPython side of TestLexerErrors: what ast.parse says about small sources.

Reads NUL-separated sources on stdin, each written as hexadecimal digits (so that any byte, NUL
included, travels). Prints one line per source, in input order:
    OK
or  ERR TAB <exception type> TAB <line> TAB <offset> TAB <message>
where line and offset are '-' when the exception has none."""
import ast
import sys
import warnings


def main():
    out = []
    for item in sys.stdin.buffer.read().decode('ascii').split('\0'):
        if not item:
            continue
        source = bytes.fromhex(item)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                ast.parse(source)
            out.append('OK')
        except (SyntaxError, ValueError) as e:
            line = getattr(e, 'lineno', None)
            offset = getattr(e, 'offset', None)
            message = e.msg if isinstance(e, SyntaxError) else str(e)
            out.append('\t'.join(['ERR', type(e).__name__, '-' if line is None else str(line),
                                  '-' if offset is None else str(offset),
                                  message.replace('\n', '\\n')]))
    sys.stdout.write(''.join(line + '\n' for line in out))


if __name__ == '__main__':
    main()
