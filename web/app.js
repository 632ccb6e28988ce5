// The playground page. It loads MicroPython (WebAssembly), the project's own
// modules from the repository root and playground.py, then draws what
// playground.py returns. No number is worked out here: this file only reads
// the fields, passes their text to Python, and draws.
import { loadMicroPython } from "./micropython/micropython.mjs";

// The project's modules, fetched from the repository root (the page is at /web/).
const MODULES = ["neuron.py", "network.py", "learner.py",
  "support/__init__.py", "support/checks.py", "support/files.py"];
const EVERY = 10; // a loss on the curve every 10 epochs, as train reports it
const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";
let pg; // playground.py
let view; // the last view it returned
let running = false, chunk = 10, target = 10, curve = [];
const dirty = new Set(); // field groups that show an error: their text stays as typed

function call(name, ...args) {
  return JSON.parse(pg[name](...args));
}

function el(tag, attrs, parent) {
  const e = document.createElementNS(SVG, tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  if (parent) parent.appendChild(e);
  return e;
}

function setValue(input, text) {
  if (document.activeElement !== input) input.value = text;
}

// --- the network diagram: SVG lines, circles and text, with an input on each edge and neuron
const NODES = ["x1", "x2", "h1", "h2", "o1"];
const NAMES = ["w1", "w2", "b1", "w3", "w4", "b2", "w5", "w6", "b3"];
// Each weight: [from, to, where along the edge]; each bias: [neuron, above (-1) or below (1)].
const EDGES = { 0: ["x1", "h1", 0.5], 1: ["x2", "h1", 0.3], 3: ["x1", "h2", 0.3],
  4: ["x2", "h2", 0.5], 6: ["h1", "o1", 0.3], 7: ["h2", "o1", 0.3] };
const BIASES = { 2: ["h1", 1], 5: ["h2", -1], 8: ["o1", -1] };
const R = 22;
let diagram;

function buildDiagram() {
  const svg = $("svg"), box = $("diagram");
  diagram = { lines: {}, circles: {}, names: {}, texts: {}, pins: [] };
  for (const i in EDGES) diagram.lines[i] = el("line", { class: "edge" }, svg);
  for (const n of NODES) {
    diagram.circles[n] = el("circle", { r: R, class: n[0] === "x" ? "node input" : "node" }, svg);
    diagram.names[n] = el("text", { class: "name" }, svg);
    diagram.names[n].textContent = n;
    diagram.texts[n] = [el("text", { class: "value" }, svg), el("text", { class: "value" }, svg)];
  }
  NAMES.forEach((name, i) => {
    const label = document.createElement("label");
    label.className = "pin";
    label.innerHTML = `<span>${name}</span><input inputmode="decimal" autocomplete="off" id="p${i}" data-group="p">`;
    box.appendChild(label);
    const input = label.lastChild;
    input.addEventListener("input", () => edit("p", "p-error", name, [input.value], name));
    diagram.pins.push(label);
  });
  new ResizeObserver(layoutDiagram).observe(box);
}

function layoutDiagram() {
  const box = $("diagram"), W = box.clientWidth, H = 310;
  $("svg").setAttribute("viewBox", `0 0 ${W} ${H}`);
  $("svg").setAttribute("height", H);
  const at = { x1: [0.09 * W, 80], x2: [0.09 * W, 230], h1: [0.5 * W, 80], h2: [0.5 * W, 230], o1: [0.88 * W, 155] };
  at.x1[0] = at.x2[0] = Math.max(at.x1[0], R + 6);
  at.o1[0] = Math.min(at.o1[0], W - 40);
  for (const i in EDGES) {
    const [a, b] = EDGES[i], line = diagram.lines[i];
    line.setAttribute("x1", at[a][0]); line.setAttribute("y1", at[a][1]);
    line.setAttribute("x2", at[b][0]); line.setAttribute("y2", at[b][1]);
  }
  for (const n of NODES) {
    const [x, y] = at[n], below = n !== "x1" && n !== "h1";
    diagram.circles[n].setAttribute("cx", x); diagram.circles[n].setAttribute("cy", y);
    diagram.names[n].setAttribute("x", x); diagram.names[n].setAttribute("y", y + 5);
    diagram.texts[n].forEach((t, k) => {
      // o1's lines end at the right edge, below it (its bias is above)
      t.setAttribute("x", n === "o1" ? Math.min(x + R + 40, W - 4) : x);
      t.style.textAnchor = n === "o1" ? "end" : "middle";
      t.setAttribute("y", below ? y + R + 18 + 16 * k : y - R - 24 + 16 * k);
    });
  }
  diagram.pins.forEach((pin, i) => {
    let x, y;
    if (EDGES[i]) {
      const [a, b, t] = EDGES[i];
      x = at[a][0] + t * (at[b][0] - at[a][0]);
      y = at[a][1] + t * (at[b][1] - at[a][1]);
    } else {
      const [n, side] = BIASES[i];
      x = at[n][0];
      y = at[n][1] + side * (R + 24);
    }
    pin.style.left = `${x}px`;
    pin.style.top = `${y}px`;
  });
}

function drawDiagram(d) {
  if (!dirty.has("p")) NAMES.forEach((_, i) => setValue($(`p${i}`), d.params[i]));
  const [h1, h2, o1] = d.neurons;
  const values = {
    x1: [`x1 = ${d.x[0]}`, `(${d.body[0]} lb)`], x2: [`x2 = ${d.x[1]}`, `(${d.body[1]} in)`],
    h1: [`sum = ${h1[0]}`, `h1 = f(sum) = ${h1[1]}`], h2: [`sum = ${h2[0]}`, `h2 = f(sum) = ${h2[1]}`],
    o1: [`sum = ${o1[0]}`, `o1 = ${o1[1]}`],
  };
  for (const n of NODES) diagram.texts[n].forEach((t, k) => { t.textContent = values[n][k]; });
}

// --- the loss curve (SVG) and the decision map (canvas)
function drawCurve(t) {
  const svg = $("curve"), W = svg.clientWidth || 300, H = 170, L = 48, B = 24;
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.textContent = "";
  el("path", { d: `M${L} 8V${H - B}H${W - 8}`, class: "axis" }, svg);
  if (t.epoch === null) return;
  const [top, bottom, first, last] = t.labels;
  const label = (text, x, y, anchor) => { el("text", { x, y, "text-anchor": anchor }, svg).textContent = text; };
  label(top, L - 4, 16, "end"); label(bottom, L - 4, H - B, "end");
  label(first, L, H - 6, "middle"); label(last, W - 8, H - 6, "end");
  label("epoch", (L + W) / 2, H - 6, "middle");
  const sx = (W - 8 - L) / Math.max(t.end, 1), sy = (H - B - 8) / (t.top || 1);
  const points = curve.map(([e, loss]) => `${(L + e * sx).toFixed(1)},${(H - B - loss * sy).toFixed(1)}`);
  el("polyline", { points: points.join(" "), class: "loss" }, svg);
}

function shade(v) {
  if (v === null) return [200, 200, 200];
  const [c, t] = v >= 0.5 ? [[70, 120, 225], (v - 0.5) * 2] : [[240, 150, 50], (0.5 - v) * 2];
  return c.map((x) => Math.round(255 + (x - 255) * t));
}

function drawMap(m) {
  const canvas = $("map"), W = canvas.clientWidth, H = Math.round(W * 0.6), dpr = window.devicePixelRatio || 1;
  canvas.width = W * dpr; canvas.height = H * dpr; canvas.style.height = `${H}px`;
  const g = canvas.getContext("2d"), L = 38, B = 34, w = W - L - 14, h = H - B - 6;
  g.scale(dpr, dpr);
  const cells = new ImageData(m.cols, m.rows);
  m.values.forEach((v, i) => { cells.data.set([...shade(v), 255], i * 4); });
  const small = document.createElement("canvas");
  small.width = m.cols; small.height = m.rows;
  small.getContext("2d").putImageData(cells, 0, 0);
  g.imageSmoothingEnabled = true;
  g.drawImage(small, L, 6, w, h);
  const px = (x1) => L + (x1 - m.x1[0]) / (m.x1[1] - m.x1[0]) * w;
  const py = (x2) => 6 + (m.x2[1] - x2) / (m.x2[1] - m.x2[0]) * h;
  // The 0.5 line: marching squares between the cells' centres.
  g.strokeStyle = "#222"; g.lineWidth = 1.5; g.setLineDash([5, 4]); g.beginPath();
  const cw = w / m.cols, ch = h / m.rows, at = (i, j) => m.values[j * m.cols + i];
  for (let j = 0; j + 1 < m.rows; j++) {
    for (let i = 0; i + 1 < m.cols; i++) {
      const c = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]], cut = [];
      for (let k = 0; k < 4; k++) {
        const [a, b] = [c[k], c[(k + 1) % 4]], va = at(...a), vb = at(...b);
        if (va === null || vb === null || (va >= 0.5) === (vb >= 0.5)) continue;
        const t = (0.5 - va) / (vb - va);
        cut.push([L + (a[0] + 0.5 + t * (b[0] - a[0])) * cw, 6 + (a[1] + 0.5 + t * (b[1] - a[1])) * ch]);
      }
      for (let k = 0; k + 1 < cut.length; k += 2) { g.moveTo(...cut[k]); g.lineTo(...cut[k + 1]); }
    }
  }
  g.stroke(); g.setLineDash([]);
  g.fillStyle = "#222"; g.font = "12px system-ui, sans-serif"; g.textAlign = "center";
  for (const [x1, text] of m.lb) { g.fillText(text, px(x1), H - B + 16); g.fillRect(px(x1), H - B, 1, 4); }
  g.fillText("weight (lb)", L + w / 2, H - 3);
  g.textAlign = "right";
  for (const [x2, text] of m.in) { g.fillText(text, L - 5, py(x2) + 4); g.fillRect(L - 3, py(x2), 3, 1); }
  g.save(); g.translate(11, 6 + h / 2); g.rotate(-Math.PI / 2); g.textAlign = "center";
  g.fillText("height (in)", 0, 0); g.restore();
  g.textAlign = "left"; g.lineWidth = 2;
  for (const p of m.people) {
    const x = px(p.x[0]), y = py(p.x[1]);
    g.beginPath();
    if (p.y === null) { g.moveTo(x, y - 8); g.lineTo(x + 8, y); g.lineTo(x, y + 8); g.lineTo(x - 8, y); g.closePath(); }
    else if (p.y >= 0.5) g.arc(x, y, 6.5, 0, 2 * Math.PI);
    else g.rect(x - 6, y - 6, 12, 12);
    g.fillStyle = p.y === null ? "#fff" : p.y >= 0.5 ? "#1d4fb8" : "#b35300";
    g.strokeStyle = p.y === null ? "#000" : "#fff";
    g.fill(); g.stroke();
    g.fillStyle = "#000"; g.strokeStyle = "rgba(255,255,255,0.85)"; g.lineWidth = 3;
    g.strokeText(p.name, x + 10, y + 4); g.fillText(p.name, x + 10, y + 4); g.lineWidth = 2;
  }
}

// --- everything else: text and tables
function render(v) {
  view = v;
  const d = v.diagram;
  drawDiagram(d);
  $("s1").textContent = d.shift[0]; $("s2").textContent = d.shift[1];
  if (!dirty.has("x")) {
    setValue($("lb"), d.body[0]); setValue($("in"), d.body[1]);
    setValue($("x1"), d.x[0]); setValue($("x2"), d.x[1]);
  }
  $("shifted").textContent = d.shifted;
  $("calc-cmd").textContent = v.calc.command;
  $("calc").textContent = v.calc.lines.join("\n");
  $("download").hidden = !v.calc.command.includes("--load");
  const b = v.backprop;
  $("bp-cmd").textContent = b.command;
  $("bp").textContent = b.lines ? b.lines.join("\n") : "";
  if (!dirty.has("bp")) {
    $("bp-error").textContent = b.error ? `⚠ ${b.error}` : "";
    ["bx1", "bx2", "by"].forEach((id, i) => setValue($(id), b.sample[i]));
    const match = v.people.findIndex((p) => p.slice(1).join() === b.sample.join());
    $("person").value = String(match);
  }
  const t = v.train;
  if (!dirty.has("tr")) {
    setValue($("epochs"), String(t.epochs)); setValue($("rate"), t.rate); setValue($("seed"), String(t.seed));
  }
  if (t.epoch !== null) {
    if (t.fresh) curve = [];
    curve.push(...t.points);
    $("progress").textContent = `Epoch ${t.epoch} of ${t.epochs}: loss ${t.loss}`;
    $("tr-cmd").innerHTML = t.command ? "<code></code> ends with:" : "For the network as it is now (changed during training):";
    if (t.command) $("tr-cmd").firstChild.textContent = t.command;
  } else {
    curve = [];
    $("tr-cmd").textContent = "For the network as it is now (not trained):";
  }
  $("tr").textContent = t.lines.join("\n");
  drawCurve(t);
  drawMap(v.map);
  $("people").innerHTML = v.map.people.map((p) => `<tr><th scope="row">${p.name}</th><td>${p.lb}</td><td>${p.in}</td>`
    + `<td class="wide">${p.shown}</td><td>${p.y === null ? "?" : p.y}</td><td>${p.out}</td><td>${p.guess}</td></tr>`).join("");
  const keys = ["x", "weights", "backprop", "train", "epochs", "rate", "seed"].filter((k) => k in v.address);
  const query = keys.map((k) => `${k}=${encodeURIComponent(v.address[k]).replace(/%2C/g, ",")}`).join("&");
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

// A field changed: its text goes to playground.py; an error shows next to it and the state stays.
function edit(group, errorId, key, texts, label) {
  const answer = call("change", key, JSON.stringify(texts)), input = document.activeElement;
  document.querySelectorAll(`[data-group="${group}"]`).forEach((e) => e.removeAttribute("aria-invalid"));
  if (answer.error) {
    dirty.add(group);
    $(errorId).textContent = `⚠ ${label ? label + ": " : ""}${answer.error}`;
    if (input && input.dataset.group === group) input.setAttribute("aria-invalid", "true");
    return;
  }
  dirty.delete(group);
  $(errorId).textContent = "";
  render(answer);
}

// --- training: a few epochs a frame, drawn after each
function buttons() {
  $("train").textContent = running ? "Pause" : "Train";
}

function train() {
  if (running) { running = false; buttons(); return; }
  const t = view.train;
  if (t.epoch === null || t.epoch >= t.epochs) render(call("restart"));
  running = true;
  target = Math.max(EVERY, Math.ceil(view.train.epochs / 25 / EVERY) * EVERY); // about 25 frames
  chunk = Math.min(target, 100);
  buttons();
  performance.clearMarks("train-start");
  performance.mark("train-start");
  requestAnimationFrame(frame);
}

function frame() {
  if (!running) return;
  const t = view.train, left = t.epochs - t.epoch;
  if (left > 0) {
    const start = performance.now(), answer = call("train", Math.min(left, chunk), EVERY);
    if (answer.error) {
      running = false; buttons();
      $("tr-error").textContent = `⚠ ${answer.error}`;
      return;
    }
    render(answer);
    const took = performance.now() - start; // more epochs a frame while it stays smooth
    if (took < 30) chunk = Math.min(target, chunk * 2);
    else if (took > 60) chunk = Math.max(EVERY, Math.round(chunk / 2 / EVERY) * EVERY);
  }
  if (view.train.epoch < view.train.epochs) { requestAnimationFrame(frame); return; }
  running = false; buttons(); render(call("view")); // the map in full
  requestAnimationFrame(() => {
    performance.mark("train-done");
    const m = performance.measure("train", "train-start", "train-done");
    document.body.dataset.trained = `${view.train.epoch} ${m.duration.toFixed(0)}`;
  });
}

function step() {
  running = false; buttons();
  const t = view.train;
  if (t.epoch === null || t.epoch >= t.epochs) render(call("restart"));
  const answer = call("train", 1, 1, false);
  if (answer.error) $("tr-error").textContent = `⚠ ${answer.error}`;
  else render(answer);
}

// --- start: the modules, then the state the address asks for
function wire() {
  const body = () => edit("x", "x-error", "body", [$("lb").value, $("in").value]);
  const shifted = () => edit("x", "x-error", "x", [$("x1").value, $("x2").value]);
  $("lb").addEventListener("input", body); $("in").addEventListener("input", body);
  $("x1").addEventListener("input", shifted); $("x2").addEventListener("input", shifted);
  const sample = () => edit("bp", "bp-error", "backprop", [$("bx1").value, $("bx2").value, $("by").value]);
  for (const id of ["bx1", "bx2", "by"]) $(id).addEventListener("input", sample);
  $("person").addEventListener("change", () => {
    const p = view.people[Number($("person").value)];
    if (!p) return;
    [$("bx1").value, $("bx2").value, $("by").value] = p.slice(1);
    sample();
  });
  for (const id of ["epochs", "rate", "seed"]) $(id).addEventListener("input", () => edit("tr", "tr-error", id, [$(id).value]));
  $("train").addEventListener("click", train);
  $("step").addEventListener("click", step);
  $("reset").addEventListener("click", () => { running = false; buttons(); $("tr-error").textContent = ""; render(call("restart")); });
  $("download").addEventListener("click", () => {
    $("download").href = URL.createObjectURL(new Blob([pg.weights_file()], { type: "application/json" }));
    $("download").download = "weights.json";
  });
  window.addEventListener("resize", () => { if (view) { drawCurve(view.train); drawMap(view.map); } });
}

function showAddressErrors(query, errors) {
  if (!errors.length) return;
  const groups = { x: "x", weights: "p", backprop: "bp", epochs: "tr", rate: "tr", seed: "tr" };
  $("address-error").hidden = false;
  $("address-error").textContent = "In the address: " + errors.map(([k, m]) => `${k}=${query[k]}: ${m}`).join("; ")
    + " (the page shows the last good values instead)";
  for (const [key, message] of errors) {
    $(`${groups[key]}-error`).textContent = `⚠ ${key}=${query[key]}: ${message}`;
    dirty.add(groups[key]);
  }
}

async function main() {
  const names = [...MODULES, "playground.py"];
  const texts = Promise.all(names.map(async (name, i) => {
    const url = i < MODULES.length ? `../${name}` : name;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`cannot load ${url} (HTTP ${response.status})`);
    return response.text();
  }));
  const mp = await loadMicroPython();
  (await texts).forEach((text, i) => {
    const name = names[i];
    if (name.includes("/")) mp.FS.mkdirTree(`/${name.slice(0, name.lastIndexOf("/"))}`);
    mp.FS.writeFile(`/${name}`, text);
  });
  mp.runPython("import playground");
  pg = mp.pyimport("playground");
  const query = {};
  for (const [k, v] of new URLSearchParams(location.search)) query[k] = v;
  const first = call("start", JSON.stringify(query));
  buildDiagram();
  layoutDiagram();
  wire();
  $("person").innerHTML = first.people.map((p, i) => `<option value="${i}">${p[0]}: ${p.slice(1).join(", ")}</option>`).join("")
    + `<option value="-1">your own</option>`;
  render(first);
  performance.mark("first-calc");
  showAddressErrors(query, first.errors);
  $("status").textContent = "Ready: the numbers below come from the project's Python, running in this page.";
  document.body.dataset.ready = "1";
  if (query.train && query.train !== "0" && !first.errors.some(([k]) => ["epochs", "rate", "seed"].includes(k))) train();
}

main().catch((error) => {
  $("status").textContent = `The page could not start: ${error.message}. Serve the repository root (python3 network.py web) and open /web/.`;
  $("status").className = "error";
});
