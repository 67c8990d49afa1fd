#!/usr/bin/env python3
"""openapi_opmaak.py OLD NEW OUT -- keeps api/openapi.json in its own layout
after a program changed it (a maintainer's tool, not part of the build).

NEW is the document as a program wrote it (any layout), OLD the text before
the change (e.g. `git show HEAD:api/openapi.json`). OUT gets NEW's content in
OLD's layout: every value that did not change keeps its original text;
changed values that were spread over lines stay spread, member by member;
a new path item gets one operation per line, as the others; any other new
or changed value is written on one line. OUT is checked to hold exactly
NEW's JSON.

    git show HEAD:api/openapi.json > /tmp/oud.json
    python3 scripts/openapi_opmaak.py /tmp/oud.json api/openapi.json api/openapi.json
"""
import json, sys

class Node:
    __slots__ = ('start', 'end', 'kind', 'children', 'value')

def parse(text):
    i = 0
    n = len(text)
    def ws():
        nonlocal i
        while i < n and text[i] in ' \t\r\n':
            i += 1
    def value():
        nonlocal i
        ws()
        node = Node()
        node.start = i
        c = text[i]
        if c == '{':
            node.kind = 'obj'; node.children = {}
            i += 1; ws()
            if text[i] == '}':
                i += 1
            else:
                while True:
                    ws()
                    k = string()
                    ws(); assert text[i] == ':'; i += 1
                    node.children[k] = value()
                    ws()
                    if text[i] == ',':
                        i += 1; continue
                    assert text[i] == '}'; i += 1; break
        elif c == '[':
            node.kind = 'arr'; node.children = []
            i += 1; ws()
            if text[i] == ']':
                i += 1
            else:
                while True:
                    node.children.append(value())
                    ws()
                    if text[i] == ',':
                        i += 1; continue
                    assert text[i] == ']'; i += 1; break
        elif c == '"':
            node.kind = 'str'; string()
        else:
            node.kind = 'lit'
            while i < n and text[i] not in ',}] \t\r\n':
                i += 1
        node.end = i
        node.value = json.loads(text[node.start:node.end])
        return node
    def string():
        nonlocal i
        assert text[i] == '"'
        j = i + 1
        while text[j] != '"':
            j += 2 if text[j] == '\\' else 1
        s = json.loads(text[i:j + 1])
        i = j + 1
        return s
    root = value()
    return root

def compact(v):
    return json.dumps(v, ensure_ascii=False, separators=(', ', ': '))

def spread(v, indent):
    t = json.dumps(v, ensure_ascii=False, indent=2)
    return t.replace('\n', '\n' + ' ' * indent)

def render(new, old, text, indent, pad=()):
    if old is not None and old.value == new and type(old.value) == type(new):
        return text[old.start:old.end]
    multiline = old is not None and '\n' in text[old.start:old.end]
    if isinstance(new, dict) and old is not None and old.kind == 'obj' and multiline:
        parts = []
        for k, v in new.items():
            parts.append(' ' * (indent + 2) + json.dumps(k, ensure_ascii=False) + ': ' +
                         render(v, old.children.get(k), text, indent + 2, pad + (k,)))
        return '{\n' + ',\n'.join(parts) + '\n' + ' ' * indent + '}' if parts else '{}'
    if isinstance(new, list) and old is not None and old.kind == 'arr' and multiline:
        parts = []
        for idx, v in enumerate(new):
            o = old.children[idx] if idx < len(old.children) else None
            parts.append(' ' * (indent + 2) + render(v, o, text, indent + 2, pad + (idx,)))
        return '[\n' + ',\n'.join(parts) + '\n' + ' ' * indent + ']' if parts else '[]'
    if old is not None and not multiline:
        return compact(new)
    # a new path item: one operation per line, as the others; any other new value compact
    if len(pad) == 2 and pad[0] == 'paths' and isinstance(new, dict):
        return '{\n' + ',\n'.join(' ' * (indent + 2) + json.dumps(k, ensure_ascii=False) + ': ' + compact(v)
                                   for k, v in new.items()) + '\n' + ' ' * indent + '}'
    return compact(new)

old_text = open(sys.argv[1], encoding='utf-8').read()
new = json.load(open(sys.argv[2], encoding='utf-8'))
root = parse(old_text)
out = render(new, root, old_text, 0) + '\n'
assert json.loads(out) == new
open(sys.argv[3], 'w', encoding='utf-8').write(out)
