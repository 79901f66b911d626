"""The CPython side of the differential parser tests (see CPythonOracle.java).

  hash:  reads NUL-separated file paths on stdin and prints, per file and in input order,
             <index> TAB OK TAB <sha256 of ast.dump(ast.parse(bytes), include_attributes=True) in UTF-8>
         or  <index> TAB REFUSED TAB <stage> TAB <exception type> TAB <line> TAB <column> TAB <message>
         where stage is 'read', 'parse' or 'dump', and line/column are '-' unless the error has them.
  dump:  reads NUL-separated paths on stdin and prints, per file, a header line
             <index> TAB <byte length> TAB OK|REFUSED
         followed by that many bytes: the UTF-8 dump, or the REFUSED fields as above.

ast.parse runs at the interpreter's default recursion limit, which bounds how deep a tree CPython
builds (RecursionError "during ast construction"). ast.dump then runs with a far higher limit:
its recursion in Python code is an artefact of the oracle, not a refusal by the parser. Only a
refusal of the dump that a parser cannot avoid remains: ValueError for an int of more than 4300
digits (the default sys.get_int_max_str_digits(), which -I keeps from the environment)."""
import ast
import hashlib
import multiprocessing
import os
import sys
import warnings

PARSE_RECURSION_LIMIT = sys.getrecursionlimit()
DUMP_RECURSION_LIMIT = 200_000
WORKERS = 2
INLINE_BELOW = 8


def one_line(text):
    return text.replace('\\', '\\\\').replace('\n', '\\n').replace('\r', '\\r').replace('\t', '\\t')


def refusal(stage, error):
    line = getattr(error, 'lineno', None) if isinstance(error, SyntaxError) else None
    column = getattr(error, 'offset', None) if isinstance(error, SyntaxError) else None
    message = error.msg if isinstance(error, SyntaxError) else str(error)
    return '\t'.join(['REFUSED', stage, type(error).__name__, '-' if line is None else str(line),
                      '-' if column is None else str(column), one_line(str(message))])


def dump(path):
    """(True, dump text) or (False, refusal fields)."""
    try:
        with open(path, 'rb') as f:
            source = f.read()
    except OSError as e:
        return False, refusal('read', e)
    sys.setrecursionlimit(PARSE_RECURSION_LIMIT)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            tree = ast.parse(source)
    except BaseException as e:  # SyntaxError, ValueError (NUL byte), RecursionError, MemoryError...
        if isinstance(e, KeyboardInterrupt):
            raise
        return False, refusal('parse', e)
    sys.setrecursionlimit(DUMP_RECURSION_LIMIT)
    try:
        return True, ast.dump(tree, include_attributes=True)
    except BaseException as e:
        if isinstance(e, KeyboardInterrupt):
            raise
        return False, refusal('dump', e)
    finally:
        sys.setrecursionlimit(PARSE_RECURSION_LIMIT)


def hash_one(item):
    index, path = item
    ok, text = dump(path)
    if ok:
        return '%d\tOK\t%s' % (index, hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest())
    return '%d\t%s' % (index, text)


def dump_one(item):
    index, path = item
    ok, text = dump(path)
    body = text.encode('utf-8', 'surrogatepass' if ok else 'backslashreplace')
    return b'%d\t%d\t%s\n' % (index, len(body), b'OK' if ok else b'REFUSED') + body


def results(function, items):
    if len(items) < INLINE_BELOW:
        yield from map(function, items)
        return
    with multiprocessing.get_context('fork').Pool(WORKERS) as pool:
        yield from pool.imap(function, items, chunksize=2)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else 'hash'
    data = sys.stdin.buffer.read()
    paths = [os.fsdecode(p) for p in data.split(b'\0') if p]
    items = list(enumerate(paths))
    out = sys.stdout.buffer
    if mode == 'hash':
        for line in results(hash_one, items):
            out.write(line.encode('utf-8', 'backslashreplace') + b'\n')
    elif mode == 'dump':
        for chunk in results(dump_one, items):
            out.write(chunk)
    else:
        raise SystemExit('unknown mode ' + mode)
    out.flush()


if __name__ == '__main__':
    main()
