#!/usr/bin/env python3
"""Writes SQL (to stdout) that seeds one campaign with 5,000 approved events across 80 countries.

Places come from the gazetteer the app ships (src/main/resources/events/gazetteer/cities.tsv.gz): the 80
countries with the most populous cities, up to 12 cities each, events spread over the week of action in
each city's own time zone. Deterministic (fixed random seed), so runs are comparable.
"""
import gzip
import random
import sys
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

EVENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
COUNTRIES = int(sys.argv[2]) if len(sys.argv) > 2 else 80
SLUG = "bench-week"
TYPES = ["DEMONSTRATION", "RALLY_OR_VIGIL", "FUNDRAISER", "CONCERT", "FILM_SCREENING", "EXHIBITION",
         "PANEL_OR_DISCUSSION", "GRAFFITI_OR_STREET_ART", "DIRECT_ACTION", "OTHER"]

root = Path(__file__).resolve().parents[2]
by_country = defaultdict(list)
with gzip.open(root / "src/main/resources/events/gazetteer/cities.tsv.gz", "rt", encoding="utf-8") as f:
    next(f)
    for line in f:
        gid, name, ascii_name, country, admin1, lat, lon, population, zone = line.rstrip("\n").split("\t")
        by_country[country].append((name, float(lat), float(lon), int(population), zone))
ranked = sorted(by_country, key=lambda c: -max(p for _, _, _, p, _ in by_country[c]))[:COUNTRIES]
cities = []
for country in ranked:
    for city in sorted(by_country[country], key=lambda c: -c[3])[:12]:
        cities.append((country, *city))

rng = random.Random(2027)
q = lambda s: "'" + s.replace("'", "''") + "'"
out = sys.stdout
out.write("BEGIN;\n")
out.write(f"DELETE FROM event_organization WHERE revision_id IN (SELECT r.id FROM event_revision r JOIN event e ON e.id = r.event_id JOIN campaign c ON c.id = e.campaign_id WHERE c.slug = {q(SLUG)});\n")
out.write(f"UPDATE event SET published_revision = NULL, pending_revision = NULL WHERE campaign_id IN (SELECT id FROM campaign WHERE slug = {q(SLUG)});\n")
out.write(f"DELETE FROM event_revision WHERE event_id IN (SELECT e.id FROM event e JOIN campaign c ON c.id = e.campaign_id WHERE c.slug = {q(SLUG)});\n")
out.write(f"DELETE FROM event WHERE campaign_id IN (SELECT id FROM campaign WHERE slug = {q(SLUG)});\n")
out.write(f"DELETE FROM campaign_text WHERE campaign_id IN (SELECT id FROM campaign WHERE slug = {q(SLUG)});\n")
out.write(f"DELETE FROM campaign WHERE slug = {q(SLUG)};\n")
out.write(f"INSERT INTO campaign (slug, starts_on, ends_on, created_at) VALUES ({q(SLUG)}, '2027-02-24', '2027-03-03', now());\n")
out.write(f"INSERT INTO campaign_text (campaign_id, language, name, description) SELECT id, 'en', 'Benchmark week of action', 'Seeded by bench/events.' FROM campaign WHERE slug = {q(SLUG)};\n")
for i in range(EVENTS):
    country, city, lat, lon, _, zone = cities[i % len(cities)]
    day = datetime(2027, 2, 24) + timedelta(days=rng.randrange(8))
    start = day.replace(hour=rng.randrange(9, 20), minute=rng.choice([0, 15, 30, 45]))
    end = start + timedelta(hours=rng.randrange(1, 5))
    tz = ZoneInfo(zone)
    starts_at = start.replace(tzinfo=tz).astimezone(ZoneInfo("UTC"))
    ends_at = end.replace(tzinfo=tz).astimezone(ZoneInfo("UTC"))
    plat = round(lat + rng.uniform(-0.02, 0.02), 5)
    plon = round(lon + rng.uniform(-0.02, 0.02), 5)
    kind = TYPES[i % len(TYPES)]
    visibility = "CITY" if kind in ("DIRECT_ACTION", "GRAFFITI_OR_STREET_ART") else "PUBLIC"
    pub_lat, pub_lon = (plat, plon) if visibility == "PUBLIC" else (round(lat, 5), round(lon, 5))
    title = f"{kind.replace('_', ' ').title()} for Ukraine in {city} #{i}"
    # seeded events have no management link (its hash would live in emailed_link), like the demo events
    out.write(
        "WITH e AS (INSERT INTO event (campaign_id, status, contact_email, language, created_at, updated_at, "
        "confirmed_at, published_at) SELECT id, 'APPROVED', NULL, 'en', now(), now(), now(), now() "
        f"FROM campaign WHERE slug = {q(SLUG)} RETURNING id), "
        "p AS (INSERT INTO event_place (latitude, longitude, address, address_key, city, country, created_at) "
        f"VALUES ({plat}, {plon}, {q(f'Street {i}')}, {q(f'street {i}')}, {q(city)}, {q(country)}, now()) RETURNING id) "
        "INSERT INTO event_revision (event_id, created_at, title, event_type, description, languages, starts_local, "
        "ends_local, time_zone, starts_at, ends_at, online, online_url, place_id, venue, city, country, visibility, "
        "public_latitude, public_longitude, organizers, accessibility, speaker_requested) "
        f"SELECT e.id, now(), {q(title)}, {q(kind)}, {q('A **benchmark** event: solidarity with Ukraine, peace, no to the war.')}, "
        f"'en,uk', '{start:%Y-%m-%d %H:%M}', '{end:%Y-%m-%d %H:%M}', {q(zone)}, '{starts_at:%Y-%m-%d %H:%M}+00', "
        f"'{ends_at:%Y-%m-%d %H:%M}+00', FALSE, NULL, p.id, {q('Hall ' + str(i))}, {q(city)}, {q(country)}, {q(visibility)}, "
        f"{pub_lat}, {pub_lon}, {q('Local solidarity group')}, '', FALSE FROM e, p;\n")
# a statement cannot see rows its own WITH inserted into the table it updates: link the revisions after
out.write("UPDATE event SET published_revision = r.id FROM event_revision r "
          f"WHERE r.event_id = event.id AND event.published_revision IS NULL AND event.campaign_id = (SELECT id FROM campaign WHERE slug = {q(SLUG)});\n")
out.write("COMMIT;\n")
out.write("ANALYZE;\n")
print(f"-- {EVENTS} events in {len(set(c[0] for c in cities[:EVENTS]))} countries", file=sys.stderr)
