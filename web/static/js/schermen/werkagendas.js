// SPDX-License-Identifier: EUPL-1.2
//
// Werkagenda's (docs/sociaal-domein.md §4): every region's work agenda with
// its state, its deviations from the regioscan without motivation, the
// signatures and the joint assessment of VNG and ZN (GET /werkagendas).
// The mandaatgemeente of a region without an open agenda drafts a new one
// (POST /werkagendas). Concepts are seen only by the region's
// municipalities.

import { api } from '../api.js';
import { downloadBalk } from '../export.js';
import { button, h, heading, link, paragraph, replaceChildren, table } from '../dom.js';
import { formKader, metBron } from '../formulier.js';
import { euro } from '../opmaak.js';
import { navigate } from '../router.js';
import { AGENDASTATUS, BEOORDELING, basisfunctionaliteiten, eigenGemeente } from '../sociaal.js';
import { agendaVelden } from './werkagenda-formulier.js';

export async function toon(ctx) {
  const [lijst, regioData, bfs, gemeente] = await Promise.all([
    api.get('/werkagendas', { signal: ctx.signal }).then((r) => r.werkagendas),
    api.get('/regios', { signal: ctx.signal }),
    basisfunctionaliteiten(ctx.signal),
    eigenGemeente(ctx.signal),
  ]);
  const mijnRegio = gemeente ? regioData.regios.find((r) => r.mandaatgemeente.cbs_code === gemeente.cbs_code) : null;
  const open = mijnRegio && lijst.some((a) => a.regio === mijnRegio.code && ['concept', 'ter_ondertekening'].includes(a.status));
  const formHouder = h('div', {});

  async function nieuw() {
    const scans = (await api.get(`/regioscans?regio=${encodeURIComponent(mijnRegio.code)}`, { signal: ctx.signal })).regioscans;
    const nieuwste = ['2028', '2027', 'nulmeting'].map((m) => scans.find((s) => s.meting === m)).find(Boolean);
    const advies = new Map((nieuwste?.basisfunctionaliteiten || []).map((b) => [b.id, b.advies]));
    const v = agendaVelden({ bfs, advies, regio: mijnRegio.code });
    formKader({
      houder: formHouder,
      titel: `Nieuwe werkagenda voor regio ${mijnRegio.naam}`,
      velden: v.velden,
      extra: v.inhoud,
      knopTekst: 'Concept opslaan',
      alsFout: (f) => (f.eigen ? f : metBron(f)),
      annuleer: () => replaceChildren(formHouder),
      verstuur: async () => {
        const r = await api.post('/werkagendas', v.document(), { signal: ctx.signal });
        await navigate(`/werkagendas/${r.id}`);
      },
    });
  }

  const nieuwKnop = mijnRegio && !open
    ? button(`Nieuwe werkagenda voor ${mijnRegio.naam} opstellen`, { onClick: () => nieuw() }) : null;
  return [
    heading(1, 'Werkagenda\'s sociaal domein'),
    downloadBalk({ pad: '/werkagendas', naam: 'werkagendas', omschrijving: 'de werkagenda’s', signal: ctx.signal }),
    paragraph('Elke regio maakt onder regie van de mandaatgemeente een werkagenda: welke basisfunctionaliteiten zij versneld '
      + 'opschaalt, met doelen, arbeidsbesparing en begroting. Zij betrekt de regioscan en motiveert elke afwijking; alle '
      + 'gemeenten van de regio ondertekenen haar; VNG en ZN beoordelen haar samen [001 "Transformeren op het snijvlak"], [003 D5].'),
    mijnRegio ? paragraph(`Uw gemeente is mandaatgemeente van regio ${mijnRegio.naam} (${mijnRegio.code}).`
      + (open ? ' Die regio heeft een werkagenda in concept of ter ondertekening; werk die bij.' : '')) : null,
    nieuwKnop,
    formHouder,
    lijst.length ? table({
      caption: 'Werkagenda\'s per regio en versie',
      columns: [
        { kop: 'Regio', waarde: (a) => link(`/werkagendas/${a.id}`, `${a.regio_naam || a.regio} versie ${a.versie}`) },
        { kop: 'Stand', waarde: (a) => AGENDASTATUS[a.status] || a.status },
        { kop: 'Ondertekend', waarde: (a) => `${a.ondertekeningen.length} van ${a.ondertekeningen.length + a.nog_te_ondertekenen.length}` },
        { kop: 'Afwijkingen zonder motivering', getal: true, waarde: (a) => String(a.afwijkingen_zonder_motivering) },
        { kop: 'Beoordeling', waarde: (a) => BEOORDELING[a.beoordeling] || a.beoordeling },
        { kop: 'Begroting', getal: true, waarde: (a) => euro(a.begroting_cent) },
      ],
      rows: lijst,
    }) : paragraph('Er zijn (nog) geen werkagenda\'s die u kunt inzien.'),
  ];
}
