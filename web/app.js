// The playground: MicroPython (WebAssembly) runs the modules files.json lists and playground.py;
// this file passes the fields' text to Python and draws what comes back. Served, it fetches the
// files; the one file (python3 -m tools --page) holds them.
const EVERY = 10, TICK = 100, now = () => performance.now(); // a loss every 10 epochs; a paced run draws every 100 ms
const $ = (id) => document.getElementById(id), text = (id, t) => { $(id).textContent = t; };
const all = (css) => document.querySelectorAll(css), make = (tag) => document.createElement(tag);
let pg, view, drawn, mapped = 0, running = false, timer = 0, chunk = EVERY, began = 0, runs = [], count = 0;
const errors = new Map(), waiting = new Map(); // key: [message, its box]; changes typed, not yet applied
const ALSO = { csv: "people", row: "people", click: "people", body: "x" }; // the address's key for a field's
const call = (name, ...args) => JSON.parse(pg[name](...args));
const set = (e, attrs) => { for (const k in attrs) e.setAttribute(k, attrs[k]); return e; };
const el = (tag, attrs, parent) => parent.appendChild(set(document.createElementNS("http://www.w3.org/2000/svg", tag), attrs));
const label = (svg, t, x, y, anchor, cls) => { el("text", { x, y, "text-anchor": anchor, class: cls || "" }, svg).textContent = t; };
function setValue(input, t) { if (document.activeElement !== input) input.value = t; }
function command(code, t) { // a command, a line breaking between its words only
  code.replaceChildren(...t.split(" ").flatMap((word, i) => {
    const span = make("span");
    span.className = "w"; span.textContent = word;
    return i ? [" ", span] : [span];
  }));
}
function cells(id, rows) { // a table's body, cell by cell, as text
  $(id).replaceChildren(...rows.map((r) => {
    const tr = make("tr");
    tr.append(...r.map((c) => { const td = make("td"); td.textContent = c; return td; }));
    return tr;
  }));
}

// --- errors: each key's message in its box until a value of that key applies
function showErrors() {
  all(".error").forEach((box) => {
    box.textContent = [...errors.values()].filter(([, b]) => b === box.id).map(([m]) => m).join("\n");
  });
}
function fail(key, message, box) { errors.set(key, [message, box]); showErrors(); }
function pass(...keys) {
  for (const key of keys) {
    errors.delete(key);
    all(`[data-key="${key}"]`).forEach((e) => { e.removeAttribute("aria-invalid"); e.removeAttribute("aria-describedby"); });
  }
  showErrors();
}

// --- the network, an input on each edge and neuron
const NODES = ["x1", "x2", "h1", "h2", "o1"], NAMES = ["w1", "w2", "b1", "w3", "w4", "b2", "w5", "w6", "b3"];
// A weight: [from, to, where along the edge]; a bias: [neuron, above (-1) or below (1)].
const EDGES = { 0: ["x1", "h1", 0.5], 1: ["x2", "h1", 0.3], 3: ["x1", "h2", 0.3], 4: ["x2", "h2", 0.5],
  6: ["h1", "o1", 0.5], 7: ["h2", "o1", 0.5] }, BIASES = { 2: ["h1", 1], 5: ["h2", -1], 8: ["o1", -1] };
const R = 22, H = 300, diagram = { lines: {}, circles: {}, texts: {}, pins: [] };

function buildDiagram() {
  const svg = $("svg");
  for (const i in EDGES) diagram.lines[i] = el("line", {}, svg);
  for (const n of NODES) {
    diagram.circles[n] = [el("circle", { r: R, class: "node" }, svg), el("text", { class: "name" }, svg)];
    diagram.circles[n][1].textContent = n;
    diagram.texts[n] = [el("text", { class: "value" }, svg), el("text", { class: "value" }, svg)];
  }
  NAMES.forEach((name, i) => {
    const pin = $("diagram").appendChild(make("label"));
    pin.className = "pin";
    pin.innerHTML = `<span>${name}</span><input id="p${i}" data-key="${name}">`;
    diagram.pins.push(pin);
  });
  new ResizeObserver(() => { layoutDiagram(); if (view) drawCharts(); }).observe($("diagram"));
}

function layoutDiagram() { // x1's and h1's values above them, x2's and h2's below, o1's below it
  const W = $("diagram").clientWidth;
  if (!W) return;
  set($("svg"), { viewBox: `0 0 ${W} ${H}`, height: H });
  const left = Math.max(0.09 * W, R + 6), at = { x1: [left, 70], x2: [left, 230], h1: [0.5 * W, 70],
    h2: [0.5 * W, 230], o1: [Math.min(0.84 * W, W - R - 8), 150] };
  for (const i in EDGES) {
    const [a, b] = EDGES[i];
    set(diagram.lines[i], { x1: at[a][0], y1: at[a][1], x2: at[b][0], y2: at[b][1] });
  }
  for (const n of NODES) {
    const [x, y] = at[n], below = n[1] === "2" || n === "o1";
    set(diagram.circles[n][0], { cx: x, cy: y });
    set(diagram.circles[n][1], { x, y: y + 5 });
    diagram.texts[n].forEach((t, k) => set(t, { x: n[0] === "x" ? 4 : n === "o1" ? W - 4 : x,
      y: (n === "o1" ? y + R + 52 : below ? y + R + 16 : y - R - 28) + 15 * k,
      "text-anchor": n[0] === "x" ? "start" : n === "o1" ? "end" : "middle" }));
  }
  diagram.pins.forEach((pin, i) => {
    const [a, b, t] = EDGES[i] || [], [n, side] = BIASES[i] || [];
    pin.style.left = `${EDGES[i] ? at[a][0] + t * (at[b][0] - at[a][0]) : at[n][0]}px`;
    pin.style.top = `${EDGES[i] ? at[a][1] + t * (at[b][1] - at[a][1]) : at[n][1] + side * (R + 24)}px`;
  });
}

function drawDiagram(v) {
  const short = (name) => name.length > 12 ? name.slice(0, 11) + "…" : name;
  NAMES.forEach((name, i) => {
    if (!errors.has(name)) setValue($(`p${i}`), v.params[i]);
    const line = diagram.lines[i], w = Number(v.params[i]);
    if (line) set(line, { stroke: w < 0 ? "var(--neg)" : "var(--accent)", "stroke-dasharray": w < 0 ? "7 4" : "none",
      "stroke-width": (1 + Math.min(Math.abs(w), 8) * 1.1).toFixed(1) }); // a weight's sign by colour and dash, size by width
  });
  const [h1, h2, o1] = v.neurons, values = {
    x1: [`x1 = ${v.x[0]}`, `(${short(v.names[0])} ${v.body[0]})`], x2: [`x2 = ${v.x[1]}`, `(${short(v.names[1])} ${v.body[1]})`],
    h1: [`h1 = ${h1[0]}`, `= ${h1[1]}`], h2: [`h2 = ${h2[0]}`, `= ${h2[1]}`], o1: [`o1 = ${o1[0]}`, `= ${o1[1]}`] };
  for (const n of NODES) diagram.texts[n].forEach((t, k) => { t.textContent = values[n][k]; });
}

// --- charts: the sigmoid, the loss curves (log scale) and the map of the output
function axes(svg, W, Hc, L, B, T) {
  svg.textContent = "";
  set(svg, { viewBox: `0 0 ${W} ${Hc}`, height: Hc });
  el("path", { d: `M${L} ${T}V${Hc - B}H${W - 8}`, class: "axis" }, svg);
}

function drawSigmoid(n) {
  const svg = $("sigmoid"), sx = (z) => 36 + (z + 10) * 13.5, sy = (f) => 112 - f * 100;
  axes(svg, 320, 134, 36, 22, 8);
  for (const z of [-10, -5, 0, 5, 10]) label(svg, z, sx(z), 128, "middle");
  for (const f of [0, 0.5, 1]) label(svg, f, 30, sy(f) + 4, "end");
  el("polyline", { points: n.curve.map(([z, f]) => `${sx(z)},${sy(f)}`).join(" "), class: "line r0" }, svg);
  el("circle", { cx: sx(Math.max(-10, Math.min(10, n.sum))), cy: sy(n.out), r: 6, fill: "#111" }, svg);
}

function drawCurve() {
  const svg = $("curve"), W = svg.clientWidth, Hc = 210, L = 44, B = 22, T = 8;
  if (!W) return;
  axes(svg, W, Hc, L, B, T);
  label(svg, "epoch", (L + W) / 2, Hc - 4, "middle");
  const all = runs.flatMap((r) => r.points);
  if (!all.length) return;
  const log = (loss) => Math.log10(Math.max(loss, 1e-12)), logs = all.map(([, loss]) => log(loss));
  const hi = Math.ceil(Math.max(...logs)), lo = Math.min(Math.floor(Math.min(...logs)), hi - 1);
  const end = Math.max(...runs.map((r) => r.epochs), ...all.map(([e]) => e), 1);
  const x = (e) => L + e * (W - 8 - L) / end, y = (v) => Hc - B - (v - lo) * (Hc - B - T) / (hi - lo);
  for (let p = lo; p <= hi; p++) {
    el("path", { d: `M${L} ${y(p)}H${W - 8}`, class: "grid" }, svg);
    label(svg, p < 0 ? (10 ** p).toFixed(-p) : String(10 ** p), L - 4, y(p) + 4, "end");
  }
  label(svg, "0", L, Hc - 4, "middle"); label(svg, String(end), W - 8, Hc - 4, "end");
  for (const r of runs) el("polyline", { points: r.points.map(([e, loss]) => `${x(e).toFixed(1)},${y(log(loss)).toFixed(1)}`)
    .join(" "), class: `line r${r.n % 3}` }, svg);
}

function drawRuns() { // each run's pattern and settings; a saturated run's sentence
  $("runs").replaceChildren(...runs.map((r) => {
    const li = make("li"), svg = el("svg", { viewBox: "0 0 36 10", "aria-hidden": "true" }, li);
    el("path", { d: "M0 5H36", class: `line r${r.n % 3}` }, svg);
    li.append(`Run ${r.n}: ${r.label}`);
    return li;
  }));
  text("notes", runs.filter((r) => r.note).map((r) => `Run ${r.n}: ${r.note}`).join("\n"));
}

function shade(v) {
  if (v === null) return [200, 200, 200];
  const [c, t] = v >= 0.5 ? [[70, 120, 225], (v - 0.5) * 2] : [[240, 150, 50], (0.5 - v) * 2];
  return c.map((x) => Math.round(255 + (x - 255) * t));
}

const MAP = { L: 0, T: 8, w: 1, h: 1 }, widths = new Map(); // the plot's box; each name's width
function drawMap() {
  const m = view.map, svg = $("map"), W = svg.clientWidth;
  if (!W) return;
  const Hm = Math.round(Math.min(W * 0.62, 420)), B = 36, L = 26 + 7 * Math.max(...m.b_ticks.map(([, t]) => t.length));
  Object.assign(MAP, { L, w: W - L - 10, h: Hm - B - MAP.T });
  const { T, w, h } = MAP, canvas = make("canvas"), g = canvas.getContext("2d");
  axes(svg, W, Hm, L, B, T);
  canvas.width = m.cols; canvas.height = m.rows;
  m.values.forEach((v, i) => { g.fillStyle = `rgb(${shade(v)})`; g.fillRect(i % m.cols, Math.floor(i / m.cols), 1, 1); });
  el("image", { href: canvas.toDataURL(), x: L, y: T, width: w, height: h, preserveAspectRatio: "none",
    style: "image-rendering: pixelated" }, svg);
  const px = (a) => L + (a - m.a[0]) / (m.a[1] - m.a[0]) * w, py = (b) => T + (m.b[1] - b) / (m.b[1] - m.b[0]) * h;
  const cw = w / m.cols, ch = h / m.rows, up = (i) => m.values[i] >= 0.5, dots = [];
  m.values.forEach((v, i) => { // the 0.5 line, dotted: where the output crosses 0.5 between two cells
    const x = L + (i % m.cols + 1) * cw, y = T + (Math.floor(i / m.cols) + 1) * ch;
    if ((i + 1) % m.cols && up(i) !== up(i + 1)) dots.push(`M${x - 1} ${y - ch / 2 - 1}h2v2h-2z`);
    if (i + m.cols < m.values.length && up(i) !== up(i + m.cols)) dots.push(`M${x - cw / 2 - 1} ${y - 1}h2v2h-2z`);
  });
  el("path", { d: dots.join(""), fill: "#222" }, svg);
  m.a_ticks.forEach(([a, t]) => label(svg, t, Math.min(Math.max(px(a), 12), W - 12), Hm - B + 15, "middle"));
  m.b_ticks.forEach(([b, t]) => label(svg, t, L - 5, py(b) + 4, "end"));
  label(svg, view.names[0], L + w / 2, Hm - 4, "middle");
  label(svg, view.names[1], 0, 0, "middle");
  set(svg.lastChild, { transform: `translate(12 ${T + h / 2}) rotate(-90)` });
  const placed = [], free = (r) => r[0] >= L && r[2] <= W && r[1] >= 0 && r[3] <= Hm - B
    && placed.every((p) => r[2] <= p[0] || r[0] >= p[2] || r[3] <= p[1] || r[1] >= p[3]);
  const people = view.people.rows.map((p) => [px(Number(p.a)), py(Number(p.b)), p]);
  for (const [x, y, p] of people) { // ● answer 1, ■ answer 0, ◆ to predict
    placed.push([x - 7, y - 7, x + 7, y + 7]);
    el("path", { d: p.y === "" ? `M${x} ${y - 7}l7 7l-7 7l-7-7z` : p.y === "1" ? `M${x - 6} ${y}a6 6 0 1 0 12 0a6 6 0 1 0-12 0`
      : `M${x - 6} ${y - 6}h12v12h-12z`, fill: "#111", stroke: "#fff", "stroke-width": 1.5 }, svg);
  }
  for (const [x, y, p] of people) { // each name beside its mark, where it fits and covers no other
    if (!widths.has(p.name)) { label(svg, p.name, 0, 0, "start", "person"); widths.set(p.name, svg.lastChild.getBBox().width); svg.lastChild.remove(); }
    const tw = widths.get(p.name), spot = [[x + 10, y - 9, "start"], [x - 10 - tw, y - 9, "end"], [x - tw / 2, y - 27, "middle"],
      [x - tw / 2, y + 9, "middle"]].find(([x0, y0]) => free([x0, y0, x0 + tw, y0 + 18]));
    if (!spot) continue;
    placed.push([spot[0], spot[1], spot[0] + tw, spot[1] + 18]);
    label(svg, p.name, spot[2] === "start" ? spot[0] : spot[2] === "end" ? spot[0] + tw : x, spot[1] + 14, spot[2], "person");
  }
  text("map-said", m.said);
}

function drawCharts() { drawCurve(); drawMap(); }

// --- the people's table: rebuilt when they change
let shownCsv = null;
const esc = (x) => x.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
function drawPeople(p) {
  if (p.csv !== shownCsv) {
    shownCsv = p.csv;
    setValue($("csv"), p.csv);
    const cols = ["name", ...view.names], n = p.rows.length;
    $("rows").innerHTML = [...p.rows, { name: "", a: "", b: "", y: "" }].map((r, i) => {
      const who = esc(i < n ? r.name : "the new person"), does = i < n ? "remove" : "add";
      return `<tr>${[r.name, r.a, r.b, r.y].map((x, k) => `<td><input value="${esc(x)}" aria-label="${who}: ${esc(cols[k])}"`
        + ' autocomplete="off"></td>').join("")}<td></td><td><button aria-label="${does} ${who}">${does}</button></td></tr>`;
    }).join("");
    [...$("rows").children].forEach((tr, i) => {
      const fields = [...tr.querySelectorAll("input")], row = () => [String(i + 1), ...fields.map((f) => f.value)];
      if (i < n) fields.forEach((f) => f.addEventListener("change", () => edit("row", row(), "pp-error")));
      tr.querySelector("button").onclick = () => edit("row", i < n ? [String(i + 1)] : row(), "pp-error");
    });
  }
  p.rows.forEach((r, i) => { $("rows").children[i].children[4].textContent = r.out; });
}

function render(v) {
  v.map = v.map || view.map; // a frame of training without the map keeps the last
  view = v;
  const b = v.backprop, t = v.train, n = v.neuron;
  ["a-name", "b-name", "y-name"].forEach((c, i) => all(`.${c}`).forEach((e) => { e.textContent = v.names[i]; }));
  if (n) {
    if (!errors.has("neuron")) ["nw1", "nw2", "nb", "nx1", "nx2"].forEach((id, i) => setValue($(id), n.texts[i]));
    text("neuron", n.lines.join("\n"));
    drawSigmoid(n);
  }
  drawDiagram(v);
  text("s1", v.shift[0]); text("s2", v.shift[1]);
  if (!errors.has("x") && !errors.has("body")) ["a", "b", "x1", "x2"].forEach((id, i) => setValue($(id), [...v.body, ...v.x][i]));
  if (!errors.has("shift")) ["sh1", "sh2"].forEach((id, i) => setValue($(id), v.given ? v.shift[i] : ""));
  text("shift-text", v.shift_text);
  text("distance", v.distance || "");
  command($("calc-cmd"), v.calc.command);
  text("calc", v.calc.lines.join("\n"));
  if (v.loss) {
    text("loss-article", v.loss.article);
    cells("loss-rows", v.loss.rows);
    text("mse", v.loss.mse);
    command($("loss-cmd"), v.loss.command);
  }
  if (b) {
    command($("bp-cmd"), b.command);
    text("bp", b.lines ? b.lines.join("\n") : "");
    text("bp-hand", b.lines ? b.lines.slice(0, b.hand - 1).join("\n") : "");
    cells("steps", b.steps || []);
    text("step-loss", b.losses ? `The loss of this sample: ${b.losses[0]} before the update, ${b.losses[1]} after. `
      + `On all the people: ${b.losses[2]} before, ${b.losses[3]} after.` : "");
    if (b.error) fail("backprop-view", `⚠ ${b.error}`, "bp-error"); else pass("backprop-view");
    if (!errors.has("backprop")) ["bx1", "bx2", "by"].forEach((id, i) => setValue($(id), b.sample[i]));
  }
  drawPeople(v.people);
  command($("folk-cmd"), `python3 network.py train --people people.csv${v.mean ? "" : ` --shift ${v.shift.join(" ")}`}`);
  for (const id of ["epochs", "rate", "seed"]) if (!errors.has(id)) setValue($(id), t[id]);
  if (t.fresh) {
    runs.push({ n: ++count, label: `learn rate ${t.rate}, seed ${t.seed}, ${t.epochs} epochs`, epochs: Number(t.epochs), points: [] });
    runs = runs.slice(-3);
  }
  if (t.epoch !== null && runs.length) {
    runs[runs.length - 1].points.push(...t.points);
    if (t.done && t.note) runs[runs.length - 1].note = t.note;
  }
  text("progress", t.epoch === null ? `Not trained: the loss on the people is ${t.loss}. Train starts`
    + " from the seed's random weights." : `Epoch ${t.epoch} of ${t.epochs}: loss ${t.loss}`);
  $("tr-cmd").replaceChildren(make("code"), t.epoch === null ? " trains; this network predicts:"
    : !t.exact ? " no longer gives this network (changed in training); it predicts:" : t.done ? " prints:" : " prints, so far:");
  $("tr-cmd").firstChild.className = "cmd";
  command($("tr-cmd").firstChild, t.command);
  text("tr", t.lines.join("\n"));
  text("predictions", t.predictions.join("\n"));
  drawRuns();
  drawCurve();
  if (v.map !== drawn) { drawn = v.map; drawMap(); }
  const encode = (x) => encodeURIComponent(x).replace(/%2C/g, ",");
  const query = v.address.map(([k, value]) => `${k}=${k === "people" ? value.map(encode).join(";") : encode(value)}`);
  try { history.replaceState(null, "", query.length ? `?${query.join("&")}` : location.pathname); } catch (e) { /* sandboxed */ }
}

// A field's text to playground.py: the new view, or the message (the state kept).
function edit(key, texts, box) {
  waiting.delete(key);
  document.body.dataset.pending = waiting.size ? "1" : "";
  const answer = call("change", key, JSON.stringify(texts)), fields = all(`[data-key="${key}"]`);
  if (answer.error) {
    fields.forEach((e) => { if (e === document.activeElement || fields.length === 1) set(e, { "aria-invalid": "true", "aria-describedby": box }); });
    fail(key, `⚠ ${key}: ${answer.error}`, box);
    return false;
  }
  pass(key, ALSO[key] || (NAMES.includes(key) ? "weights" : key));
  render(answer);
  return true;
}

// A field applies its text after a pause in typing, or at once on Enter or leaving it.
const boxOf = (field) => field.closest("fieldset")?.querySelector(".error")?.id || "p-error";
function flush(key) {
  if (!waiting.has(key)) return true;
  clearTimeout(waiting.get(key));
  const fields = [...all(`[data-key="${key}"]`)];
  return edit(key, fields.map((f) => f.value), boxOf(fields[0]));
}
function wireField(input) {
  const key = input.dataset.key;
  input.autocomplete = "off";
  input.addEventListener("input", () => {
    clearTimeout(waiting.get(key));
    waiting.set(key, setTimeout(() => flush(key), 600));
    document.body.dataset.pending = "1";
  });
  input.addEventListener("change", () => flush(key));
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && flush(key) && input.closest("#settings") && !running) train();
  });
}

// --- training: at the chosen pace, or at full speed; said aloud at its start and end only
function stop() { running = false; clearTimeout(timer); text("train", "Train"); }
function advance(epochs, coarse) { // null: a new run
  const answer = epochs === null ? call("restart") : call("train", epochs, coarse);
  if (answer.error) { stop(); fail("train", `⚠ ${answer.error}`, "tr-error"); return false; }
  pass("train");
  render(answer);
  return !answer.train.done || epochs === null;
}
function ready() { // a run to go on with, or a new one
  if (view.train.epoch !== null && !view.train.done) return true;
  return advance(null);
}

function train(full) {
  if (running) { stop(); text("said", `Paused: ${$("progress").textContent}`); return; }
  if (!ready()) return;
  running = true;
  text("train", "Pause");
  const speed = full === true ? 0 : Number($("speed").value);
  text("said", `Training ${view.train.epochs} epochs with learn rate ${view.train.rate}.`);
  began = now();
  chunk = EVERY;
  if (speed) timer = setTimeout(function tick() {
    const start = now();
    if (advance(speed * TICK / 1000, true)) timer = setTimeout(tick, Math.max(0, TICK - (now() - start)));
    else if (running) finish();
  }, 0);
  else requestAnimationFrame(function frame() {
    if (!running) return;
    const start = now(), more = advance(chunk, start - mapped > 250 ? 1 : 2), took = now() - start;
    if (drawn === view.map) mapped = start;
    if (took < 50) chunk *= 2; // more epochs a frame while smooth enough
    else if (took > 100) chunk = Math.max(EVERY, Math.round(chunk / 2 / EVERY) * EVERY);
    if (more) requestAnimationFrame(frame);
    else if (running) finish();
  });
}

function finish() {
  stop(); render(call("view")); // the map in full
  const note = view.train.note ? ` ${view.train.note}` : "";
  text("said", `Trained: ${$("progress").textContent}.${note} ${view.train.predictions.join("; ")}.`);
  requestAnimationFrame(() => { document.body.dataset.trained = `${view.train.epoch} ${Math.round(now() - began)}`; });
}

function link(a, name, t) {
  a.href = URL.createObjectURL(new Blob([t]));
  a.download = name;
}

function wire() {
  all("[data-key]").forEach(wireField);
  $("train").onclick = train;
  $("step").onclick = () => { stop(); if (ready()) advance(1, false); text("said", $("progress").textContent); };
  $("reset").onclick = () => { stop(); pass(...errors.keys()); shownCsv = null; render(call("reset")); };
  $("clear").onclick = () => { runs = view.train.epoch !== null && !view.train.done ? runs.slice(-1) : []; drawRuns(); drawCurve(); };
  $("download").onclick = () => link($("download"), "weights.json", pg.weights_file());
  $("people-file").onclick = () => link($("people-file"), "people.csv", view.people.csv + "\n");
  $("use").onclick = () => edit("csv", [$("csv").value], "csv-error");
  $("map").onclick = (e) => { // a person there, to 3 figures
    const r = $("map").getBoundingClientRect(), m = view.map, fx = (e.clientX - r.left - MAP.L) / MAP.w;
    const fy = (e.clientY - r.top - MAP.T) / MAP.h, at = (f, [lo, hi]) => String(+(lo + f * (hi - lo)).toPrecision(3));
    if (fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1) edit("click", [at(fx, m.a), at(1 - fy, m.b), $("answer").value], "pp-error");
  };
  window.addEventListener("resize", () => { if (view) drawCharts(); });
}

// --- start: the interpreter, the files, then the address's state
async function load() {
  const inside = $("files"), files = inside && JSON.parse(inside.textContent), names = [];
  const read = async (name) => {
    if (inside) return files[name];
    const response = await fetch(`../${name}`);
    if (!response.ok) throw new Error(`cannot load ${name} (HTTP ${response.status})`);
    return response.text();
  };
  const texts = read("files.json").then((t) => {
    names.push(...JSON.parse(t).modules, "web/playground.py");
    return Promise.all(names.map(read));
  });
  let loadMicroPython = globalThis.loadMicroPython, url;
  if (inside) { // the wasm, gzipped inside: loadMicroPython's one fetch is answered from it
    const bytes = Uint8Array.from(atob($("wasm").textContent.trim()), (c) => c.charCodeAt(0)), fetched = fetch;
    url = "embedded/micropython.wasm";
    globalThis.fetch = (what, init) => String(what) !== url ? fetched(what, init) : Promise.resolve(new Response(
      new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")), { headers: { "Content-Type": "application/wasm" } }));
  } else {
    ({ loadMicroPython } = await import("./micropython/micropython.mjs"));
  }
  const mp = await loadMicroPython({ url, heapsize: 16 * 1024 * 1024 });
  (await texts).forEach((t, i) => {
    const name = names[i].replace(/^web\//, "");
    if (name.includes("/")) mp.FS.mkdirTree(`/${name.slice(0, name.lastIndexOf("/"))}`);
    mp.FS.writeFile(`/${name}`, t);
  });
  mp.runPython("import playground");
  return mp.pyimport("playground");
}

function readAddress() { // {key: words}: people split at ";", others at ","
  const query = {}, bad = [];
  for (const part of location.search.slice(1).split("&").filter(Boolean)) {
    const [key, raw = ""] = part.split(/=(.*)/s);
    try { query[key] = key === "people" ? raw.split(";").map(decodeURIComponent) : decodeURIComponent(raw).split(","); }
    catch (e) { bad.push([key, `${raw} is not a valid address value`]); }
  }
  return [query, bad];
}

async function main() {
  pg = await load();
  const [query, bad] = readAddress(), first = call("start", JSON.stringify(query));
  buildDiagram();
  layoutDiagram();
  wire();
  render(first);
  performance.mark("first-calc");
  for (const [k, m] of [...bad, ...first.errors]) fail(k, `In the address, ${k}: ${m} (the last good value stays)`, "address-error");
  $("address-error").hidden = false;
  text("status", "Ready: every number below is worked out by the project's Python, running in this page.");
  document.body.dataset.ready = "1";
  if (query.train && query.train[0] !== "0" && !bad.length && !first.errors.length) train(true);
}

main().catch((error) => {
  text("status", `The page could not start (${error.message}). Ask your teacher for the one-file page,`
    + " playground.html (made with python3 -m tools --page).");
  $("status").className = "error";
});
