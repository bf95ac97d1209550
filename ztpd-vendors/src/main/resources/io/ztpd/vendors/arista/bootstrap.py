#!/usr/bin/env python3
# ztpd bootstrap for Arista EOS zero touch provisioning.
#
# Speaks Arista's ZTPServer client API, as its bootstrap does:
#   GET  /bootstrap/config        logging / xmpp settings (JSON)
#   POST /nodes                   this switch's facts + LLDP neighbours -> 201/409 + Location
#   GET  <Location>               the node definition: ordered actions (JSON)
#   GET  /actions/<name>          each action (Python, main(attributes))
#   GET  /meta/<path>, <url>      size + sha1 of what an action downloads, then the file itself
# and reports every step to ztpd (POST /ztp/report) so the operator sees it on the board.
# ztpd replaces $SERVER with its own URL when it serves this script.

import importlib.util
import json
import logging
import logging.handlers
import os
import subprocess
import sys
import urllib.error
import urllib.request
import hashlib

SERVER = '$SERVER'
FLASH = '/mnt/flash'
STARTUP_CONFIG = FLASH + '/startup-config'
TEMP = '/tmp'
HTTP_TIMEOUT = 30

log = logging.getLogger('ztpbootstrap')
log.setLevel(logging.INFO)
log.addHandler(logging.StreamHandler(sys.stdout))
NODE_ID = None


class ZtpError(Exception):
    pass


def url_of(path):
    if path.startswith('http://') or path.startswith('https://'):
        return path
    return SERVER.rstrip('/') + '/' + path.lstrip('/')


def http(method, path, body=None, content_type='text/html'):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url_of(path), data=data, method=method,
                                 headers={'Content-Type': content_type})
    try:
        with urllib.request.urlopen(req, timeout=HTTP_TIMEOUT) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()
    except OSError as e:
        raise ZtpError('server connection error: %s' % e)


def ctype(headers):
    return (headers.get('Content-Type') or '').split(';')[0].strip()


def report(status, step, message):
    """Progress for ztpd's timeline; never fatal."""
    body = {'status': status, 'step': step, 'message': message}
    if NODE_ID:
        body['device'] = NODE_ID
    try:
        http('POST', '/ztp/report', body, 'application/json')
    except ZtpError:
        pass
    log.info('%s %s: %s', status, step, message)


def cli(command, as_json=True):
    out = subprocess.run(['FastCli', '-p', '15', '-c', command + (' | json' if as_json else '')],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if out.returncode:
        raise ZtpError('%s failed: %s' % (command, out.stderr.decode(errors='replace')))
    text = out.stdout.decode(errors='replace')
    return json.loads(text or '{}') if as_json else text


class Node:
    """What actions may use: attributes.get('NODE')."""

    def system(self):
        v = cli('show version')
        return {'model': v.get('modelName'), 'version': v.get('version'),
                'systemmac': v.get('systemMacAddress'), 'serialnumber': v.get('serialNumber')}

    def neighbors(self):
        result = {}
        for n in cli('show lldp neighbors').get('lldpNeighbors', []):
            result.setdefault(n['port'], []).append(
                {'device': n['neighborDevice'], 'port': n['neighborPort']})
        return {'neighbors': result}

    def details(self):
        d = self.system()
        d.update(self.neighbors())
        return d

    def api_enable_cmds(self, cmds, text_format=False):
        return [cli(c, not text_format) for c in cmds]

    def flash(self):
        return FLASH

    def startup_config(self):
        return STARTUP_CONFIG

    def log_msg(self, msg, error=False):
        (log.error if error else log.info)(msg)

    def retrieve_url(self, url, path):
        """Downloads url to path; for ztpd's own files, checks size and sha1 from /meta first."""
        meta = None
        full = url_of(url)
        if full.startswith(SERVER):
            status, headers, body = http('GET', '/meta' + full[len(SERVER.rstrip('/')):])
            if status != 200 or ctype(headers) != 'application/json':
                raise ZtpError('no metadata for %s (status %s)' % (url, status))
            meta = json.loads(body)
        status, headers, body = http('GET', full)
        if status != 200:
            raise ZtpError('cannot retrieve %s (status %s)' % (url, status))
        if meta is not None:
            if len(body) != meta['size']:
                raise ZtpError('%s: got %d bytes, metadata says %d' % (url, len(body), meta['size']))
            if hashlib.sha1(body).hexdigest() != meta['sha1']:
                raise ZtpError('%s: sha1 does not match its metadata' % url)
        with open(path, 'wb') as f:
            f.write(body)


class Attributes:
    def __init__(self, local_attr, special_attr):
        self.local_attr = local_attr or {}
        self.special_attr = special_attr

    def get(self, attr, default=None):
        if attr in self.local_attr:
            return self.local_attr[attr]
        return self.special_attr.get(attr, default)

    def copy(self):
        attrs = dict(self.special_attr)
        attrs.update(self.local_attr)
        return attrs


def run_action(details, node):
    name = details['action']
    step = 'action:' + name
    status, headers, body = http('GET', '/actions/' + name)
    if status != 200 or ctype(headers) != 'text/x-python':
        raise ZtpError('action %s not found on server (status %s)' % (name, status))
    filename = os.path.join(TEMP, name)
    with open(filename, 'wb') as f:
        f.write(body)
    report('progress', step, details.get('onstart', 'starting'))
    spec = importlib.util.spec_from_file_location(name, filename)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        module.main(Attributes(details.get('attributes'), {'NODE': node}))
    except Exception as exc:
        raise ZtpError('%s: %s' % (details.get('onfailure', 'action %s failed' % name), exc))
    report('progress', step, details.get('onsuccess', 'done'))


def main():
    global NODE_ID
    status, headers, body = http('GET', '/bootstrap/config')
    if status != 200 or ctype(headers) != 'application/json':
        raise ZtpError('unexpected response to GET /bootstrap/config (status %s)' % status)
    for entry in json.loads(body).get('logging', []):
        host, _, port = entry['destination'].partition(':')
        handler = logging.handlers.SysLogHandler(address=(host, int(port or 514)))
        handler.setLevel(entry.get('level', 'INFO'))
        log.addHandler(handler)

    node = Node()
    status, headers, _ = http('POST', '/nodes', node.details(), 'application/json')
    if status not in (201, 409):
        raise ZtpError('node not accepted by server (status %s)' % status)
    location = headers.get('Location')
    NODE_ID = location.rstrip('/').split('/')[-1]
    report('progress', 'bootstrap', 'registered as node %s' % NODE_ID)

    status, headers, body = http('GET', location)
    if status != 200 or ctype(headers) != 'application/json':
        raise ZtpError('no definition for node %s (status %s)' % (NODE_ID, status))
    definition = json.loads(body)
    for details in definition.get('actions', []):
        run_action(details, node)

    if not os.path.isfile(STARTUP_CONFIG) or not open(STARTUP_CONFIG).read().strip():
        raise ZtpError('startup configuration is missing at the end of the bootstrap process')
    report('applied', 'config', 'definition %s applied' % definition.get('name', ''))


if __name__ == '__main__':
    try:
        main()
    except Exception as exc:  # noqa: BLE001 - every failure is reported, then ZTP retries
        report('failed', 'bootstrap', str(exc))
        sys.exit(1)
