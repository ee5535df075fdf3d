#!/usr/bin/python3
"""Checks borderline's outputs with independent validators (tests/validate/run.sh drives it).

  validate.py json-schema SCHEMA FILE...        each FILE (JSON or YAML) is valid against SCHEMA
  validate.py json-schema-invalid SCHEMA FILE   FILE must be invalid (proves the check can fail)
  validate.py multitool-log LOG                 the SARIF Multitool's log has no error or warning

YAML is read with YAML 1.2 core-schema scalars, as editors' YAML language servers and
borderline read it: `2025-09-01` and `NO` stay strings, `3.1e25` is a number.
"""
import json
import re
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core schema's implicit types instead of YAML 1.1's."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]:
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), first)


def _int12(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 0) if text.startswith("0x") else int(text)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)


def documents(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".json") or path.endswith(".sarif"):
        return [json.loads(text)]
    return [d for d in yaml.load_all(text, Loader=Yaml12Loader) if d is not None]


def validator(schema_path):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def errors_of(v, path):
    out = []
    for i, doc in enumerate(documents(path)):
        for e in sorted(v.iter_errors(doc), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in e.absolute_path)
            out.append(f"{path}: document {i + 1}: /{where}: {e.message}")
    return out


def main(argv):
    command = argv[1]
    if command == "json-schema":
        v = validator(argv[2])
        problems = [p for path in argv[3:] for p in errors_of(v, path)]
        for p in problems[:40]:
            print(p)
        return 1 if problems else 0
    if command == "json-schema-invalid":
        return 0 if errors_of(validator(argv[2]), argv[3]) else 1
    if command == "multitool-log":
        with open(argv[2], encoding="utf-8") as f:
            log = json.load(f)
        # SARIF2005 asks for the tool's informationUri: borderline has no public home page to
        # name, and GitHub does not need it. Everything else counts.
        allowed = {"SARIF2005"}
        bad = [r for run in log["runs"] for r in run.get("results", [])
               if r.get("level", "warning") in ("error", "warning") and r["ruleId"] not in allowed]
        for r in bad:
            print(f'{r["level"]} {r["ruleId"]}: {r["message"].get("text", r["message"])}')
        return 1 if bad else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
