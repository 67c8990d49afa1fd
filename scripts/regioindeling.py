#!/usr/bin/env python3
"""Derives the default region set of the social-domain track (issue 16) from
../shared/data/gemeenten/gemeente-regios-2025.csv: the 25 safety regions
(veiligheidsregio, VR columns, taken verbatim by that file from
minvws/nl-covid19-data-dashboard, EUPL-1.2). The sources name no list of
AZWA regions [001], [003 D5]; this is a default the programme office
replaces by publishing a new version. The mandaatgemeente of each region is
set to its most populous municipality: an assumption, stated in the
document, until the programme office publishes the real ones.

Usage: scripts/regioindeling.py SRC.csv > data/regioindeling-2025.json
"""
import csv
import json
import sys

regios = {}
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        g = regios.setdefault(r['vr_code'], {'code': r['vr_code'], 'naam': r['vr_naam'], 'gemeenten': []})
        g['gemeenten'].append((r['gemeentecode'], int(r['inwoners'])))

lijst = []
for code in sorted(regios):
    g = regios[code]
    grootste = max(g['gemeenten'], key=lambda x: (x[1], x[0]))
    lijst.append({'code': g['code'], 'naam': g['naam'], 'mandaatgemeente': grootste[0],
                  'gemeenten': sorted(c for c, _ in g['gemeenten'])})
doc = {
    'peiljaar': 2025,
    'bron': ('Afgeleid uit de veiligheidsregio\'s van gemeente-regios-2025.csv (kolommen vr_code, vr_naam; '
             'overgenomen uit minvws/nl-covid19-data-dashboard, EUPL-1.2) en de 342 gemeenten van CBS 2025. '
             'De bronnen noemen geen lijst van AZWA-regio\'s [001], [003 D5]; het programmabureau stelt de '
             'werkelijke indeling vast met een nieuwe versie.'),
    'toelichting': ('Mandaatgemeente per regio: voorlopig de gemeente met de meeste inwoners (aanname), '
                    'tot het programmabureau de werkelijke mandaatgemeenten vaststelt.'),
    'samenvoegingen': [],
    'regios': lijst,
}
json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write('\n')
