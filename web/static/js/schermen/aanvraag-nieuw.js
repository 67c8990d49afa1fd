// SPDX-License-Identifier: EUPL-1.2
//
// Nieuwe aanvraag (role aanvrager): choose an open submission round and a
// modelplan of its catalogue version, and make the draft (POST /aanvragen);
// then on to the wizard. A coalition that prepared its document elsewhere
// starts from that JSON file: it is sent byte for byte (so that what the
// server refuses -- a real number, an unknown field -- is not hidden by
// re-encoding), and the server's problems are listed in the summary and at
// the file field. The caller's organisation becomes the lead for good
// (docs/indiening.md §4).

import { api, ApiFout } from '../api.js';
import * as catalogus from '../catalogus.js';
import { alert, button, h, heading, link, paragraph, replaceChildren } from '../dom.js';
import { formulier, keuzeveld, tekstveld } from '../formulier.js';
import { datumTijd } from '../opmaak.js';

function rondeTekst(r) {
  return `${r.naam} (sluit ${datumTijd(r.sluit_op)})`;
}

/** The modelplans of a catalogue version that one can apply on. */
async function modelplannenVan(versie) {
  const doc = await catalogus.catalogusDocument(versie);
  return (doc.modelplannen || []).filter((m) => m.status !== 'ingetrokken');
}

/** Reads a chosen file as text (FileReader), or null when none is chosen. */
function leesBestand(input) {
  const file = input.files?.[0];
  if (!file) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'utf-8');
  });
}

/** The problems the API found in the document, as "where: what" lines. */
function documentProblemen(fout) {
  return fout.fouten.filter((f) => f.veld.startsWith('/document')).map((f) => {
    const waar = f.veld.slice('/document'.length) || 'het document';
    return `${waar}: ${f.melding}${f.bron ? ` ${f.bron}` : ''}`;
  });
}

export async function toon(ctx) {
  const rondes = (await api.get('/indieningsrondes', { signal: ctx.signal })).indieningsrondes.filter((r) => r.fase === 'open');
  const kop = heading(1, 'Nieuwe aanvraag');
  if (!rondes.length) {
    return [kop, alert('info', paragraph('Er is nu geen indieningsronde open. U kunt een aanvraag starten zodra een ronde opent.')),
      paragraph(link('/aanvragen', 'Terug naar mijn aanvragen'))];
  }
  const eigenOrg = ctx.sessie.organisatie;

  const ronde = keuzeveld({
    pointer: '/indieningsronde_id',
    label: 'Indieningsronde',
    opties: rondes.map((r) => ({ waarde: String(r.id), tekst: rondeTekst(r) })),
  });
  const modelplan = keuzeveld({ pointer: '/document/modelplan', label: 'Modelplan', opties: [] });
  const regio = tekstveld({
    pointer: '/regio',
    label: 'Regio (niet verplicht)',
    omschrijving: 'Een naam voor de regio van de aanvraag, bijvoorbeeld Twente. U kunt hem later nog aanpassen.',
  });
  const bestand = tekstveld({
    pointer: '/document',
    label: 'Aanvraagdocument (JSON, niet verplicht)',
    type: 'file',
    omschrijving: 'Heeft u de aanvraag al elders opgesteld als JSON-document? Kies het bestand; '
      + 'het concept begint dan met die inhoud. Zonder bestand begint u met een leeg concept.',
  });
  bestand.input.accept = '.json,application/json';
  bestand.input.classList.remove('utrecht-textbox', 'utrecht-textbox--html-input');
  bestand.input.classList.add('bestandskeuze');

  let plannen = [];
  async function vulModelplannen() {
    const r = rondes.find((x) => String(x.id) === ronde.input.value);
    plannen = await modelplannenVan(r.catalogusversie);
    replaceChildren(modelplan.input, plannen.map((m) => h('option', { value: `${m.id}:${m.versie}` }, `${m.naam} (versie ${m.versie})`)));
  }
  await vulModelplannen();
  ronde.input.addEventListener('change', () => { vulModelplannen(); });

  const status = h('p', { class: 'utrecht-paragraph', role: 'status' });
  const knop = button('Concept aanmaken', { type: 'submit' });
  const form = h('form', { class: 'formulier', novalidate: true },
    ronde.element, modelplan.element, regio.element, bestand.element,
    h('p', { class: 'utrecht-paragraph' }, knop), status);
  const f = formulier(form, [ronde, modelplan, regio, bestand]);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    f.wis();
    const r = rondes.find((x) => String(x.id) === ronde.input.value);
    const mp = plannen.find((m) => `${m.id}:${m.versie}` === modelplan.input.value);
    knop.disabled = true;
    status.textContent = 'Bezig met aanmaken…';
    try {
      let tekst = await leesBestand(bestand.input);
      const kop = { indieningsronde_id: r.id };
      if (regio.input.value.trim()) kop.regio = regio.input.value.trim();
      if (tekst !== null) {
        tekst = tekst.replace(/^\uFEFF/, '');
        let doc;
        try {
          doc = JSON.parse(tekst);
        } catch (err) {
          throw new ApiFout(400, 'Het bestand is geen JSON-document.', {
            fouten: [{ veld: '/document', melding: `Dit bestand is geen geldig JSON-document (${err.message}). Kies een ander bestand.` }],
          });
        }
        const genoemd = doc && typeof doc === 'object' ? doc.modelplan : null;
        if (genoemd && mp && (genoemd.id !== mp.id || genoemd.versie !== mp.versie)) {
          throw new ApiFout(400, 'Het document is voor een ander modelplan.', {
            fouten: [{ veld: '/document', melding: `Dit document is voor ${genoemd.id} versie ${genoemd.versie}. Kies hierboven dat modelplan, of kies een ander bestand.` }],
          });
        }
        // The document byte for byte inside the request (JSON allows any value text there).
        const body = `${JSON.stringify(kop).slice(0, -1)},"document":${tekst}}`;
        const antwoord = await api.post('/aanvragen', undefined, { tekst: body });
        return ctx.navigate(`/aanvragen/${antwoord.aanvraag.id}`);
      }
      const document = {
        soort: 'aanvraag',
        schema_versie: 1,
        catalogus_versie: r.catalogusversie,
        modelplan: { id: mp.id, versie: mp.versie },
        coalitie: { penvoerder: eigenOrg.id },
      };
      const antwoord = await api.post('/aanvragen', { ...kop, document });
      return ctx.navigate(`/aanvragen/${antwoord.aanvraag.id}`);
    } catch (err) {
      if (!(err instanceof ApiFout)) throw err;
      knop.disabled = false;
      status.textContent = '';
      const docs = documentProblemen(err);
      const velden = {};
      for (const fout of err.fouten) {
        if (fout.veld.startsWith('/document')) continue;
        (velden[fout.veld || ''] ||= []).push(fout.melding);
      }
      if (docs.length) velden['/document'] = docs;
      const algemeen = velden[''] || [];
      delete velden[''];
      f.toonFouten({ message: err.message, velden, algemeen }, {
        kop: docs.length ? 'Het concept is niet aangemaakt: het document heeft problemen' : 'Het concept is niet aangemaakt',
      });
    }
    return null;
  });

  return [
    kop,
    paragraph(`U maakt de aanvraag namens ${eigenOrg.naam}; uw organisatie wordt de penvoerder van de coalitie. `,
      'Kies de ronde en het modelplan waarop u aanvraagt. Het concept wordt op de server bewaard; u kunt het zo vaak aanpassen als u wilt.'),
    form,
    paragraph(link('/aanvragen', 'Terug naar mijn aanvragen')),
  ];
}
