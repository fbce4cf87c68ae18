#!/usr/bin/env python3
"""Trims the AWS Kinesis API model to what request validation needs.

Reads botocore's service-2.json and writes a copy that keeps, for every operation, its name and
input shape, and for every shape reachable from an operation input only the members that
validation reads (type, required, members, member, key, value, min, max, pattern, enum).
Documentation strings, outputs, errors and endpoint hints are dropped. Member, shape and enum
order is kept exactly as in the source: the validator reports errors in model order unless it
knows AWS does otherwise.

Usage (from the repository root):

    python3 broker-api-http/src/main/model/trim_model.py \\
        /work/shared/aws-models/kinesis-2013-12-02/service-2.json \\
        broker-api-http/src/main/resources/io/tributary/http/validation/kinesis-2013-12-02.json

The output is deterministic: running it twice on the same input gives identical bytes.
"""

import json
import sys

SHAPE_KEYS = ("type", "required", "min", "max", "pattern", "enum")
METADATA_KEYS = ("apiVersion", "targetPrefix", "uid")


def trim(model):
    shapes = model["shapes"]
    kept = {}

    def keep(name):
        if name in kept:
            return
        source = shapes[name]
        shape = {key: source[key] for key in SHAPE_KEYS if key in source}
        kept[name] = shape
        kind = source["type"]
        if kind == "structure":
            shape["members"] = {m: {"shape": v["shape"]} for m, v in source["members"].items()}
            for member in source["members"].values():
                keep(member["shape"])
        elif kind == "list":
            shape["member"] = {"shape": source["member"]["shape"]}
            keep(source["member"]["shape"])
        elif kind == "map":
            shape["key"] = {"shape": source["key"]["shape"]}
            shape["value"] = {"shape": source["value"]["shape"]}
            keep(source["key"]["shape"])
            keep(source["value"]["shape"])

    operations = {}
    for name, operation in model["operations"].items():
        trimmed = {"name": name}
        if "input" in operation:
            trimmed["input"] = {"shape": operation["input"]["shape"]}
            keep(operation["input"]["shape"])
        operations[name] = trimmed

    return {
        "version": model["version"],
        "metadata": {key: model["metadata"][key] for key in METADATA_KEYS},
        "operations": operations,
        "shapes": {name: kept[name] for name in shapes if name in kept},
    }


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: trim_model.py SERVICE_2_JSON OUTPUT_JSON")
    with open(argv[1], encoding="utf-8") as source:
        model = json.load(source)
    with open(argv[2], "w", encoding="utf-8") as target:
        json.dump(trim(model), target, indent=1, ensure_ascii=False)
        target.write("\n")


if __name__ == "__main__":
    main(sys.argv)
