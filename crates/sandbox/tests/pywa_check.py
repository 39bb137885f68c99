#!/usr/bin/env python3
"""Parse WhatsApp webhook bodies with pywa, a real Cloud API client library.

Reads webhook bodies (one JSON document per line) from stdin, or from the files named
on the command line, and parses each the way pywa's webhook handler does
(``WhatsApp.webhook_update_handler`` → ``_get_handler_type`` → ``<Update>.from_update``):
the handler pywa picks for the update, then that handler's update type built from the
raw update. pywa reads only ``entry[0].changes[0]`` and the first item of its list, so
a body with several entries, changes or items is split into one update per item first
(each keeps its change's ``contacts[]``, as Meta sends them).

Prints one line per update that pywa could not read (with the exception) and exits 1
if there was any, 2 on unusable input, 0 when every update parsed. No network: the
client is built offline with a dummy phone id and token and no server.

Used by crates/sandbox/tests/pywa.rs with the interpreter of .venv-tools (installed by
scripts/setup.sh, pinned pywa version there).
"""

import copy
import json
import sys
import traceback

import pywa
from pywa import WhatsApp
from pywa.types.base_update import RawUpdate

LISTS = ("messages", "statuses", "calls")


def single_updates(body):
    """One webhook body per entry × change × list item, as pywa would receive them."""
    for entry in body.get("entry", []):
        for change in entry.get("changes", []):
            value = change.get("value", {})
            items = [(k, i) for k in LISTS for i in range(len(value.get(k) or []))]
            if not items:
                items = [(None, None)]
            for key, index in items:
                single_value = copy.deepcopy(value)
                if key is not None:
                    for other in LISTS:
                        if other != key:
                            single_value.pop(other, None)
                    single_value[key] = [value[key][index]]
                single = {
                    "object": body.get("object"),
                    "entry": [
                        {
                            **{k: v for k, v in entry.items() if k != "changes"},
                            "changes": [{**change, "value": single_value}],
                        }
                    ],
                }
                label = f"{change.get('field')}"
                if key is not None:
                    item = value[key][index]
                    kind = item.get("type") or item.get("event") or ""
                    status = item.get("status")
                    label += f"/{key}[{index}] {kind}{':' + status if status else ''}"
                yield label, json.dumps(single).encode()


def check(wa, raw_bytes):
    """Parses one single-item update; returns the constructed pywa update."""
    raw = RawUpdate(raw_bytes, hmac_header=None, update_hash="pywa-check")
    handler_type = wa._get_handler_type(raw)
    if handler_type is None:
        raise LookupError("pywa has no handler for this update")
    update_type = wa._handlers_to_updates[handler_type]
    update = update_type.from_update(client=wa, update=raw)
    user = getattr(update, "from_user", None)
    if user is not None and not (user.bsuid or user.wa_id):
        raise ValueError("the update's user has neither a BSUID nor a wa_id")
    return update


def main(argv):
    if len(argv) > 1:
        lines = []
        for path in argv[1:]:
            with open(path, "rb") as f:
                lines.extend(f.read().splitlines())
    else:
        lines = sys.stdin.buffer.read().splitlines()
    wa = WhatsApp(phone_id="0", token="offline", filter_updates=False)
    total = failures = 0
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            body = json.loads(line)
        except ValueError as e:
            print(f"body {n}: not JSON: {e}")
            return 2
        for label, single in single_updates(body):
            total += 1
            try:
                check(wa, single)
            except Exception as e:  # any failure of pywa to read the update
                failures += 1
                where = traceback.extract_tb(e.__traceback__)[-1]
                print(
                    f"body {n} {label}: pywa {pywa.__version__} cannot read it: "
                    f"{type(e).__name__}: {e} (at {where.filename.split('site-packages/')[-1]}:{where.lineno})"
                )
    print(f"pywa {pywa.__version__}: {total - failures} of {total} updates parsed")
    if total == 0:
        print("no webhook bodies given")
        return 2
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
