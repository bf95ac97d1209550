#!/usr/bin/env python
# ztpd: Huawei ZTP intermediate file for site @@SITE@@ (@@COUNT@@ device(s)). Generated; do not edit.
# The line above the interpreter line is the SHA256 of the rest of this file, as Huawei ZTP checks
# it. The device finds itself in DEVICES by ESN, else by MAC, downloads its files from FILE_SERVER
# (checking the software's SHA256), sets them for the next startup, and reports every step to ztpd.
import hashlib
import json
import re
import sys

try:
    from urllib.request import Request, urlopen
except ImportError:  # Python 2 VRP releases
    from urllib2 import Request, urlopen

FILE_SERVER = @@FILE_SERVER@@
REPORT_URL = @@REPORT_URL@@
FLASH = "/flash/"
# one entry per device of the site: device, esn, mac, devicetype, software, software_sha256,
# config, patch (paths relative to FILE_SERVER; None when not set)
DEVICES = [
@@DEVICES@@]


def cli(command):
    """Runs a VRP command through OPS and returns its output."""
    import ops

    handle, error = ops.cli.open()
    try:
        result, more, error = ops.cli.execute(handle, command)
        return result or ""
    finally:
        ops.cli.close(handle)


@@FUNCTIONS@@


def own_identity():
    esn = re.search(r"ESN[^:]*:\s*(\S+)", cli("display esn"))
    mac = re.search(r"([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4})", cli("display system mac-address"))
    return (esn.group(1) if esn else None, mac.group(1).lower() if mac else None)


def find_self(esn, mac):
    for entry in DEVICES:
        if entry["esn"] not in (None, "DEFAULT") and entry["esn"] == esn:
            return entry
    for entry in DEVICES:
        if entry["mac"] not in (None, "DEFAULT") and entry["mac"] == mac:
            return entry
    return None


def download(path, sha256=None):
    name = path.rsplit("/", 1)[-1]
    data = urlopen(FILE_SERVER + "/" + path, timeout=600).read()
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise RuntimeError("SHA256 of %s does not match %s" % (name, sha256))
    with open(FLASH + name, "wb") as f:
        f.write(data)
    return name


def main():
    esn, mac = own_identity()
    entry = find_self(esn, mac)
    if entry is None:
        report("failed", "start", "ESN %s / MAC %s is not in this file" % (esn, mac))
        return 1
    WHO["device"] = entry["device"]
    step = "start"
    try:
        report("progress", step, "intermediate file matched ESN %s" % esn)
        if entry["software"]:
            step = "image"
            name = download(entry["software"], entry["software_sha256"])
            cli("startup system-software %s" % name)
            report("progress", step, "next startup software " + name)
        if entry["patch"]:
            step = "patch"
            cli("startup patch %s" % download(entry["patch"]))
        step = "config"
        name = download(entry["config"])
        cli("startup saved-configuration %s" % name)
        report("done", "ztp", "files set for the next startup; rebooting")
        return 0
    except Exception as error:
        report("failed", step, str(error))
        return 1


if __name__ == "__main__":
    sys.exit(main())
