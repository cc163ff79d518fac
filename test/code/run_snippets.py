# Runs generated PyTorch snippets (a JSON list on stdin) each in a fresh namespace, and reports as JSON lines what they
# printed and the shapes, values and counts they hold, for test/code/pytorchRun.test.ts to compare with the engine.
import contextlib
import io
import json
import sys

import torch

torch.manual_seed(0)

for case in json.load(sys.stdin):
    namespace = {}
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(case["code"], case["id"], "exec"), namespace)
        checks = []
        for check in case["checks"]:
            value = eval(check["name"], namespace)
            checks.append(
                {
                    "shape": list(value.shape),
                    "values": value.detach().flatten().tolist() if check["values"] else None,
                }
            )
        counts = [int(eval(expression, namespace)) for expression in case["counts"]]
        report = {"id": case["id"], "stdout": printed.getvalue(), "checks": checks, "counts": counts}
    except Exception as error:  # reported to the test, which names the case
        report = {"id": case["id"], "error": f"{type(error).__name__}: {error}", "stdout": printed.getvalue()}
    print(json.dumps(report))
