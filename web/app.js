// The playground: MicroPython (WebAssembly) runs the modules files.json lists and playground.py;
// this file passes the fields' text to Python and draws what comes back. Served, it fetches the
// files; in the one file (python3 -m tools --page) they are inside, and nothing is fetched.
const EVERY = 10, TICK = 100; // a loss every 10 epochs; a paced run draws every 100 ms
const $ = (id) => document.getElementById(id), text = (id, t) => { $(id).textContent = t; };
let pg, view, running = false, timer = 0, chunk = EVERY, curve = [], shownCsv = null, began = 0;
const dirty = new Set(), waiting = new Map(); // keys showing an error; changes typed, not yet applied
const call = (name, ...args) => JSON.parse(pg[name](...args));

function set(e, attrs) { for (const k in attrs) e.setAttribute(k, attrs[k]); return e; }
const el = (tag, attrs, parent) => parent.appendChild(set(document.createElementNS("http://www.w3.org/2000/svg", tag), attrs));
function setValue(input, text) { if (document.activeElement !== input) input.value = text; }
function command(code, text) { // a command, a line breaking between its words only
  code.replaceChildren(...text.split(" ").flatMap((word, i) => {
    const span = document.createElement("span");
    span.className = "w"; span.textContent = word;
    return i ? [" ", span] : [span];
  }));
}

// --- the network, an input on each edge and neuron
const NODES = ["x1", "x2", "h1", "h2", "o1"], NAMES = ["w1", "w2", "b1", "w3", "w4", "b2", "w5", "w6", "b3"];
// A weight: [from, to, where along the edge]; a bias: [neuron, above (-1) or below (1)].
const EDGES = { 0: ["x1", "h1", 0.5], 1: ["x2", "h1", 0.3], 3: ["x1", "h2", 0.3], 4: ["x2", "h2", 0.5],
  6: ["h1", "o1", 0.3], 7: ["h2", "o1", 0.3] }, BIASES = { 2: ["h1", 1], 5: ["h2", -1], 8: ["o1", -1] };
const R = 22, H = 290, diagram = { lines: {}, circles: {}, texts: {}, pins: [] };

function buildDiagram() {
  const svg = $("svg");
  for (const i in EDGES) diagram.lines[i] = el("line", {}, svg);
  for (const n of NODES) {
    diagram.circles[n] = [el("circle", { r: R, class: "node" }, svg), el("text", { class: "name" }, svg)];
    diagram.circles[n][1].textContent = n;
    diagram.texts[n] = [el("text", { class: "value" }, svg), el("text", { class: "value" }, svg)];
  }
  NAMES.forEach((name, i) => {
    const label = $("diagram").appendChild(document.createElement("label"));
    label.className = "pin";
    label.innerHTML = `<span>${name}</span><input id="p${i}" data-key="${name}">`;
    diagram.pins.push(label);
  });
  new ResizeObserver(layoutDiagram).observe($("diagram"));
}

function layoutDiagram() {
  const W = $("diagram").clientWidth;
  if (!W) return;
  set($("svg"), { viewBox: `0 0 ${W} ${H}`, height: H });
  const left = Math.max(0.09 * W, R + 6), at = { x1: [left, 70], x2: [left, 220], h1: [0.5 * W, 70],
    h2: [0.5 * W, 220], o1: [Math.min(0.86 * W, W - 40), 145] };
  for (const i in EDGES) {
    const [a, b] = EDGES[i];
    set(diagram.lines[i], { x1: at[a][0], y1: at[a][1], x2: at[b][0], y2: at[b][1] });
  }
  for (const n of NODES) {
    const [x, y] = at[n], below = n !== "x1" && n !== "h1";
    set(diagram.circles[n][0], { cx: x, cy: y });
    set(diagram.circles[n][1], { x, y: y + 5 });
    diagram.texts[n].forEach((t, k) => { // o1's below it, ending at the right edge
      set(t, { x: n === "o1" ? Math.min(x + R + 36, W - 4) : x, y: below ? y + R + 16 + 15 * k : y - R - 22 + 15 * k,
        "text-anchor": n === "o1" ? "end" : "middle" });
    });
  }
  diagram.pins.forEach((pin, i) => {
    const [a, b, t] = EDGES[i] || [], [n, side] = BIASES[i] || [];
    pin.style.left = `${EDGES[i] ? at[a][0] + t * (at[b][0] - at[a][0]) : at[n][0]}px`;
    pin.style.top = `${EDGES[i] ? at[a][1] + t * (at[b][1] - at[a][1]) : at[n][1] + side * (R + 22)}px`;
  });
}

function drawDiagram(v) {
  NAMES.forEach((name, i) => {
    if (!dirty.has(name)) setValue($(`p${i}`), v.params[i]);
    const line = diagram.lines[i], w = Number(v.params[i]);
    if (line) set(line, { stroke: w < 0 ? "var(--neg)" : "var(--accent)", "stroke-dasharray": w < 0 ? "7 4" : "none",
      "stroke-width": (1 + Math.min(Math.abs(w), 8) * 1.1).toFixed(1) }); // a weight's sign by colour and dash, size by width
  });
  const [h1, h2, o1] = v.neurons, values = {
    x1: [`x1 = ${v.x[0]}`, `(${v.names[0]} ${v.body[0]})`], x2: [`x2 = ${v.x[1]}`, `(${v.names[1]} ${v.body[1]})`],
    h1: [`h1 = ${h1[0]}`, `= ${h1[1]}`], h2: [`h2 = ${h2[0]}`, `= ${h2[1]}`], o1: [`o1 = ${o1[0]}`, `= ${o1[1]}`] };
  for (const n of NODES) diagram.texts[n].forEach((t, k) => { t.textContent = values[n][k]; });
}

// --- the loss curve (SVG, log scale) and the map of the output (canvas)
function drawCurve() {
  const svg = $("curve"), W = svg.clientWidth, Hc = 190, L = 44, B = 22, T = 8;
  if (!W) return;
  set(svg, { viewBox: `0 0 ${W} ${Hc}` }).textContent = "";
  el("path", { d: `M${L} ${T}V${Hc - B}H${W - 8}`, class: "axis" }, svg);
  const label = (text, x, y, anchor) => { el("text", { x, y, "text-anchor": anchor }, svg).textContent = text; };
  label("epoch", (L + W) / 2, Hc - 4, "middle");
  if (!curve.length) return;
  const logs = curve.map(([, loss]) => Math.log10(Math.max(loss, 1e-12)));
  const hi = Math.ceil(Math.max(...logs)), lo = Math.min(Math.floor(Math.min(...logs)), hi - 1);
  const end = Math.max(Number(view.train.epochs) || 1, curve[curve.length - 1][0]);
  const sx = (W - 8 - L) / end, y = (v) => Hc - B - (v - lo) * (Hc - B - T) / (hi - lo);
  for (let p = lo; p <= hi; p++) {
    el("path", { d: `M${L} ${y(p)}H${W - 8}`, class: "grid" }, svg);
    label(p < 0 ? (10 ** p).toFixed(-p) : String(10 ** p), L - 4, y(p) + 4, "end");
  }
  label("0", L, Hc - 4, "middle"); label(String(end), W - 8, Hc - 4, "end");
  const points = curve.map(([e], i) => `${(L + e * sx).toFixed(1)},${y(logs[i]).toFixed(1)}`);
  el("polyline", { points: points.join(" "), class: "loss" }, svg);
}

function shade(v) {
  if (v === null) return [200, 200, 200];
  const [c, t] = v >= 0.5 ? [[70, 120, 225], (v - 0.5) * 2] : [[240, 150, 50], (0.5 - v) * 2];
  return c.map((x) => Math.round(255 + (x - 255) * t));
}

const MAP = { L: 44, B: 36, T: 6, R: 10 };
function drawMap() {
  const m = view.map, canvas = $("map"), W = canvas.clientWidth, dpr = window.devicePixelRatio || 1;
  if (!W) return;
  const Hm = Math.round(W * 0.62), { L, B, T } = MAP, w = W - L - MAP.R, h = Hm - B - T;
  canvas.width = W * dpr; canvas.height = Hm * dpr; canvas.style.height = `${Hm}px`;
  const g = canvas.getContext("2d"), cw = w / m.cols, ch = h / m.rows, up = (i) => m.values[i] >= 0.5;
  g.scale(dpr, dpr);
  m.values.forEach((v, i) => { g.fillStyle = `rgb(${shade(v)})`; g.fillRect(L + i % m.cols * cw, T + Math.floor(i / m.cols) * ch, cw + 1, ch + 1); });
  const px = (a) => L + (a - m.a[0]) / (m.a[1] - m.a[0]) * w, py = (b) => T + (m.b[1] - b) / (m.b[1] - m.b[0]) * h;
  g.fillStyle = "#222"; // the 0.5 line, dotted: where the output crosses 0.5 between two cells
  m.values.forEach((v, i) => {
    const x = L + (i % m.cols + 1) * cw, y = T + (Math.floor(i / m.cols) + 1) * ch;
    if ((i + 1) % m.cols && up(i) !== up(i + 1)) g.fillRect(x - 1, y - ch / 2 - 1, 2, 2);
    if (i + m.cols < m.values.length && up(i) !== up(i + m.cols)) g.fillRect(x - cw / 2 - 1, y - 1, 2, 2);
  });
  g.font = "12px system-ui, sans-serif"; g.textAlign = "center";
  for (const [a, text] of m.a_ticks) { g.fillText(text, px(a), Hm - B + 15); g.fillRect(px(a), Hm - B, 1, 4); }
  g.fillText(view.names[0], L + w / 2, Hm - 4);
  g.textAlign = "right";
  for (const [b, text] of m.b_ticks) { g.fillText(text, L - 5, py(b) + 4); g.fillRect(L - 3, py(b), 3, 1); }
  g.save(); g.translate(11, T + h / 2); g.rotate(-Math.PI / 2); g.textAlign = "center";
  g.fillText(view.names[1], 0, 0); g.restore();
  g.font = "15px system-ui, sans-serif"; g.lineWidth = 3; g.strokeStyle = "#fff";
  for (const p of view.people.rows) { // ● answer 1, ■ answer 0, ◆ to predict, and the name
    const x = px(Number(p.a)), y = py(Number(p.b)), text = `${p.y === "" ? "◆" : p.y === "1" ? "●" : "■"} ${p.name}`;
    g.textAlign = "left";
    g.strokeText(text, x - 6, y + 5); g.fillText(text, x - 6, y + 5);
  }
}

// --- the people's table: rebuilt when they change
function drawPeople(p) {
  if (p.csv !== shownCsv) {
    shownCsv = p.csv;
    setValue($("csv"), p.csv);
    const cell = (text) => `<td><input value="${text.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"></td>`;
    $("rows").innerHTML = [...p.rows, { name: "", a: "", b: "", y: "" }].map((r, i) => `<tr>${[r.name, r.a, r.b, r.y]
      .map(cell).join("")}<td></td><td></td><td><button>${i < p.rows.length ? "remove" : "add"}</button></td></tr>`).join("");
    [...$("rows").children].forEach((tr, i) => {
      const fields = [...tr.querySelectorAll("input")], row = () => [String(i + 1), ...fields.map((f) => f.value)];
      if (i < p.rows.length) fields.forEach((f) => f.addEventListener("change", () => edit("row", row(), $("pp-error"))));
      tr.querySelector("button").onclick = () => edit("row", i < p.rows.length ? [String(i + 1)] : row(), $("pp-error"));
    });
  }
  p.rows.forEach((r, i) => { const c = $("rows").children[i].children; c[4].textContent = r.out; c[5].textContent = r.guess; });
}

function render(v) {
  view = v;
  const b = v.backprop, t = v.train;
  ["a-name", "b-name", "y-name"].forEach((c, i) => document.querySelectorAll(`.${c}`).forEach((e) => { e.textContent = v.names[i]; }));
  drawDiagram(v);
  text("s1", v.shift[0]); text("s2", v.shift[1]);
  if (!dirty.has("x") && !dirty.has("body")) ["a", "b", "x1", "x2"].forEach((id, i) => setValue($(id), [...v.body, ...v.x][i]));
  if (!dirty.has("shift")) ["sh1", "sh2"].forEach((id, i) => setValue($(id), v.mean ? "" : v.shift[i]));
  command($("calc-cmd"), v.calc.command);
  text("calc", v.calc.lines.join("\n"));
  $("download").hidden = !v.calc.command.includes("--load");
  command($("bp-cmd"), b.command);
  text("bp", b.lines ? b.lines.join("\n") : "");
  drawPeople(v.people);
  if (!dirty.has("backprop")) {
    text("bp-error", b.error ? `⚠ ${b.error}` : "");
    ["bx1", "bx2", "by"].forEach((id, i) => setValue($(id), b.sample[i]));
  }
  for (const id of ["epochs", "rate", "seed"]) if (!dirty.has(id)) setValue($(id), t[id]);
  if (t.epoch === null || t.fresh) curve = [];
  if (t.epoch !== null) curve.push(...t.points);
  text("progress", t.epoch === null ? `Not trained: the loss on the people is ${t.loss}. Train starts`
    + " from the seed's random weights." : `Epoch ${t.epoch} of ${t.epochs}: loss ${t.loss}`);
  $("tr-cmd").replaceChildren(document.createElement("code"), t.epoch === null ? " trains; the network as it is now predicts:"
    : !t.exact ? " no longer gives this network (changed during training); it predicts:" : t.done ? " prints:" : " prints, so far:");
  command($("tr-cmd").firstChild, t.command);
  text("tr", t.lines.join("\n"));
  $("tr").scrollTop = $("tr").scrollHeight;
  drawCurve();
  drawMap();
  const encode = (text) => encodeURIComponent(text).replace(/%2C/g, ",");
  const query = v.address.map(([k, value]) => `${k}=${k === "people" ? value.map(encode).join(";") : encode(value)}`);
  try { history.replaceState(null, "", query.length ? `?${query.join("&")}` : location.pathname); } catch (e) { /* sandboxed */ }
}

// A field's text to playground.py: the new view, or the message (the state kept).
function edit(key, texts, error) {
  waiting.delete(key);
  document.body.dataset.pending = waiting.size ? "1" : "";
  const answer = call("change", key, JSON.stringify(texts)), fields = document.querySelectorAll(`[data-key="${key}"]`);
  fields.forEach((e) => e.removeAttribute("aria-invalid"));
  error.textContent = answer.error ? `⚠ ${key}: ${answer.error}` : "";
  if (answer.error) {
    dirty.add(key);
    fields.forEach((e) => { if (e === document.activeElement || fields.length === 1) e.setAttribute("aria-invalid", "true"); });
    return false;
  }
  dirty.delete(key);
  render(answer);
  return true;
}

// A field applies its text after a pause in typing, or at once on Enter or leaving it.
const errorOf = (field) => field.closest("fieldset")?.querySelector(".error") || $("p-error");
function flush(key) {
  if (!waiting.has(key)) return true;
  clearTimeout(waiting.get(key));
  const fields = [...document.querySelectorAll(`[data-key="${key}"]`)];
  return edit(key, fields.map((f) => f.value), errorOf(fields[0]));
}
function wireField(input) {
  const key = input.dataset.key;
  input.addEventListener("input", () => {
    clearTimeout(waiting.get(key));
    waiting.set(key, setTimeout(() => flush(key), 600));
    document.body.dataset.pending = "1";
  });
  input.addEventListener("change", () => flush(key));
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && flush(key) && input.closest("#training") && !running) train();
  });
}

// --- training: at the chosen pace, or at full speed
function stop() { running = false; clearTimeout(timer); text("train", "Train"); }
function advance(epochs, coarse) { // null: a new run
  const answer = epochs === null ? call("restart") : call("train", epochs, coarse);
  if (answer.error) { stop(); text("tr-error", `⚠ ${answer.error}`); return false; }
  render(answer);
  return !answer.train.done || epochs === null;
}
function ready() { // a run to go on with, or a new one
  text("tr-error", "");
  if (view.train.epoch !== null && !view.train.done) return true;
  return advance(null);
}

function train(full) {
  if (running) { stop(); return; }
  if (!ready()) return;
  running = true;
  text("train", "Pause");
  const speed = full === true ? 0 : Number($("speed").value);
  began = performance.now();
  chunk = EVERY;
  if (speed) timer = setTimeout(function tick() {
    const start = performance.now();
    if (advance(speed * TICK / 1000, true)) timer = setTimeout(tick, Math.max(0, TICK - (performance.now() - start)));
    else if (running) finish();
  }, 0);
  else requestAnimationFrame(function frame() {
    if (!running) return;
    const start = performance.now(), more = advance(chunk, true), took = performance.now() - start;
    if (took < 30) chunk *= 2; // more epochs a frame while smooth
    else if (took > 60) chunk = Math.max(EVERY, Math.round(chunk / 2 / EVERY) * EVERY);
    if (more) requestAnimationFrame(frame);
    else if (running) finish();
  });
}

function finish() {
  stop(); render(call("view")); // the map in full
  requestAnimationFrame(() => { document.body.dataset.trained = `${view.train.epoch} ${Math.round(performance.now() - began)}`; });
}

function link(a, name, text) {
  a.href = URL.createObjectURL(new Blob([text]));
  a.download = name;
}

function tab(name) { // on a phone, one part of the page at a time
  document.querySelectorAll("#tabs button").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.panel === name)));
  document.querySelectorAll(".panel").forEach((p) => p.classList.toggle("current", p.id === name));
  if (view) { drawCurve(); drawMap(); }
}

function wire() {
  document.querySelectorAll("input").forEach((i) => { i.autocomplete = "off"; });
  document.querySelectorAll("[data-key]").forEach(wireField);
  $("train").onclick = train;
  $("step").onclick = () => { stop(); if (ready()) advance(1, false); };
  $("reset").onclick = () => { stop(); text("tr-error", ""); render(call("reset")); };
  $("download").onclick = () => link($("download"), "weights.json", pg.weights_file());
  $("people-file").onclick = () => link($("people-file"), "people.csv", view.people.csv + "\n");
  $("use").onclick = () => edit("csv", [$("csv").value], $("pp-error"));
  $("map").onclick = (e) => { // a person there, to 3 figures
    const r = $("map").getBoundingClientRect(), m = view.map, fx = (e.clientX - r.left - MAP.L) / (r.width - MAP.L - MAP.R);
    const fy = (e.clientY - r.top - MAP.T) / (r.height - MAP.B - MAP.T), at = (f, [lo, hi]) => String(+(lo + f * (hi - lo)).toPrecision(3));
    if (fx >= 0 && fx <= 1 && fy >= 0 && fy <= 1) edit("click", [at(fx, m.a), at(1 - fy, m.b), $("answer").value], $("pp-error"));
  };
  document.querySelectorAll("#tabs button").forEach((b) => { b.onclick = () => tab(b.dataset.panel); });
  window.addEventListener("resize", () => { if (view) { drawCurve(); drawMap(); } });
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
  const texts = read("files.json").then((text) => {
    names.push(...JSON.parse(text).modules, "web/playground.py");
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
  (await texts).forEach((text, i) => {
    const name = names[i].replace(/^web\//, "");
    if (name.includes("/")) mp.FS.mkdirTree(`/${name.slice(0, name.lastIndexOf("/"))}`);
    mp.FS.writeFile(`/${name}`, text);
  });
  mp.runPython("import playground");
  return mp.pyimport("playground");
}

function readAddress() { // {key: words}: people split at ";", others at ","
  const query = {}, errors = [];
  for (const part of location.search.slice(1).split("&").filter(Boolean)) {
    const [key, raw = ""] = part.split(/=(.*)/s);
    try { query[key] = key === "people" ? raw.split(";").map(decodeURIComponent) : decodeURIComponent(raw).split(","); }
    catch (e) { errors.push([key, `${raw} is not a valid address value`]); }
  }
  return [query, errors];
}

function showAddressErrors(errors) {
  $("address-error").hidden = !errors.length;
  text("address-error", "In the address: " + errors.map(([k, m]) => `${k}: ${m}`).join("; ")
    + " (the last good values stay)");
}

async function main() {
  pg = await load();
  const [query, errors] = readAddress(), first = call("start", JSON.stringify(query));
  buildDiagram();
  layoutDiagram();
  wire();
  render(first);
  performance.mark("first-calc");
  errors.push(...first.errors);
  showAddressErrors(errors);
  text("status", "Ready: every number below comes from the project's Python, running in this page.");
  document.body.dataset.ready = "1";
  if (query.train && query.train[0] !== "0") tab("training");
  if (query.train && query.train[0] !== "0" && !errors.length) train(true);
}

main().catch((error) => {
  text("status", `The page could not start (${error.message}): serve the folder (python3 network.py web)`
    + " or make the one-file page (python3 -m tools --page).");
  $("status").className = "error";
});
