// SPDX-License-Identifier: EUPL-1.2
//
// grafiek.js -- bar charts with Chart.js, always with an equivalent table.
//
// Chart.js (npm `chart.js`, pinned in package-lock.json) is served from the
// binary as /static/vendor/chart.js/chart.umd.js. That bundle has no
// imports of its own, so it loads as a plain ES module without a build
// step or import map (which the CSP would forbid inline); it sets
// globalThis.Chart. It is loaded only by screens that draw a chart.
//
// Accessibility (WCAG 1.1.1, 1.4.1, 1.4.11): the canvas is an image with a
// text alternative that points to the table next to it; the table holds
// every number of the chart, so nothing is only visible as a bar or a
// colour. Bars use theme colours with at least 3:1 contrast against the
// page. Animation is off for people who ask for reduced motion.

import { h, table, uniqueId } from './dom.js';

let chartLoaded = null;

async function loadChart() {
  chartLoaded ||= import('../vendor/chart.js/chart.umd.js').then(() => {
    const { Chart } = globalThis;
    if (!Chart) throw new Error('Chart.js is niet geladen');
    return Chart;
  });
  return chartLoaded;
}

function themeColour(name, fallback) {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** Colours for up to three series, from the voorbeeld theme. */
function seriesColours() {
  return [
    themeColour('--voorbeeld-kleuren-violet-500', '#5115ef'),
    themeColour('--voorbeeld-kleuren-blauw-500', '#00568b'),
    themeColour('--voorbeeld-kleuren-groen-500', '#105f26'),
  ];
}

/**
 * A horizontal bar chart with its table.
 *   titel: caption of the figure (also the table's caption)
 *   categorieen: [{ naam }] -- one bar (group) per entry
 *   reeksen: [{ naam, waarden: [number], opmaak: (i) => text }]
 *     waarden are plain Numbers for the scale (whole euros, fte, ...);
 *     opmaak(i) formats the exact value of category i for the table and
 *     the tooltip (e.g. euro(cents) with BigInt arithmetic).
 *   schaal: (number) => text, the axis labels
 *   signal: the screen's AbortSignal; the chart is destroyed when it fires
 *   tabelExtra: optional { footer } for the table (totals)
 * Returns the <figure>; the chart is drawn once the figure is in the page.
 */
export function staafdiagram({ titel, categorieen, reeksen, schaal, signal, tabelExtra = {}, kolomKop = '' }) {
  const captionId = uniqueId('grafiek');
  const canvas = h('canvas', {
    role: 'img',
    'aria-label': `${titel}. Staafdiagram; dezelfde cijfers staan in de tabel hieronder.`,
  });
  const holder = h('div', { class: ['grafiek__vlak', categorieen.length > 4 && 'grafiek__vlak--hoog'] }, canvas);
  const figure = h('figure', { class: 'grafiek', 'aria-labelledby': captionId },
    h('figcaption', { class: 'grafiek__titel', id: captionId }, titel),
    holder,
    table({
      caption: `${titel} (tabel)`,
      columns: [
        { kop: kolomKop, waarde: (i) => categorieen[i].naam },
        ...reeksen.map((r) => ({ kop: r.naam, getal: true, waarde: (i) => r.opmaak(i) })),
      ],
      rows: categorieen.map((_, i) => i),
      footer: tabelExtra.footer || null,
    }));

  let chart = null;
  signal?.addEventListener('abort', () => chart?.destroy());
  loadChart().then((Chart) => {
    if (signal?.aborted) return;
    const colours = seriesColours();
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const text = themeColour('--basis-color-default-color-document', '#001a40');
    Chart.defaults.font.family = "'Noto Sans', sans-serif";
    Chart.defaults.font.size = 14;
    Chart.defaults.color = text;
    chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: categorieen.map((c) => c.naam),
        datasets: reeksen.map((r, i) => ({
          label: r.naam,
          data: r.waarden,
          backgroundColor: colours[i % colours.length],
          borderColor: colours[i % colours.length],
          borderWidth: 1,
        })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: reduce ? false : { duration: 400 },
        scales: {
          x: { beginAtZero: true, ticks: { callback: (v) => schaal(v) } },
          y: { ticks: { autoSkip: false } },
        },
        plugins: {
          legend: { display: reeksen.length > 1 },
          tooltip: {
            callbacks: {
              label: (item) => `${reeksen[item.datasetIndex].naam}: ${reeksen[item.datasetIndex].opmaak(item.dataIndex)}`,
            },
          },
        },
      },
    });
  }).catch((err) => {
    // The table carries the same numbers; say why the picture is missing.
    console.error(err);
    holder.replaceChildren(h('p', { class: 'utrecht-paragraph' }, 'De grafiek kon niet worden getekend; de cijfers staan in de tabel.'));
  });
  return figure;
}
