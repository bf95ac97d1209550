#!/usr/bin/env python3
"""Writes ztpd-web's OpenAPI document. Edit here, run `python3 docs/openapi.py`, commit both."""
import json, pathlib

def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def ok(desc, schema=None, ctype="application/json"):
    r = {"description": desc}
    if schema: r["content"] = {ctype: {"schema": schema}}
    return r
ERR = {"400": ok("Invalid input", ref("Error")), "404": ok("Not found", ref("Error"))}
def q(name, desc, typ="string", enum=None):
    s = {"type": typ}
    if enum: s["enum"] = enum
    return {"name": name, "in": "query", "required": False, "description": desc, "schema": s}
def p(name, desc): return {"name": name, "in": "path", "required": True, "description": desc, "schema": {"type": "string"}}
def body(schema, ctype="application/json"): return {"required": True, "content": {ctype: {"schema": schema}}}
S = lambda **kw: {"type": "object", "properties": kw}
st = {"type": "string"}; i = {"type": "integer"}; strs = {"type": "array", "items": st}; obj = {"type": "object", "additionalProperties": True}

schemas = {
  "Error": S(error=st, detail=st, field=st),
  "Device": {**S(id=st, hostname=st, serial=st, mac=st, vendor=st, model=st, client_id=st, circuit_id=st, remote_id=st,
                 site=st, group=st, template=st, final_template=st, target_image=st, fixed_ip=st, variables=obj,
                 status=ref("Status")), "required": ["id"]},
  "Status": S(phase={"type": "string", "enum": ["planned","discovered","addressed","bootstrapping","conf_min_loaded","verified","finalizing","provisioned","failed"]},
              conf_min={"type": "string", "enum": ["Not Loaded","Loaded"]},
              serial={"type": "string", "enum": ["Not Checked","Mismatch","Checked"]},
              final={"type": "string", "enum": ["Not Pushed","Pending Approval","Pushing","Pushed","Failed","Partially Completed"]},
              attempt=i, ip=st, observed_serial=st, failure_reason=st, failure_step=st, last_event=st, last_event_detail=st,
              last_event_at={"type": "string", "format": "date-time"}, started_at={"type": "string", "format": "date-time"},
              elapsed_seconds=i, last_seq=i),
  "DevicePage": S(total=i, offset=i, limit=i, counts={"type": "object", "additionalProperties": {"type": "integer"}},
                  items={"type": "array", "items": ref("Device")}),
  "Site": {**S(name=st, subnet=st, relays=strs, pools=strs, exclusions=strs, router=st, dns=strs, domain=st, ntp=strs,
               syslog=strs, lease_seconds=i, variables=obj), "required": ["name"]},
  "Group": {**S(name=st, approval_required={"type": "boolean"}, variables=obj), "required": ["name"]},
  "Event": S(seq=i, time={"type": "string", "format": "date-time"}, device_id=st, kind=st, source=st, detail=st,
             data={"type": "object", "additionalProperties": st}),
  "Pending": S(id=st, state={"type": "string", "enum": ["pending", "rejected"]}, identity=obj, first_seen=st, last_seen=st, seen_count=i, source=st),
  "Adopt": S(hostname=st, site=st, group=st, template=st),
  "Lease": S(ip=st, mac=st, client_id=st, device_id=st, site=st, hostname=st, start=st, expires=st, state=st),
  "Report": S(device=st, serial=st, mac=st, status={"type": "string", "enum": ["progress","applied","done","failed"]}, step=st, message=st),
  "ImportResult": S(sites=i, groups=i, devices=i, removed_devices=i),
  "TemplateError": S(template=st, line=i, variable=st, message=st),
}

paths = {
  "/api/v1/health": {"get": {"summary": "Liveness and counters", "responses": {"200": ok("Health", obj)}}},
  "/api/v1/devices": {
    "get": {"summary": "Devices with their stages, filtered, sorted and paged server-side",
            "parameters": [q("q", "free text over id, hostname, serial, MAC, IP, vendor, model, site"),
                           q("phase", "phase filter"), q("conf_min", "Not Loaded | Loaded"), q("serial", "Not Checked | Mismatch | Checked"),
                           q("final", "Conf Final state"), q("site", "site name"), q("vendor", "vendor profile id"),
                           q("sort", "id | hostname | serial | mac | ip | vendor | site | phase | last_event | elapsed"),
                           q("order", "asc | desc"), q("offset", "first row", "integer"), q("limit", "rows (max 1000)", "integer")],
            "responses": {"200": ok("A page", ref("DevicePage")), "400": ERR["400"]}},
    "post": {"summary": "Create a device", "requestBody": body(ref("Device")),
             "responses": {"201": ok("Created", ref("Device")), "400": ERR["400"], "409": ok("Exists", ref("Error"))}}},
  "/api/v1/devices/{id}": {
    "parameters": [p("id", "device id")],
    "get": {"summary": "One device", "responses": {"200": ok("Device", ref("Device")), "404": ERR["404"]}},
    "put": {"summary": "Create or replace a device", "requestBody": body(ref("Device")),
            "responses": {"200": ok("Replaced", ref("Device")), "201": ok("Created", ref("Device")), "400": ERR["400"]}},
    "delete": {"summary": "Delete a device (its events stay)", "responses": {"204": ok("Deleted"), "404": ERR["404"]}}},
  "/api/v1/devices/{id}/events": {"parameters": [p("id", "device id")],
    "get": {"summary": "The device's timeline, oldest first", "parameters": [q("after", "only events after this seq", "integer"), q("limit", "max events", "integer")],
            "responses": {"200": ok("Events", {"type": "array", "items": ref("Event")}), "404": ERR["404"]}}},
  "/api/v1/devices/{id}/render": {"parameters": [p("id", "device id")],
    "get": {"summary": "Render the device's minimal (or ?stage=final) configuration without delivering it",
            "parameters": [q("stage", "conf_min | final")],
            "responses": {"200": ok("Rendered text", st, "text/plain"), "422": ok("Template errors", {"type": "array", "items": ref("TemplateError")}), "404": ERR["404"]}}},
  "/api/v1/devices/{id}/reset": {"parameters": [p("id", "device id")],
    "post": {"summary": "Operator reset: the device starts over as planned", "responses": {"200": ok("Device", ref("Device"))}}},
  "/api/v1/sites": {"get": {"summary": "Sites", "responses": {"200": ok("Sites", {"type": "array", "items": ref("Site")})}}},
  "/api/v1/sites/{name}": {"parameters": [p("name", "site name")],
    "get": {"summary": "One site", "responses": {"200": ok("Site", ref("Site")), "404": ERR["404"]}},
    "put": {"summary": "Create or replace a site", "requestBody": body(ref("Site")), "responses": {"200": ok("Saved", ref("Site")), "400": ERR["400"]}},
    "delete": {"summary": "Delete an unused site", "responses": {"204": ok("Deleted"), "400": ERR["400"], "404": ERR["404"]}}},
  "/api/v1/groups": {"get": {"summary": "Groups", "responses": {"200": ok("Groups", {"type": "array", "items": ref("Group")})}}},
  "/api/v1/groups/{name}": {"parameters": [p("name", "group name")],
    "get": {"summary": "One group", "responses": {"200": ok("Group", ref("Group")), "404": ERR["404"]}},
    "put": {"summary": "Create or replace a group", "requestBody": body(ref("Group")), "responses": {"200": ok("Saved", ref("Group")), "400": ERR["400"]}},
    "delete": {"summary": "Delete an unused group", "responses": {"204": ok("Deleted"), "400": ERR["400"], "404": ERR["404"]}}},
  "/api/v1/pending": {"get": {"summary": "Unknown devices waiting for an operator", "responses": {"200": ok("Queue", {"type": "array", "items": ref("Pending")})}}},
  "/api/v1/pending/{id}/adopt": {"parameters": [p("id", "pending id")],
    "post": {"summary": "Adopt: the device joins the inventory", "requestBody": {"required": False, "content": {"application/json": {"schema": ref("Adopt")}}},
             "responses": {"201": ok("Adopted", ref("Device")), "400": ERR["400"], "404": ERR["404"]}}},
  "/api/v1/pending/{id}/reject": {"parameters": [p("id", "pending id")],
    "post": {"summary": "Reject: ztpd stops answering it", "responses": {"204": ok("Rejected"), "404": ERR["404"]}}},
  "/api/v1/leases": {"get": {"summary": "Leases, newest first", "parameters": [q("device", "only this device's leases")],
                             "responses": {"200": ok("Leases", {"type": "array", "items": ref("Lease")})}}},
  "/api/v1/events": {"get": {"summary": "The timeline of all devices", "parameters": [q("device", "only this device"), q("after", "events after this seq, oldest first", "integer"), q("limit", "max events", "integer")],
                             "responses": {"200": ok("Events", {"type": "array", "items": ref("Event")})}}},
  "/api/v1/events/stream": {"get": {"summary": "Server-sent events: every event once durable, with the device's new state. Resumes after Last-Event-ID.",
                                    "parameters": [q("device", "only this device"), q("after", "replay events after this seq first", "integer")],
                                    "responses": {"200": ok("text/event-stream; event name 'ztpd', id = seq, data = {event, status}", st, "text/event-stream")}}},
  "/api/v1/inventory": {
    "get": {"summary": "Export the inventory", "parameters": [q("format", "yaml | csv", enum=["yaml", "csv"])],
            "responses": {"200": ok("Inventory", st, "application/yaml")}},
    "post": {"summary": "Import an inventory (YAML document or CSV of devices), all or nothing",
             "parameters": [q("format", "yaml | csv", enum=["yaml", "csv"]), q("mode", "merge (default) | replace", enum=["merge", "replace"])],
             "requestBody": body(st, "text/plain"),
             "responses": {"200": ok("Imported", ref("ImportResult")), "400": ok("Errors naming file, line and key", ref("Error")), "413": ok("Too large", ref("Error"))}}},
  "/api/v1/templates": {"get": {"summary": "Template names", "responses": {"200": ok("Names", strs)}}},
  "/api/v1/templates/{name}": {"parameters": [p("name", "template name, may contain '/'")],
    "get": {"summary": "Template source", "responses": {"200": ok("Source", st, "text/plain"), "404": ERR["404"]}},
    "put": {"summary": "Save template source", "requestBody": body(st, "text/plain"), "responses": {"204": ok("Saved"), "400": ERR["400"]}}},
  "/api/v1/templates/preview": {"post": {"summary": "Render template source for a device without saving it",
    "parameters": [q("device", "device id")], "requestBody": body(st, "text/plain"),
    "responses": {"200": ok("Rendered", st, "text/plain"), "422": ok("Template errors", {"type": "array", "items": ref("TemplateError")})}}},
  "/ztp/config": {"get": {"summary": "The requesting device's minimal configuration (device known by ?serial=, ?mac=, SERIAL-NUMBER header or its lease)",
                          "parameters": [q("serial", "serial"), q("mac", "MAC")],
                          "responses": {"200": ok("Configuration (ETag = sha256, X-Checksum-Sha256)", st, "text/plain"), "404": ok("Unknown device (queued for adoption)", ref("Error")), "500": ok("Template error", ref("Error"))}}},
  "/ztp/config/{key}": {"parameters": [p("key", "device id, serial or MAC")],
                        "get": {"summary": "A device's minimal configuration", "responses": {"200": ok("Configuration", st, "text/plain"), "404": ERR["404"]}}},
  "/ztp/files/{path}": {"parameters": [p("path", "path under the file root")],
                        "get": {"summary": "A static file; Range and If-None-Match supported", "responses": {"200": ok("File"), "206": ok("Range"), "403": ok("Outside the root", ref("Error")), "404": ERR["404"], "416": ok("Range not satisfiable")}}},
  "/ztp/images/{name}": {"parameters": [p("name", "image name, or name.md5 / name.sha256")],
                         "get": {"summary": "An image from the repository, zero-copy; Range supported", "responses": {"200": ok("Image"), "206": ok("Range"), "404": ERR["404"]}}},
  "/ztp/report": {"post": {"summary": "A device reports progress or failure", "requestBody": body(ref("Report")),
                           "responses": {"202": ok("Recorded", obj), "400": ERR["400"], "404": ERR["404"]}}},
  "/metrics": {"get": {"summary": "Prometheus metrics", "responses": {"200": ok("Metrics", st, "text/plain")}}},
}

doc = {"openapi": "3.0.3",
       "info": {"title": "ztpd API", "version": "1", "description": "Zero Touch Provisioning server: inventory, device timeline, provisioning. Errors are {error, detail, field}."},
       "paths": paths, "components": {"schemas": schemas}}
out = pathlib.Path(__file__).resolve().parent.parent / "ztpd-web/src/main/resources/io/ztpd/web/openapi.json"
out.write_text(json.dumps(doc, indent=1) + "\n")
print(out)
