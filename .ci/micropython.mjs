// Run a Python file on MicroPython (the official WebAssembly port) under Node.
//
//   node .ci/micropython.mjs [--heap BYTES] [--path DIR]... FILE.py [ARGS...]
//
// The port cannot see the host's files, so the files of FILE's folder and of
// each DIR, and of their Python packages (subfolders with an __init__.py), are
// copied into its in-memory filesystem at the same paths, and those folders go
// on sys.path. FILE runs as __main__ with sys.argv set. The
// exit status is the script's: the code of SystemExit, or 1 (traceback on
// stderr) for any other uncaught exception; the port's own CLI always exits 0.
//
// Run it under `timeout`: this port does not collect garbage during a run and
// hangs, instead of raising MemoryError, when wasm memory runs out.
import fs from "node:fs";
import path from "node:path";
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";

let heapsize = 64 * 1024 * 1024;
const folders = [];
const argv = process.argv.slice(2);
while (argv.length && argv[0].startsWith("--")) {
  const option = argv.shift();
  if (option === "--heap") heapsize = parseInt(argv.shift(), 10);
  else if (option === "--path") folders.push(path.resolve(argv.shift()));
  else { console.error(`micropython.mjs: unknown option ${option}`); process.exit(2); }
}
if (!argv.length) { console.error("usage: node micropython.mjs [--heap BYTES] [--path DIR]... FILE.py [ARGS...]"); process.exit(2); }
const file = path.resolve(argv[0]);
folders.unshift(path.dirname(file));

const mp = await loadMicroPython({
  heapsize,
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
  linebuffer: true,
});
function copy(folder) {
  mp.FS.mkdirTree(folder);
  for (const name of fs.readdirSync(folder)) {
    const source = path.join(folder, name);
    const stat = fs.statSync(source);
    if (stat.isFile()) mp.FS.writeFile(source, fs.readFileSync(source));
    else if (stat.isDirectory() && fs.existsSync(path.join(source, "__init__.py"))) copy(source);
  }
}
for (const folder of folders) copy(folder);

function flush() {
  // linebuffer holds back a last line without "\n": print it too.
  const decoder = new TextDecoder();
  const out = mp._module._stdoutBuffer, err = mp._module._stderrBuffer;
  if (out && out.length) process.stdout.write(decoder.decode(new Uint8Array(out)));
  if (err && err.length) process.stderr.write(decoder.decode(new Uint8Array(err)));
}

let status = 0;
try {
  mp.globals.set("__file__", file);
  mp.runPython(
    "import sys\n" +
    folders.map((f) => `sys.path.insert(0, ${JSON.stringify(f)})\n`).reverse().join("") +
    "while sys.argv:\n    sys.argv.pop()\n" +
    argv.map((a) => `sys.argv.append(${JSON.stringify(a)})\n`).join("") +
    "del sys\n"
  );
  mp.runPython(fs.readFileSync(file, "utf8"));
} catch (error) {
  if (error.name !== "PythonError") throw error;
  const match = error.type === "SystemExit" && /SystemExit(?::\s*(.*))?\s*$/.exec(error.message);
  if (match) {
    const code = match[1] === undefined || match[1] === "None" ? 0 : Number(match[1]);
    if (Number.isInteger(code)) status = code;
    else { process.stderr.write(match[1] + "\n"); status = 1; }
  } else {
    flush();
    process.stderr.write(error.message);
    status = 1;
  }
}
flush();
process.exitCode = status;
