// SPDX-License-Identifier: EUPL-1.2
//
// Verantwoording: the actual costs of a project per year
// (GET /beschikkingen/{id}/verantwoordingen, docs/verantwoording.md).
//
// Every party of the beschikking reads, per year of the upper bound, every
// version with its lines beside the budget, the findings of the rules with
// their sources, the insurer's question and test. The lead (penvoerder)
// accounts for a year: a line per provider x kind x nature x purpose with
// the budget beside it, amounts in euros with a decimal comma, an
// explanation where it deviates, the milestones reached and the
// declaration of no double financing (POST .../verantwoordingen); and adds
// documents such as the accountant's statement (POST .../{jaar}/bijlagen).
// The coordinating insurer tests every line -- accepted, lower (with the
// amount) or rejected, a motivation where needed -- or asks for information,
// which reopens the year for a new version (POST /verantwoordingen/{id}/
// plausibiliteitstoets, .../informatieverzoeken). The server decides every
// rule; its refusals appear at the form with their source.

import { api } from '../api.js';
import { button, dataList, h, heading, link, paragraph, replaceChildren, table, uniqueId } from '../dom.js';
import { formKader as gedeeldKader, keuzeveld, metBron, tekstvak, tekstveld, vinkje } from '../formulier.js';
import { centenUitTekst, datumTijd, euro, euroInvoer, toBigInt } from '../opmaak.js';

const LINK = 'utrecht-link utrecht-link--html-a';

const SOORT = { personeel: 'Personeel', materieel: 'Materieel' };
const AARD = { eenmalig: 'Eenmalig', structureel: 'Structureel' };
const OORDEEL = { aanvaard: 'Aanvaard', lager: 'Lager aanvaard', afgewezen: 'Afgewezen' };

function naamVan(project, id) {
  return project.deelnemers.find((d) => d.id === id)?.naam || `Organisatie ${id}`;
}

function doelTekst(doel) {
  return String(doel || '').replace(/_/g, ' ');
}

/** The findings of the rules as a list with their sources. */
function bevindingen(toetsing) {
  const l = toetsing?.bevindingen || [];
  if (!l.length) return paragraph('De regels vonden niets: elke regel voldoet.');
  return h('ul', { class: 'utrecht-unordered-list' }, l.map((b) => h('li', { class: 'utrecht-unordered-list__item' },
    `${b.bericht} ${b.bron}`, b.uitkomst === 'niet_voldaan' ? ' (niet voldaan)' : ' (ter beoordeling van de zorgverzekeraar)')));
}

/** One version: lines beside the budget, totals, findings, question, test. */
function versieBlok(v, project) {
  const oordelen = v.plausibiliteit?.oordelen || [];
  const budget = (r) => project.begroting.filter((x) => x.jaar === v.jaar && x.zorgaanbieder === r.zorgaanbieder
    && x.kostensoort === r.kostensoort && x.aard === r.aard).reduce((s, x) => s + toBigInt(x.bedrag_cent), 0n);
  const kopId = uniqueId('kop-versie');
  return h('section', { class: 'verantwoording-versie', 'aria-labelledby': kopId },
    heading(4, `Versie ${v.versie}, ingediend op ${datumTijd(v.ingediend_op)}${v.te_laat ? ' (te laat)' : ''}`, { id: kopId }),
    table({
      caption: `Werkelijke kosten ${v.jaar}, versie ${v.versie}`,
      columns: [
        { kop: 'Regel', waarde: (r) => String(r.i + 1) },
        { kop: 'Zorgaanbieder', waarde: (r) => naamVan(project, r.zorgaanbieder) },
        { kop: 'Soort', waarde: (r) => `${SOORT[r.kostensoort] || r.kostensoort}, ${AARD[r.aard] || r.aard}, ${doelTekst(r.doel)}` },
        { kop: 'Begroot', getal: true, waarde: (r) => euro(budget(r)) },
        { kop: 'Werkelijk', getal: true, waarde: (r) => euro(r.bedrag_cent) },
        { kop: 'Toelichting', waarde: (r) => r.toelichting || '-' },
        {
          kop: 'Toets',
          waarde: (r) => {
            const o = oordelen.find((x) => x.regel === r.i);
            if (!o) return '-';
            return [OORDEEL[o.oordeel] || o.oordeel, o.oordeel === 'lager' ? ` (${euro(o.bedrag_cent)})` : '',
              o.motivering ? `: ${o.motivering}` : ''];
          },
        },
      ],
      rows: (v.document.regels || []).map((r, i) => ({ ...r, i })),
    }),
    dataList([
      ['Totaal', euro(v.totaal_cent)],
      ['Aanvaardbaar volgens de regels', euro(v.aanvaardbaar_cent)],
      ['Mijlpalen bereikt', (v.document.mijlpalen || []).join(', ') || 'geen'],
      ['Geen dubbele financiering verklaard', v.document.geen_dubbele_financiering ? 'Ja' : 'Nee'],
      v.bijlagen?.length ? ['Documenten', h('ul', { class: 'utrecht-unordered-list' }, v.bijlagen.map((b) => h('li', {},
        h('a', { class: LINK, href: `/api/v1/bijlagen/${b.id}`, download: b.naam }, b.naam))))] : null,
      v.informatieverzoek ? ['Vraag van de zorgverzekeraar', `${v.informatieverzoek.vraag} (${datumTijd(v.informatieverzoek.gevraagd_op)})`] : null,
      v.plausibiliteit ? ['Plausibel', `${euro(v.plausibiliteit.plausibel_cent)}, getoetst op ${datumTijd(v.plausibiliteit.getoetst_op)}`] : null,
    ]),
    heading(5, 'Bevindingen van de regels'),
    bevindingen(v.toetsing));
}

export async function toon(ctx) {
  const id = Number(ctx.params.id);
  if (!Number.isSafeInteger(id) || id < 1) {
    const { toon: nietGevonden } = await import('./niet-gevonden.js');
    return nietGevonden(ctx);
  }
  const [b, eerste] = await Promise.all([
    api.get(`/beschikkingen/${id}`, { signal: ctx.signal }),
    api.get(`/beschikkingen/${id}/verantwoordingen`, { signal: ctx.signal }),
  ]);
  ctx.titel(`Verantwoording ${b.kenmerk}`);
  if (!eerste.project) {
    return [heading(1, `Verantwoording ${b.kenmerk}`),
      paragraph('Het verzoek is afgewezen; er is niets te verantwoorden.')];
  }
  const org = ctx.sessie?.organisatie?.id;
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  const isPenvoerder = rollen.includes('aanvrager') && org === b.penvoerder_id;
  const isCoordinerend = rollen.includes('beoordelaar') && org === b.coordinerend_verzekeraar_id;
  let stand = eerste;
  const project = eerste.project;
  const melding = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const jarenHouder = h('div', {});
  const formHouder = h('div', {});
  let opener = null;

  const versies = (jaar) => stand.verantwoordingen.filter((v) => v.jaar === jaar).sort((x, y) => x.versie - y.versie);

  function sluitForm({ terug = true } = {}) {
    replaceChildren(formHouder);
    if (terug && opener?.isConnected) opener.focus();
    opener = null;
  }

  async function herlaad(tekst) {
    stand = await api.get(`/beschikkingen/${id}/verantwoordingen`, { signal: ctx.signal });
    sluitForm({ terug: false });
    teken();
    melding.textContent = tekst;
    melding.focus();
  }

  function formKader(titel, velden, extra, knopTekst, verstuur) {
    gedeeldKader({ houder: formHouder, titel, velden, extra, knopTekst, verstuur, annuleer: () => sluitForm(), klasse: 'verantwoordingformulier' });
  }


  /** The lead's cost form for `jaar`: a line per budget line of the year, the budget beside it. */
  function openKosten(jaar, knop, vorige) {
    opener = knop;
    const begroot = project.begroting.filter((x) => x.jaar === jaar);
    const regels = (begroot.length ? begroot : [{ zorgaanbieder: project.deelnemers[0]?.id, kostensoort: 'personeel', aard: 'eenmalig', doel: 'implementatie', bedrag_cent: 0 }]);
    const velden = [];
    const rijen = regels.map((r, i) => {
      const eerder = vorige?.document?.regels?.find((x) => x.zorgaanbieder === r.zorgaanbieder && x.kostensoort === r.kostensoort
        && x.aard === r.aard && x.doel === r.doel);
      const bedrag = tekstveld({
        pointer: `/regels/${i}/bedrag_cent`,
        label: `Werkelijke kosten: ${naamVan(project, r.zorgaanbieder)}, ${SOORT[r.kostensoort] || r.kostensoort}, ${AARD[r.aard] || r.aard}, ${doelTekst(r.doel)}`,
        omschrijving: `Begroot voor ${jaar}: ${euro(r.bedrag_cent)}. In euro, bijvoorbeeld 95.000 of 95000,50.`,
        waarde: eerder ? euroInvoer(eerder.bedrag_cent) : '',
        inputmode: 'decimal',
        klasse: 'veld--bedrag',
      });
      const toelichting = tekstveld({
        pointer: `/regels/${i}/toelichting`,
        label: `Toelichting bij regel ${i + 1} (niet verplicht)`,
        omschrijving: 'Verplicht waar de kosten buiten de marge van de begroting afwijken [001 §5].',
        waarde: eerder?.toelichting || '',
      });
      velden.push(bedrag, toelichting);
      return { r, bedrag, toelichting };
    });
    const mijlpalen = tekstveld({
      pointer: '/mijlpalen',
      label: 'Mijlpalen bereikt in dit jaar (niet verplicht)',
      omschrijving: `Gescheiden door komma's, uit: ${project.mijlpalen.join(', ')}.`,
      waarde: (vorige?.document?.mijlpalen || []).join(', '),
    });
    const verklaring = vinkje({
      pointer: '/geen_dubbele_financiering',
      label: 'Wij verklaren dat deze kosten niet ook elders worden gefinancierd [001 §5].',
      aan: vorige ? Boolean(vorige.document.geen_dubbele_financiering) : false,
    });
    velden.push(mijlpalen, verklaring);
    const titel = vorige ? `Nieuwe versie van de verantwoording over ${jaar}` : `Werkelijke kosten over ${jaar} verantwoorden`;
    formKader(titel, velden, paragraph('Vul per begrotingsregel de werkelijke kosten in. Laat een regel leeg als er geen kosten waren.'),
      'Verantwoording indienen', async (f) => {
        const fouten = {};
        const lijnen = [];
        for (const [i, x] of rijen.entries()) {
          const tekst = x.bedrag.input.value.trim();
          if (!tekst) continue;
          const cent = centenUitTekst(tekst);
          if (cent === null || cent > BigInt(Number.MAX_SAFE_INTEGER)) {
            fouten[`/regels/${i}/bedrag_cent`] = ['Vul een bedrag in euro in, bijvoorbeeld 95.000 of 95000,50.'];
            continue;
          }
          const lijn = { zorgaanbieder: x.r.zorgaanbieder, kostensoort: x.r.kostensoort, aard: x.r.aard, doel: x.r.doel, bedrag_cent: Number(cent) };
          if (x.toelichting.input.value.trim()) lijn.toelichting = x.toelichting.input.value;
          lijnen.push({ i, lijn });
        }
        if (Object.keys(fouten).length) {
          f.toonFouten({ velden: fouten }, { kop: 'Controleer de bedragen' });
          return;
        }
        const body = {
          jaar,
          regels: lijnen.map((x) => x.lijn),
          mijlpalen: mijlpalen.input.value.split(',').map((m) => m.trim()).filter(Boolean),
          geen_dubbele_financiering: verklaring.input.checked,
        };
        try {
          await api.post(`/beschikkingen/${id}/verantwoordingen`, body, { signal: ctx.signal });
        } catch (fout) {
          // the API names the lines it was sent; the form shows them at the line the user filled in
          const hernoem = (p) => p.replace(/^\/regels\/(\d+)/, (_, n) => `/regels/${lijnen[Number(n)]?.i ?? n}`);
          if (fout.geannuleerd) throw fout;
          f.toonFouten(metBron(fout, { hernoem }), { kop: 'Dit is niet gelukt' });
          return;
        }
        await herlaad(`De verantwoording over ${jaar} is ingediend.`);
      });
  }

  function openDocument(jaar, knop) {
    opener = knop;
    const bestand = tekstveld({
      pointer: '/bijlage',
      label: 'Bestand',
      type: 'file',
      omschrijving: 'Bijvoorbeeld de verklaring van de accountant: een PDF, afbeelding (PNG of JPEG), CSV- of Excel-bestand (XLSX) van hoogstens 10 MB.',
    });
    bestand.input.classList.remove('utrecht-textbox', 'utrecht-textbox--html-input');
    bestand.input.classList.add('bestandskeuze');
    formKader(`Document bij de verantwoording over ${jaar}`, [bestand], null, 'Bestand toevoegen', async (f) => {
      const file = bestand.input.files?.[0];
      if (!file) {
        f.toonFouten({ velden: { '/bijlage': ['Kies een bestand.'] } }, { kop: 'Kies een bestand' });
        return;
      }
      const nieuw = await api.upload(`/beschikkingen/${id}/verantwoordingen/${jaar}/bijlagen`, file, { query: { naam: file.name }, signal: ctx.signal });
      await herlaad(`Document ${nieuw.naam} is toegevoegd bij ${jaar}.`);
    });
  }

  function openToets(v, knop) {
    opener = knop;
    const velden = [];
    const regels = (v.document.regels || []).map((r, i) => {
      const oordeel = keuzeveld({
        pointer: `/oordelen/${i}/oordeel`,
        label: `Oordeel regel ${i + 1}: ${naamVan(project, r.zorgaanbieder)}, ${euro(r.bedrag_cent)}`,
        opties: [{ waarde: 'aanvaard', tekst: 'Aanvaard' }, { waarde: 'lager', tekst: 'Lager aanvaard' }, { waarde: 'afgewezen', tekst: 'Afgewezen' }],
        waarde: 'aanvaard',
      });
      const bedrag = tekstveld({ pointer: `/oordelen/${i}/bedrag_cent`, label: `Aanvaard bedrag regel ${i + 1} (alleen bij lager)`, inputmode: 'decimal', klasse: 'veld--bedrag' });
      const motivering = tekstveld({
        pointer: `/oordelen/${i}/motivering`,
        label: `Motivering regel ${i + 1} (niet verplicht bij aanvaard)`,
        omschrijving: 'Verplicht bij lager en afgewezen, en bij aanvaarden van een regel waartegen een regel iets vond [001 §5].',
      });
      velden.push(oordeel, bedrag, motivering);
      return { oordeel, bedrag, motivering };
    });
    formKader(`Verantwoording ${v.jaar} (versie ${v.versie}) toetsen`, velden,
      paragraph('Geef per regel uw oordeel. De bevindingen van de regels staan bij de versie hierboven.'),
      'Toetsing vastleggen', async (f) => {
        const oordelen = [];
        const fouten = {};
        regels.forEach((x, i) => {
          const o = { regel: i, oordeel: x.oordeel.input.value };
          if (o.oordeel === 'lager') {
            const cent = centenUitTekst(x.bedrag.input.value);
            if (cent === null) fouten[`/oordelen/${i}/bedrag_cent`] = ['Vul het aanvaarde bedrag in euro in.'];
            else o.bedrag_cent = Number(cent);
          }
          if (x.motivering.input.value.trim()) o.motivering = x.motivering.input.value;
          oordelen.push(o);
        });
        if (Object.keys(fouten).length) {
          f.toonFouten({ velden: fouten }, { kop: 'Controleer de bedragen' });
          return;
        }
        const r = await api.post(`/verantwoordingen/${v.id}/plausibiliteitstoets`, { oordelen }, { signal: ctx.signal });
        const terug = toBigInt(r.terugvordering_cent || 0);
        await herlaad(`De toetsing is vastgelegd: plausibel ${euro(r.plausibiliteit.plausibel_cent)}.`
          + (terug > 0n ? ` Teruggevorderd: ${euro(terug)}.` : ''));
      });
  }

  function openVraag(v, knop) {
    opener = knop;
    const vraag = tekstvak({ pointer: '/vraag', label: 'Vraag aan de penvoerder', omschrijving: 'De penvoerder antwoordt met een nieuwe versie van de verantwoording.' });
    formKader(`Informatie vragen over ${v.jaar} (versie ${v.versie})`, [vraag], null, 'Vraag versturen', async () => {
      await api.post(`/verantwoordingen/${v.id}/informatieverzoeken`, { vraag: vraag.input.value }, { signal: ctx.signal });
      await herlaad(`De vraag over ${v.jaar} is verstuurd; het jaar staat open voor een nieuwe versie.`);
    });
  }

  function teken() {
    replaceChildren(jarenHouder, project.jaren.map((jaar) => {
      const lijst = versies(jaar);
      const nieuwste = lijst[lijst.length - 1];
      const knoppen = [];
      if (isPenvoerder && (!nieuwste || (nieuwste.informatieverzoek && !nieuwste.plausibiliteit))) {
        const k = button(nieuwste ? `Nieuwe versie over ${jaar} indienen` : `Kosten over ${jaar} verantwoorden`,
          { onClick: () => openKosten(jaar, k, nieuwste) });
        knoppen.push(k);
      }
      if (isPenvoerder) {
        const k = button(`Document bij ${jaar} toevoegen`, { kind: 'secondary', onClick: () => openDocument(jaar, k) });
        knoppen.push(k);
      }
      if (isCoordinerend && nieuwste && !nieuwste.plausibiliteit && !nieuwste.informatieverzoek) {
        const t = button(`Verantwoording ${jaar} toetsen`, { onClick: () => openToets(nieuwste, t) });
        const q = button(`Informatie vragen over ${jaar}`, { kind: 'secondary', onClick: () => openVraag(nieuwste, q) });
        knoppen.push(t, q);
      }
      const kopId = uniqueId('kop-jaar');
      const status = !nieuwste ? 'Nog niet verantwoord.'
        : nieuwste.plausibiliteit ? `Getoetst: plausibel ${euro(nieuwste.plausibiliteit.plausibel_cent)}.`
          : nieuwste.informatieverzoek ? 'De zorgverzekeraar heeft informatie gevraagd; een nieuwe versie volgt.'
            : 'Ingediend; de toetsing door de zorgverzekeraar volgt.';
      return h('section', { 'aria-labelledby': kopId },
        heading(3, `Jaar ${jaar}`, { id: kopId }),
        paragraph(status),
        knoppen.length ? h('div', { class: 'utrecht-button-group' }, knoppen) : null,
        lijst.slice().reverse().map((v) => versieBlok(v, project)));
    }));
  }

  teken();
  return [
    heading(1, `Verantwoording ${b.kenmerk}`),
    paragraph('Alleen werkelijke kosten worden vergoed. De penvoerder verantwoordt per kalenderjaar de kosten tegen de begroting; '
      + 'de coördinerende zorgverzekeraar toetst ze op plausibiliteit [001 §5].'),
    paragraph(link(`/beschikkingen/${id}`, `Terug naar beschikking ${b.kenmerk}`)),
    melding,
    formHouder,
    jarenHouder,
  ];
}
