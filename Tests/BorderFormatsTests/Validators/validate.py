#!/usr/bin/env python3
"""Checks bordermon's exports with each standard's own parser or schema.

    validate.py cap FILE XSD     every <alert> document in FILE against the CAP 1.2 schema
    validate.py ics FILE         FILE parsed by the icalendar package; prints its events as JSON
    validate.py geojson FILE     FILE parsed and validated by the geojson package; prints a summary

Exit 0 when valid, 1 with the problems on stdout when not, 3 when a package is missing.
"""
import json
import sys


def missing(name):
    print(f"python package {name} is not installed (pip install {name})")
    sys.exit(3)


def check_cap(path, xsd):
    try:
        import xmlschema
    except ImportError:
        missing("xmlschema")
    schema = xmlschema.XMLSchema(xsd)
    text = open(path, encoding="utf-8").read()
    parts = text.split("<?xml")
    documents = ["<?xml" + part for part in parts[1:]] if len(parts) > 1 else [text]
    problems = []
    for index, document in enumerate(documents, 1):
        for error in schema.iter_errors(document.encode("utf-8")):
            problems.append(f"document {index}: {error.reason} at {error.path}")
    print(json.dumps({"documents": len(documents), "problems": problems}))
    return not problems and documents


def check_ics(path):
    try:
        import icalendar
    except ImportError:
        missing("icalendar")
    raw = open(path, "rb").read()
    problems = []
    lines = raw.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines = lines[:-1]
    for number, line in enumerate(lines, 1):
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets, more than 75")
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: a bare LF or CR (lines must end in CRLF)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: folding split a UTF-8 character")
    calendar = icalendar.Calendar.from_ical(raw)
    events = []
    for component in calendar.walk("VEVENT"):
        for key in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"]:
            if key not in component:
                problems.append(f"event {component.get('UID')}: no {key}")
        start = component.decoded("DTSTART")
        if getattr(start, "tzinfo", None) is None or start.utcoffset().total_seconds() != 0:
            problems.append(f"event {component.get('UID')}: DTSTART not in UTC")
        events.append({
            "uid": str(component.get("UID")),
            "summary": str(component.get("SUMMARY")),
            "location": str(component.get("LOCATION", "")),
            "description": str(component.get("DESCRIPTION", "")),
            "status": str(component.get("STATUS", "")),
            "sequence": int(component.get("SEQUENCE", 0)),
            "start": component.decoded("DTSTART").isoformat(),
            "end": component.decoded("DTEND").isoformat(),
        })
    print(json.dumps({"version": str(calendar.get("VERSION")), "prodid": str(calendar.get("PRODID")),
                      "events": events, "problems": problems}, ensure_ascii=False))
    return not problems


def check_geojson(path):
    try:
        import geojson
    except ImportError:
        missing("geojson")
    text = open(path, encoding="utf-8").read()
    obj = geojson.loads(text)
    problems = list(obj.errors()) if not obj.is_valid else []
    if obj.get("type") != "FeatureCollection":
        problems.append(f"type is {obj.get('type')}, not FeatureCollection")
    kinds = {}
    for feature in obj.get("features", []):
        geometry = feature.get("geometry") or {}
        kinds[geometry.get("type", "null")] = kinds.get(geometry.get("type", "null"), 0) + 1
        for position in _positions(geometry):
            lon, lat = position[0], position[1]
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                problems.append(f"feature {feature.get('id')}: position {position} out of range")
    print(json.dumps({"geometries": kinds, "problems": [str(p) for p in problems]}, ensure_ascii=False))
    return not problems


def _positions(geometry):
    coordinates = geometry.get("coordinates")
    kind = geometry.get("type")
    if kind == "Point":
        return [coordinates]
    if kind in ("LineString", "MultiPoint"):
        return coordinates
    return []


def main():
    kind = sys.argv[1]
    if kind == "cap":
        ok = check_cap(sys.argv[2], sys.argv[3])
    elif kind == "ics":
        ok = check_ics(sys.argv[2])
    elif kind == "geojson":
        ok = check_geojson(sys.argv[2])
    else:
        print(f"unknown format {kind}")
        sys.exit(2)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
