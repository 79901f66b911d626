"""For TestAstDumpOnCPythonTrees: exports the trees CPython builds, so that the Java records can be
rebuilt from them and dumped by AstDump without our parser. Reads NUL-separated paths on stdin; per
file prints 'FILE <index> OK <sha256 of ast.dump(tree, include_attributes=True)>' and then the tree,
one value per line, in prefix order, or 'FILE <index> REFUSED' for a file CPython refuses or cannot
dump. Values: 'N <class>' a node, followed by its _fields then its _attributes; 'L <n>' a list of n;
'S <json>' a str, or 'U <hex code points>' for a str that a Java String cannot
hold (a high surrogate code point followed by a low one, which Java reads as one astral character); 'I <int>'; 'F <float.hex()>'; 'C <real hex> <imag hex>'; 'B <hex>' bytes;
'T' True; 'X' False; '0' None; 'E' Ellipsis. Operator and context singletons are 'N <class>'."""
import ast
import hashlib
import json
import multiprocessing
import os
import re
import sys
import warnings


SURROGATE_PAIR = re.compile('[\ud800-\udbff][\udc00-\udfff]')


def emit(value, out):
    if isinstance(value, ast.AST):
        out.append('N ' + type(value).__name__)
        for name in value._fields:
            emit(getattr(value, name, None), out)
        for name in value._attributes:
            emit(getattr(value, name, None), out)
    elif isinstance(value, list):
        out.append('L %d' % len(value))
        for item in value:
            emit(item, out)
    elif value is None:
        out.append('0')
    elif value is True:
        out.append('T')
    elif value is False:
        out.append('X')
    elif value is Ellipsis:
        out.append('E')
    elif isinstance(value, str):
        if SURROGATE_PAIR.search(value):
            out.append('U ' + ' '.join('%x' % ord(c) for c in value))
        else:
            out.append('S ' + json.dumps(value))
    elif isinstance(value, int):
        out.append('I %x' % value if value >= 0 else 'I -%x' % -value)
    elif isinstance(value, float):
        out.append('F ' + value.hex())
    elif isinstance(value, complex):
        out.append('C %s %s' % (value.real.hex(), value.imag.hex()))
    elif isinstance(value, bytes):
        out.append('B ' + value.hex())
    else:
        raise TypeError(type(value))


def export(item):
    index, path = item
    try:
        with open(path, 'rb') as f, warnings.catch_warnings():
            warnings.simplefilter('ignore')
            tree = ast.parse(f.read())
        sys.setrecursionlimit(200_000)
        digest = hashlib.sha256(ast.dump(tree, include_attributes=True).encode('utf-8')).hexdigest()
        out = ['FILE %d OK %s' % (index, digest)]
        emit(tree, out)
        return '\n'.join(out) + '\n'
    except Exception:
        return 'FILE %d REFUSED\n' % index
    finally:
        sys.setrecursionlimit(1000)


def main():
    paths = [os.fsdecode(p) for p in sys.stdin.buffer.read().split(b'\0') if p]
    with multiprocessing.get_context('fork').Pool(2) as pool:
        for text in pool.imap(export, list(enumerate(paths)), chunksize=4):
            sys.stdout.write(text)


if __name__ == '__main__':
    main()
