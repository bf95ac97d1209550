#!/usr/bin/env python
# ztpd: Cisco IOS-XE Python ZTP for @@LABEL@@. Generated per device; do not edit.
# DHCP option 67 pointed the guest shell here. The script applies the minimal configuration,
# saves it, installs the target image when the device does not run it yet, and reports every
# step to ztpd.
import json
import re
import sys

try:
    from urllib.request import Request, urlopen
except ImportError:  # Python 2 guest shells
    from urllib2 import Request, urlopen

DEVICE = @@DEVICE@@
CONFIG_URL = @@CONFIG_URL@@
REPORT_URL = @@REPORT_URL@@
# the target image, or None: {"name", "url", "md5", "version"}
IMAGE = @@IMAGE@@


@@FUNCTIONS@@


def fetch(url):
    return urlopen(url, timeout=120).read().decode("utf-8")


def running_version(cli):
    match = re.search(r"Version\s+([^\s,]+)", cli.cli("show version"))
    return match.group(1) if match else None


def configuration_lines(text):
    """IOS configuration lines the cli module can apply: no comments, no final 'end'."""
    lines = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("!") or line.strip() == "end":
            continue
        lines.append(line)
    return lines


def needs_image(cli):
    if IMAGE is None:
        return False
    current = running_version(cli)
    if current and IMAGE["version"] and version_tokens(current) == version_tokens(IMAGE["version"]):
        report("progress", "image", "already running " + current)
        return False
    return True


def install_image(cli):
    report("progress", "image", "copying " + IMAGE["name"])
    cli.executep("copy " + IMAGE["url"] + " flash:" + IMAGE["name"])
    verified = cli.cli("verify /md5 flash:" + IMAGE["name"] + " " + IMAGE["md5"])
    if "Verified" not in verified:
        raise RuntimeError("MD5 of flash:" + IMAGE["name"] + " does not match " + IMAGE["md5"])
    report("done", "ztp", "configuration saved; installing " + IMAGE["name"] + ", rebooting")
    cli.executep("install add file flash:" + IMAGE["name"] + " activate commit prompt-level none")


def main():
    import cli  # the guest shell's IOS-XE CLI module

    WHO["device"] = DEVICE
    step = "start"
    try:
        report("progress", step, "guest shell script started")
        step = "config"
        lines = configuration_lines(fetch(CONFIG_URL))
        report("progress", step, "fetched %d configuration lines" % len(lines))
        step = "conf_min"
        cli.configurep(lines)
        cli.executep("copy running-config startup-config")
        report("applied", step, "minimal configuration applied and saved")
        step = "image"
        if needs_image(cli):
            install_image(cli)  # reboots into the new image
        else:
            report("done", "ztp", "provisioning complete")
    except Exception as error:
        report("failed", step, str(error))
        sys.exit(1)


if __name__ == "__main__":
    main()
