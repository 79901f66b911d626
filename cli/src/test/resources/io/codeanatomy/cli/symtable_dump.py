"""CPython's symtable of each file, in the canonical text TestScopeBindings compares with.

Arguments: the source root; standard input: relative paths, one a line. Output, per file in
input order: 'FILE <path>', then either 'ERROR <message>' (symtable refuses the file) or one
line per scope, sorted: 'type|name|lineno|' followed by the scope's symbols, sorted, each as
'symbol:SCOPE:' and the seven flags (parameter, imported, assigned, referenced, annotated,
nonlocal, declared global) as 0/1, separated by ' '.
"""
import os
import symtable
import sys

SCOPES = {symtable.LOCAL: 'LOCAL', symtable.GLOBAL_EXPLICIT: 'GLOBAL_EXPLICIT',
          symtable.GLOBAL_IMPLICIT: 'GLOBAL_IMPLICIT', symtable.FREE: 'FREE', symtable.CELL: 'CELL'}


def symbol_text(s):
    flags = s._Symbol__flags
    scope = SCOPES.get((flags >> symtable.SCOPE_OFF) & symtable.SCOPE_MASK, 'UNKNOWN')
    bits = [s.is_parameter(), s.is_imported(), s.is_assigned(), s.is_referenced(), s.is_annotated(),
            s.is_nonlocal(), s.is_declared_global()]
    return s.get_name() + ':' + scope + ':' + ''.join('1' if b else '0' for b in bits)


def walk(table, out):
    symbols = sorted(symbol_text(s) for s in table.get_symbols())
    out.append('%s|%s|%d|%s' % (table.get_type(), table.get_name(), table.get_lineno(), ' '.join(symbols)))
    for child in table.get_children():
        walk(child, out)


def main():
    root = sys.argv[1]
    write = sys.stdout.write
    for rel in sys.stdin.read().splitlines():
        write('FILE ' + rel + '\n')
        try:
            with open(os.path.join(root, rel), 'rb') as f:
                table = symtable.symtable(f.read(), rel, 'exec')
        except (SyntaxError, ValueError) as e:
            write('ERROR %s: %s\n' % (type(e).__name__, str(e).replace('\n', ' ')))
            continue
        out = []
        walk(table, out)
        for line in sorted(out):
            write(line + '\n')


main()
