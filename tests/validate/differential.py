#!/usr/bin/python3
"""Checks that `borderline schema` and the loader agree on what a manifest may be.

Builds complete manifests from the schema itself (every optional key present), then thousands
of variants: each key removed, each value replaced by values of every JSON type and by
out-of-range numbers, an unknown key added to each object. Every variant goes to the JSON
Schema validator and to `borderline check`; both must accept it or both reject it.

The one thing a schema cannot know is the chip catalog: a chip id (the schema's `examples`
marks that field) is checked against the catalog by the loader only, so its scalar variants
are not compared.

  differential.py SCHEMA BORDERLINE WORKDIR
"""
import copy
import json
import os
import re
import subprocess
import sys

import jsonschema

REPLACEMENTS = [None, [], {}, "zz-not-valid", 12345, True, 1.5, -1]


def main(schema_path, binary, workdir):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    defs = schema["$defs"]
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)

    def resolve(s):
        while "$ref" in s:
            s = defs[s["$ref"].split("/")[-1]]
        return s

    def sample(s, inline):
        s = resolve(s)
        if "const" in s:
            return s["const"]
        if "enum" in s:
            return s["enum"][0]
        if "anyOf" in s:
            return sample(s["anyOf"][1 if inline else 0], inline)
        t = s.get("type")
        t = t[0] if isinstance(t, list) else t
        if t == "object":
            if s.get("additionalProperties") is False:
                return {k: sample(v, inline) for k, v in s.get("properties", {}).items()}
            return {"team": "x"}
        if t == "array":
            return [sample(s["items"], inline)]
        if t == "string":
            if s.get("format") == "date":
                return "2025-01-01"
            if "examples" in s:
                return s["examples"][0]
            return "w" if "pattern" in s else "x"
        if t in ("number", "integer"):
            if "exclusiveMinimum" in s:
                return s["exclusiveMinimum"] + 1
            return max(s.get("minimum", 1), 1)
        if t == "boolean":
            return True
        raise ValueError(f"no sample for {s}")

    bases = [
        ("workload", sample(defs["Workload"], False)),
        ("workload-inline-chip", sample(defs["Workload"], True)),
        ("list", sample(defs["WorkloadList"], False)),
    ]

    variants = []  # (description, document)

    def walk(doc, node, s, path):
        s = resolve(s)
        if "anyOf" in s:
            branch = s["anyOf"][1] if isinstance(node, dict) else s["anyOf"][0]
            return walk(doc, node, branch, path)
        if isinstance(node, list) and node:
            walk(doc, node[0], s["items"], path + [0])
            return
        if not isinstance(node, dict) or s.get("additionalProperties") is not False:
            return
        def at(d):
            for p in path:
                d = d[p]
            return d
        for key, sub in s["properties"].items():
            if key not in node:
                continue
            removed = copy.deepcopy(doc)
            del at(removed)[key]
            variants.append((f"{path + [key]} removed", removed))
            subs = resolve(sub)
            catalog = "anyOf" in subs and "examples" in subs["anyOf"][0]
            values = [] if catalog and not isinstance(node[key], dict) else list(REPLACEMENTS)
            if catalog:
                values = [None, [], {}]
            for bound in ("minimum", "maximum", "exclusiveMinimum"):
                if bound in subs:
                    step = -1 if bound != "maximum" else 1
                    values += [subs[bound], subs[bound] + step]
            for value in values:
                changed = copy.deepcopy(doc)
                at(changed)[key] = value
                variants.append((f"{path + [key]} = {json.dumps(value)}", changed))
            walk(doc, node[key], sub, path + [key])
        extra = copy.deepcopy(doc)
        at(extra)["zzUnknown"] = "x"
        variants.append((f"{path} + unknown key", extra))

    for name, base in bases:
        variants.append((f"{name} as generated", base))
        walk(base, base, schema["else"] if base["kind"] == "Workload" else schema["then"], [])
        # The document's kind decides which definition applies.
        for value in (None, "zz", 12345):
            changed = copy.deepcopy(base)
            changed["kind"] = value
            variants.append((f"{name}: kind = {json.dumps(value)}", changed))

    # One file per distinct variant, each with its own workload name so that names never clash.
    files, seen = [], set()
    for i, (description, doc) in enumerate(variants):
        key = json.dumps(doc, sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        doc = copy.deepcopy(doc)
        for meta in [doc.get("metadata")] + [it.get("metadata") for it in doc.get("items", []) if isinstance(it, dict)] \
                if isinstance(doc.get("items"), list) else [doc.get("metadata")]:
            if isinstance(meta, dict) and meta.get("name") == "w":
                meta["name"] = f"w{i}"
        path = os.path.join(workdir, f"v{i:05d}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f)
        files.append((description, path, doc))

    # Workload names must be unique across one run: variants that give a name a fixed value go
    # to separate runs.
    def names(doc):
        metas = [doc.get("metadata")]
        if isinstance(doc.get("items"), list):
            metas += [it.get("metadata") for it in doc["items"] if isinstance(it, dict)]
        out = set()
        for meta in metas:
            if isinstance(meta, dict) and "name" in meta and meta["name"] is not None:
                value = meta["name"]
                out.add(value if isinstance(value, str) else json.dumps(value))
        return out

    batches = []  # (names used, paths)
    for _, path, doc in files:
        used = names(doc)
        for batch in batches:
            if not (batch[0] & used):
                batch[0].update(used)
                batch[1].append(path)
                break
        else:
            batches.append((set(used), [path]))

    rejected, stderr = set(), []
    for _, paths in batches:
        run = subprocess.run([binary, "check", "--no-config", "--fail-on", "never", "--as-of",
                              "2025-09-01"] + paths, capture_output=True, text=True)
        if run.returncode not in (0, 2):
            print(f"borderline check exited {run.returncode}:\n{run.stderr[:2000]}")
            return 1
        stderr += run.stderr.splitlines()
    for line in stderr:
        m = re.match(r"^(.*?\.json)(:\d+)*: error: ", line)
        if m:
            rejected.add(m.group(1))

    mismatches = 0
    for description, path, doc in files:
        schema_ok = validator.is_valid(doc)
        loader_ok = path not in rejected
        if schema_ok != loader_ok:
            mismatches += 1
            if mismatches <= 30:
                why = "; ".join(e.message for e in validator.iter_errors(doc))[:300]
                loader = [l for l in stderr if l.startswith(path)][:3]
                print(f"MISMATCH {description}: schema {'accepts' if schema_ok else 'rejects'} "
                      f"({why}), loader {'accepts' if loader_ok else 'rejects'} {loader}")
    accepted = sum(1 for _, p, _ in files if p not in rejected)
    print(f"differential: {len(files)} variants ({accepted} valid, {len(files) - accepted} invalid), "
          f"{mismatches} disagreements")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
