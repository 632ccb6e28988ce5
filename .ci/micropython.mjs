// Run a Python file on MicroPython (the official WebAssembly port) under Node:
//
//   node .ci/micropython.mjs [--path DIR]... FILE.py [ARGS...]
//
// The port cannot see the host's files: those of FILE's folder and of each DIR, with their
// Python packages (subfolders with an __init__.py), are copied into its in-memory filesystem
// at the same paths, and those folders go on sys.path. FILE runs as __main__ with sys.argv
// set. The exit status is the script's: SystemExit's code, or 1 (the traceback on stderr)
// for any other uncaught exception; the port's own CLI always exits 0. Run it with a timeout:
// this port hangs, instead of raising MemoryError, when wasm memory runs out.
import fs from "node:fs";
import path from "node:path";
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript";

const folders = [];
const argv = process.argv.slice(2);
while (argv[0] === "--path") {
  argv.shift();
  folders.push(path.resolve(argv.shift()));
}
if (!argv.length) { console.error("usage: node micropython.mjs [--path DIR]... FILE.py [ARGS...]"); process.exit(2); }
const file = path.resolve(argv[0]);
folders.unshift(path.dirname(file));

const mp = await loadMicroPython({
  heapsize: 64 * 1024 * 1024,
  stdout: (bytes) => process.stdout.write(bytes),
  stderr: (bytes) => process.stderr.write(bytes),
  linebuffer: false,
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
  const code = match && (match[1] === undefined || match[1] === "None" ? 0 : Number(match[1]));
  if (match && Number.isInteger(code)) status = code;
  else {
    process.stderr.write((match ? match[1] : error.message) + "\n");
    status = 1;
  }
}
process.exitCode = status;
