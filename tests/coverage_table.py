#!/usr/bin/env python3
"""The README's coverage table, made from clickup.h: one row per route of the route table
(every ClickUp operation), with the typed call that sends it, found through the method and path
that each public declaration's documentation names ("GET /task/{task_id}"). An operation no
typed call names is reached through clickup_call.

  tests/coverage_table.py            print the table (Markdown)
  tests/coverage_table.py --check    exit 1 when README.md's table differs from it
"""
import re, sys

HEADER = open('clickup.h', encoding='utf-8').read()
BEGIN, END = '<!-- coverage:begin -->', '<!-- coverage:end -->'

def routes():
    body = HEADER[HEADER.index('#define CLICKUP__ROUTES(X)'):]
    for m in re.finditer(r'X\((\w+),\s*"(\w+|\*)",\s*"([^"]*)",\s*"([^"]*)"', body):
        ident, method, path, op = m.groups()
        if ident == 'OTHER':
            break
        yield method, path, op

def norm(path):
    """Parameter names compared without case: the docs say {team_id} where ClickUp says {team_Id}."""
    return re.sub(r'\{(\w+)\}', lambda m: '{' + m.group(1).lower() + '}', path)

RAW = re.compile(r'^clickup_(call|call_start|call_finish|call_done|pump|batch_run|\w+_free)$')

def typed_calls():
    """(method, path) -> public functions whose documentation names them. A comment documents
    every declaration that follows it, up to the next comment; the raw call and the batch are
    not typed calls (their docs show examples)."""
    public = HEADER[:HEADER.index('#endif /* CLICKUP_H */')]
    found = {}
    for doc, decls in re.findall(r'/\*((?:(?!\*/).)*)\*/((?:(?!/\*).)*)', public, re.S):
        names = [n for n in re.findall(r'CLICKUP_API [^(;]*?\b(clickup_\w+)\(', decls) if not RAW.match(n)]
        for methods, path in re.findall(r'\b((?:GET|POST|PUT|DELETE|PATCH)(?:\|(?:GET|POST|PUT|DELETE|PATCH))*)\s+(/[\w{}/]+)', doc):
            for method in methods.split('|'):
                for n in names:
                    found.setdefault((method, norm(path)), []).append(n)
    return found

def table():
    typed = typed_calls()
    rows, n_typed = [], 0
    for method, path, op in routes():
        names = sorted(set(typed.get((method, norm(path)), [])))
        n_typed += bool(names)
        how = ', '.join('`%s`' % n for n in names) if names else 'raw: `clickup_call`'
        rows.append('| %s | `%s` | %s | %s |' % (method, path, op, how))
    head = ['%d operations: %d with a typed call, every one through `clickup_call` with the same guarantees.' % (len(rows), n_typed),
            '', '| method | path | operation | call |', '|---|---|---|---|']
    return '\n'.join(head + rows) + '\n'

if __name__ == '__main__':
    made = table()
    if '--check' not in sys.argv:
        sys.stdout.write(made)
        sys.exit(0)
    readme = open('README.md', encoding='utf-8').read()
    if BEGIN not in readme or END not in readme:
        print('README.md has no coverage table (%s ... %s)' % (BEGIN, END)); sys.exit(1)
    have = readme[readme.index(BEGIN) + len(BEGIN):readme.index(END)].strip('\n') + '\n'
    if have != made:
        print('README.md coverage table is out of date: run tests/coverage_table.py and paste it'); sys.exit(1)
    print('README coverage table matches the route table')
