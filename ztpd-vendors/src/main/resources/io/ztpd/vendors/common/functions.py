# who the reports are about: {"device": id} or {"serial": serial}
WHO = {}


def report(status, step, message=""):
    """POSTs {status, step, message} and WHO to ztpd; a lost report never fails provisioning."""
    body = {"status": status, "step": step, "message": message}
    body.update(WHO)
    try:
        request = Request(
            REPORT_URL,
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        urlopen(request, timeout=10).read()
    except Exception:
        pass


def version_tokens(version):
    """Versions compare like ztpd's UpgradeRule: 17.09.04a equals 17.9.4a, 9.3(8) equals 9.3.8."""
    tokens = re.findall(r"\d+|[a-z]+", version.lower().replace("version ", ""))
    return [t.lstrip("0") or "0" if t.isdigit() else t for t in tokens]
