#!/bin/env python
# ztpd: NX-OS POAP script for @@LABEL@@. Generated; do not edit.
# POAP checks the md5sum line above (the MD5 of this file without that line), then runs it. The
# script fetches the configuration named after the switch (conf.<serial>, or conf_<MAC>.cfg),
# checks it against its .md5 file, fetches and checks the target image, schedules both for the
# reboot POAP does next, and reports every step to ztpd.
import hashlib
import json
import re
import sys

try:
    from urllib.request import Request, urlopen
except ImportError:  # Python 2 NX-OS releases
    from urllib2 import Request, urlopen

DEVICE = @@DEVICE@@
BASE_URL = @@BASE_URL@@
REPORT_URL = @@REPORT_URL@@
# "serial_number": poap/conf.<serial>; "mac": poap/conf_<MAC>.cfg (12 upper-case hex digits)
CONFIG_NAME_MODE = @@MODE@@
# the target image, or None: {"name", "url", "md5", "sha256", "version"}
IMAGE = @@IMAGE@@
BOOTFLASH = "/bootflash/"

@@FUNCTIONS@@


def copy(cli, path, name):
    cli("terminal dont-ask ; copy %s%s bootflash:%s vrf management" % (BASE_URL, path, name))


def md5_of(name):
    digest = hashlib.md5()
    with open(BOOTFLASH + name, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_checked(cli, path, name):
    """Copies a file and its .md5 companion ("<md5>  <name>"), and compares them."""
    copy(cli, path, name)
    copy(cli, path + ".md5", name + ".md5")
    with open(BOOTFLASH + name + ".md5") as f:
        expected = f.read().split()[0].lower()
    actual = md5_of(name)
    if actual != expected:
        raise RuntimeError("MD5 of %s is %s, expected %s" % (name, actual, expected))


def serial_number(cli):
    match = re.search(r"SN:\s*(\S+)", cli("show inventory chassis"))
    if not match:
        raise RuntimeError("no serial number in show inventory")
    return match.group(1)


def mgmt_mac(cli):
    match = re.search(r"address(?: is)?:?\s*([0-9a-fA-F.:]{12,17})", cli("show interface mgmt0"))
    if not match:
        raise RuntimeError("no MAC address in show interface mgmt0")
    return re.sub(r"[^0-9a-fA-F]", "", match.group(1)).upper()


def running_version(cli):
    match = re.search(r"(?:NXOS|system):\s+version\s+(\S+)", cli("show version"))
    return match.group(1) if match else None


def main():
    from cli import cli  # NX-OS

    if DEVICE is not None:
        WHO["device"] = DEVICE
    step = "start"
    try:
        serial = serial_number(cli)
        if DEVICE is None:
            WHO["serial"] = serial
        report("progress", step, "POAP script started on " + serial)
        if CONFIG_NAME_MODE == "mac":
            name = "conf_%s.cfg" % mgmt_mac(cli)
        else:
            name = "conf.%s" % serial
        step = "config"
        fetch_checked(cli, "poap/" + name, name)
        report("progress", step, "fetched and checked " + name)
        if IMAGE is not None:
            step = "image"
            current = running_version(cli)
            if current and IMAGE["version"] and version_tokens(current) == version_tokens(IMAGE["version"]):
                report("progress", step, "already running " + current)
            else:
                fetch_checked(cli, "images/" + IMAGE["name"], IMAGE["name"])
                cli("configure terminal ; boot nxos bootflash:%s" % IMAGE["name"])
                report("progress", step, "fetched and checked " + IMAGE["name"])
        step = "conf_min"
        cli("copy bootflash:%s scheduled-config" % name)
        report("done", "ztp", "configuration scheduled; POAP reboots into it")
    except Exception as error:
        report("failed", step, str(error))
        sys.exit(1)


if __name__ == "__main__":
    main()
