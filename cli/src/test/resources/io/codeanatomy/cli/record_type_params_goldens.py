"""Records the golden symtable dumps that TestTypeParamScopes compares with.

Usage: python3 record_type_params_goldens.py PYTHON [PYTHON ...], each PYTHON a CPython 3.12+
interpreter. For each, runs symtable_dump.py (the symtable differential's own dump) over the
fixtures in type_params/ and writes type_params_symtable_<major>.<minor>.txt next to this script,
headed by one '#' line naming the interpreter's exact version. CI has no 3.12+ interpreter: the
goldens are committed and the test only reads them; re-run this after changing a fixture.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'type_params')
DUMP = os.path.join(HERE, 'symtable_dump.py')


def main():
    files = sorted(f for f in os.listdir(FIXTURES) if f.endswith('.py'))
    for python in sys.argv[1:]:
        version = subprocess.run([python, '-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'],
                                 check=True, capture_output=True, text=True).stdout.strip()
        dump = subprocess.run([python, DUMP, FIXTURES], input='\n'.join(files) + '\n', check=True,
                              capture_output=True, text=True).stdout
        minor = '.'.join(version.split('.')[:2])
        target = os.path.join(HERE, 'type_params_symtable_%s.txt' % minor)
        with open(target, 'w', encoding='utf-8') as out:
            out.write('# symtable of CPython %s over type_params/*.py, by record_type_params_goldens.py\n' % version)
            out.write(dump)
        print('wrote', target)


main()
