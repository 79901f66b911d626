"""For TestAstDump: builds one node per stdin line and prints its ast.dump(include_attributes=True).
A line is 'Class field:kind ...' with kind N (None), L (empty list) or I (the int 0); classes this
interpreter lacks print MISSING, and fields it lacks are not set. Attributes get 1, 2, 3, 4."""
import ast
import sys

out = []
for line in sys.stdin.read().splitlines():
    name, *specs = line.split()
    cls = getattr(ast, name, None)
    if cls is None:
        out.append('MISSING')
        continue
    node = cls()
    for spec in specs:
        field, kind = spec.split(':')
        if field in cls._fields:
            setattr(node, field, {'N': None, 'L': [], 'I': 0}[kind])
    for value, attribute in enumerate(cls._attributes, 1):
        setattr(node, attribute, value)
    out.append(ast.dump(node, include_attributes=True))
sys.stdout.write('\n'.join(out) + '\n')
