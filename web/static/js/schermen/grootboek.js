// SPDX-License-Identifier: EUPL-1.2
//
// Grootboek: the budget ledger as the NZa guards it (docs/beschikking.md §6,
// docs/grootboek.md). GET /grootboek/rekeningen as tables per pot, theme,
// year, insurer and project (beschikbaar, gereserveerd, toegekend, betaald),
// with a chart per theme over its years (each with its table); the postings
// log (GET /grootboek/boekingen, paged with na/limiet, "Meer laden"; ?limiet=N
// in the address sets the page size, default 50); and the
// hledger journal (GET /grootboek/journaal, text/plain) as a download that
// shows its progress (aria-busy region, role="status" text with the seconds
// and the size so far), can be cancelled, and never blocks the page.
// An insurer sees its own projects and no journal (the server decides; the
// journal section is shown to the roles that may fetch it).

import { api, download } from '../api.js';
import { downloadBalk } from '../export.js';
import { button, h, heading, paragraph, replaceChildren, table } from '../dom.js';
import { staafdiagram } from '../grafiek.js';
import { datumTijd, euro, euroAlsGetal, euroMiljoen, getal, toBigInt } from '../opmaak.js';
import { themanamen } from './nza-gedeeld.js';

const JOURNAAL_ROLLEN = ['nza', 'programmabureau', 'bestuur', 'zorginstituut', 'auditor'];
const BOEKINGEN_PER_KEER = 50;

const SOORT = {
  direct: 'Directe boeking',
  reservering: 'Reservering',
  boeking_van_reservering: 'Reservering geboekt',
  vrijgave_van_reservering: 'Reservering vrijgegeven',
};

/** The four amounts of a ledger row as table columns. */
const BEDRAGEN = [
  { kop: 'Beschikbaar', getal: true, waarde: (r) => euro(r.beschikbaar_cent) },
  { kop: 'Gereserveerd', getal: true, waarde: (r) => euro(r.gereserveerd_cent) },
  { kop: 'Toegekend', getal: true, waarde: (r) => euro(r.toegekend_cent) },
  { kop: 'Betaald', getal: true, waarde: (r) => euro(r.betaald_cent) },
];

function totaal(rijen) {
  const som = (k) => euro(rijen.reduce((s, r) => s + toBigInt(r[k]), 0n));
  return [som('beschikbaar_cent'), som('gereserveerd_cent'), som('toegekend_cent'), som('betaald_cent')];
}

function rekeningenSectie(o, namen, signal) {
  const themaNaam = (t) => namen[t] || t;
  const jaren = [...o.jaren].sort((a, b) => (a.thema === b.thema ? a.jaar - b.jaar : a.thema.localeCompare(b.thema)));
  const verzekeraarNaam = Object.fromEntries(o.verzekeraars.map((v) => [v.uzovi_code, v.naam]));
  const themasMetJaren = o.themas.filter((t) => jaren.some((j) => j.thema === t.thema));

  const grafieken = themasMetJaren.map((t) => {
    const rijen = jaren.filter((j) => j.thema === t.thema);
    const reeks = (naam, k) => ({
      naam,
      waarden: rijen.map((r) => euroAlsGetal(r[k])),
      opmaak: (i) => euro(rijen[i][k]),
    });
    return staafdiagram({
      titel: `${themaNaam(t.thema)}: beschikbaar, gereserveerd en toegekend per jaar`,
      kolomKop: 'Jaar',
      categorieen: rijen.map((r) => ({ naam: String(r.jaar) })),
      reeksen: [reeks('Beschikbaar', 'beschikbaar_cent'), reeks('Gereserveerd', 'gereserveerd_cent'),
        reeks('Toegekend', 'toegekend_cent')],
      schaal: (v) => euroMiljoen(toBigInt(Math.round(v)) * 100n),
      signal,
    });
  });

  return h('section', { 'aria-labelledby': 'kop-rekeningen' },
    heading(2, 'Stand van de rekeningen', { id: 'kop-rekeningen' }),
    paragraph('Beschikbaar is de vrije ruimte; gereserveerd is wat het bestuur heeft toegekend maar de NZa nog niet heeft beschikt; '
      + 'toegekend is de som van de bovengrenzen in beschikkingen; betaald is wat zorgverzekeraars per mijlpaal hebben betaald. '
      + 'Bij een pot of thema tellen de onderliggende rekeningen mee.'),
    heading(3, 'Pot'),
    table({
      caption: 'De Zvw-pot',
      columns: [{ kop: 'Rekening', waarde: (r) => r.rekening }, ...BEDRAGEN],
      rows: [o.pot],
    }),
    heading(3, 'Per thema'),
    table({
      caption: 'Per thema',
      columns: [{ kop: 'Thema', waarde: (r) => themaNaam(r.thema) }, ...BEDRAGEN],
      rows: o.themas,
      footer: o.themas.length > 1 ? ['Totaal', ...totaal(o.themas)] : null,
    }),
    downloadBalk({ pad: '/grootboek/rekeningen?lijst=themas', naam: 'grootboek-per-thema', omschrijving: 'de stand per thema', signal }),
    heading(3, 'Per thema en jaar'),
    paragraph('Betaald staat bij het jaar waarin is betaald.'),
    grafieken,
    table({
      caption: 'Per thema en jaar',
      columns: [{ kop: 'Thema en jaar', waarde: (r) => `${themaNaam(r.thema)} ${r.jaar}` }, ...BEDRAGEN],
      rows: jaren,
    }),
    heading(3, 'Per zorgverzekeraar'),
    paragraph('De som over de projecten die de zorgverzekeraar coördineert.'),
    o.verzekeraars.length ? table({
      caption: 'Per zorgverzekeraar',
      columns: [{ kop: 'Zorgverzekeraar', waarde: (r) => `${r.naam || r.rekening} (UZOVI ${r.uzovi_code})` }, ...BEDRAGEN],
      rows: o.verzekeraars,
      footer: o.verzekeraars.length > 1 ? ['Totaal', ...totaal(o.verzekeraars)] : null,
    }) : paragraph('Nog geen zorgverzekeraar met projecten.'),
    o.verzekeraars.length ? downloadBalk({ pad: '/grootboek/rekeningen?lijst=verzekeraars', naam: 'grootboek-per-verzekeraar',
      omschrijving: 'de stand per zorgverzekeraar', signal }) : null,
    heading(3, 'Per project'),
    paragraph('Per project is beschikbaar wat van de bovengrens over is.'),
    o.projecten.length ? table({
      caption: 'Per project (aanvraag)',
      columns: [
        { kop: 'Aanvraag', waarde: (r) => (r.aanvraag_titel ? [r.aanvraag_titel, h('span', { class: 'bron' }, ` (${r.aanvraag_id})`)]
          : String(r.aanvraag_id)) },
        { kop: 'Thema', waarde: (r) => themaNaam(r.thema) },
        { kop: 'Coördinerend zorgverzekeraar', waarde: (r) => verzekeraarNaam[r.uzovi_code] || r.uzovi_code || '-' },
        ...BEDRAGEN,
      ],
      rows: o.projecten,
      footer: o.projecten.length > 1 ? ['Totaal', '', '', ...totaal(o.projecten)] : null,
    }) : paragraph('Nog geen projecten.'),
    o.projecten.length ? downloadBalk({ pad: '/grootboek/rekeningen?lijst=projecten', naam: 'grootboek-per-project',
      omschrijving: 'de stand per project', signal }) : null);
}

/** An account code or key as code, with break opportunities after each "/" (never inside a number). */
function code(tekst) {
  const delen = String(tekst).split('/');
  return h('code', { class: 'utrecht-code' }, delen.map((d, i) => (i < delen.length - 1 ? [d, '/', h('wbr')] : d)));
}

function boekingenSectie(ctx, eerste, perKeer) {
  let rijen = eerste.boekingen;
  let volgende = eerste.volgende_na ?? null;
  const aantal = h('p', { class: 'utrecht-paragraph', role: 'status', tabindex: '-1' });
  const tabel = h('div', {});
  const meer = h('div', { class: 'utrecht-button-group' });
  const fout = h('div', {});

  function teken() {
    replaceChildren(tabel, rijen.length ? table({
      caption: 'Boekingen, oudste eerst',
      columns: [
        { kop: 'Nr', waarde: (b) => String(b.id) },
        { kop: 'Tijdstip', waarde: (b) => datumTijd(b.tijdstip) },
        { kop: 'Soort', waarde: (b) => SOORT[b.soort] || b.soort },
        { kop: 'Van (debet)', waarde: (b) => [code(b.debet), b.debet_naam ? h('span', { class: 'bron' }, ` ${b.debet_naam}`) : null] },
        { kop: 'Naar (credit)', waarde: (b) => [code(b.credit), b.credit_naam ? h('span', { class: 'bron' }, ` ${b.credit_naam}`) : null] },
        { kop: 'Bedrag', getal: true, waarde: (b) => euro(b.bedrag_cent) },
        { kop: 'Sleutel', waarde: (b) => code(b.sleutel) },
      ],
      rows: rijen,
    }) : null);
    replaceChildren(meer, volgende === null ? null : button('Meer laden', { kind: 'secondary', onClick: laadMeer }));
    aantal.textContent = `${rijen.length === 1 ? '1 boeking' : `${getal(rijen.length)} boekingen`} getoond.`
      + (volgende === null ? ' Dit zijn alle boekingen.' : ' Er zijn er meer.');
  }

  async function laadMeer(event) {
    const knop = event?.currentTarget;
    if (knop) {
      knop.disabled = true;
      knop.setAttribute('aria-busy', 'true');
    }
    tabel.setAttribute('aria-busy', 'true');
    try {
      const r = await api.get('/grootboek/boekingen', { query: { na: volgende, limiet: perKeer }, signal: ctx.signal });
      rijen = rijen.concat(r.boekingen);
      volgende = r.volgende_na ?? null;
      replaceChildren(fout);
      teken();
      // The new button (if any) keeps the place of the old one; else focus the count.
      const nieuw = meer.querySelector('button');
      if (nieuw) nieuw.focus();
      else aantal.focus();
    } catch (err) {
      if (err.geannuleerd) return;
      replaceChildren(fout, h('p', { class: 'utrecht-paragraph', role: 'alert' }, `Meer boekingen laden is niet gelukt: ${err.message}`));
      if (knop) {
        knop.disabled = false;
        knop.removeAttribute('aria-busy');
      }
    } finally {
      tabel.removeAttribute('aria-busy');
    }
  }

  teken();
  return h('section', { class: 'boekingen', 'aria-labelledby': 'kop-boekingen' },
    heading(2, 'Boekingen', { id: 'kop-boekingen' }),
    paragraph('Elke euro beweegt door het grootboek: het macrokader, de richtbedragen, de budgetten per jaar, de reserveringen van het bestuur, '
      + 'de beschikkingen van de NZa en de betalingen per mijlpaal. Boekingen worden nooit gewijzigd.'),
    aantal, tabel, meer, fout);
}

function kB(bytes) {
  return `${getal(Math.ceil(bytes / 1024))} kB`;
}

function seconden(ms) {
  const s = Math.floor(ms / 1000);
  return s === 1 ? '1 seconde' : `${s} seconden`;
}

/** The hledger journal, fetched as a stream with progress; saved through a blob link. */
function journaalSectie(ctx) {
  const status = h('p', { class: 'utrecht-paragraph', role: 'status' });
  const regio = h('div', { class: 'journaal__voortgang' }, status);
  const opslaan = h('a', { class: 'utrecht-link utrecht-link--html-a journaal__opslaan', hidden: true }, 'Journaal opnieuw opslaan');
  const knoppen = h('div', { class: 'utrecht-button-group' });
  let url = null;
  let controller = null;

  const vrij = () => {
    if (url) URL.revokeObjectURL(url);
    url = null;
  };
  ctx.signal.addEventListener('abort', () => {
    controller?.abort();
    vrij();
  }, { once: true });

  const haal = button('Journaal downloaden', { onClick: () => start() });
  const stop = button('Annuleren', { kind: 'secondary', onClick: () => controller?.abort() });
  stop.hidden = true;
  knoppen.append(haal, stop);

  async function start() {
    controller = new AbortController();
    const begin = Date.now();
    let bytes = 0;
    const bij = () => {
      status.textContent = `Het journaal wordt opgehaald: ${seconden(Date.now() - begin)}, ${kB(bytes)} ontvangen.`;
    };
    haal.disabled = true;
    stop.hidden = false;
    opslaan.hidden = true;
    vrij();
    regio.setAttribute('aria-busy', 'true');
    status.textContent = 'Het journaal wordt opgehaald…';
    const klok = setInterval(bij, 1000);
    try {
      const blob = await download('/grootboek/journaal', {
        signal: controller.signal, opVoortgang: (n) => { bytes = n; },
      });
      url = URL.createObjectURL(blob);
      const naam = `grootboek-${new Date().toISOString().slice(0, 10)}.journal`;
      opslaan.href = url;
      opslaan.download = naam;
      opslaan.hidden = false;
      status.textContent = `Het journaal is opgehaald (${kB(bytes)}, ${seconden(Date.now() - begin)}) en wordt opgeslagen als ${naam}.`;
      opslaan.click();
    } catch (err) {
      status.textContent = controller.signal.aborted
        ? 'Het ophalen van het journaal is geannuleerd.'
        : `Het journaal kon niet worden opgehaald: ${err.message || 'de server is niet bereikbaar.'}`;
    } finally {
      clearInterval(klok);
      regio.removeAttribute('aria-busy');
      haal.disabled = false;
      stop.hidden = true;
      controller = null;
    }
  }

  return h('section', { 'aria-labelledby': 'kop-journaal' },
    heading(2, 'Journaal voor hledger', { id: 'kop-journaal' }),
    paragraph('Het hele grootboek als hledger-journaal (tekst), met een saldocontrole bij elke boeking. '
      + 'Een accountant kan het onafhankelijk narekenen met "hledger -f BESTAND check -s". '
      + 'U kunt op deze pagina verder werken terwijl het journaal wordt opgehaald.'),
    knoppen, regio, paragraph(opslaan));
}

export async function toon(ctx) {
  // ?limiet=N (1-1000) sets how many postings each "Meer laden" fetches.
  const gevraagd = Number(ctx.query.get('limiet'));
  const perKeer = Number.isInteger(gevraagd) && gevraagd >= 1 && gevraagd <= 1000 ? gevraagd : BOEKINGEN_PER_KEER;
  const [overzicht, boekingen, namen] = await Promise.all([
    api.get('/grootboek/rekeningen', { signal: ctx.signal }),
    api.get('/grootboek/boekingen', { query: { limiet: perKeer }, signal: ctx.signal }),
    themanamen(),
  ]);
  const rollen = ctx.sessie?.gebruiker?.rollen || [];
  return [
    heading(1, 'Grootboek'),
    downloadBalk({ pad: '/grootboek/boekingen', naam: 'grootboek-boekingen', omschrijving: 'de boekingen van het grootboek', signal: ctx.signal }),
    paragraph('De budgetbewaking van de doorbraakmiddelen: wat er per pot, thema, jaar, zorgverzekeraar en project beschikbaar, '
      + 'gereserveerd, toegekend en betaald is. Het grootboek voorkomt dat de som van de bovengrenzen het macrokader of het budget van een jaar overschrijdt [001 §3].'),
    rekeningenSectie(overzicht, namen, ctx.signal),
    boekingenSectie(ctx, boekingen, perKeer),
    rollen.some((r) => JOURNAAL_ROLLEN.includes(r)) ? journaalSectie(ctx) : null,
  ];
}
