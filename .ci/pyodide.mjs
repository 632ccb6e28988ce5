// Run a Python file on Pyodide (CPython compiled to WebAssembly) under Node.
//
//   node .ci/pyodide.mjs [--path DIR]... FILE.py [ARGS...]
//
// FILE's folder and each DIR are mounted from the host at the same paths and
// put on sys.path; FILE runs as __main__ with sys.argv set. The exit status is
// the script's: the code of SystemExit, or 1 for an uncaught exception.
// Pyodide loads offline from node_modules.
import path from "node:path";
import { loadPyodide } from "pyodide";

const folders = [];
const argv = process.argv.slice(2);
while (argv.length && argv[0] === "--path") {
  argv.shift();
  folders.push(path.resolve(argv.shift()));
}
if (!argv.length) { console.error("usage: node pyodide.mjs [--path DIR]... FILE.py [ARGS...]"); process.exit(2); }
const file = path.resolve(argv[0]);
folders.unshift(path.dirname(file));

const pyodide = await loadPyodide({
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
// Mount each folder once; one inside another is already there.
const mounted = [];
for (const folder of [...new Set(folders)].sort((a, b) => a.length - b.length)) {
  if (mounted.some((m) => folder.startsWith(m + "/"))) continue;
  pyodide.FS.mkdirTree(folder);
  pyodide.mountNodeFS(folder, folder);
  mounted.push(folder);
}
pyodide.globals.set("_folders", pyodide.toPy(folders));
pyodide.globals.set("_argv", pyodide.toPy([file, ...argv.slice(1)]));
const status = pyodide.runPython(`
import runpy, sys, traceback
sys.path[:0] = list(_folders)
sys.argv[:] = list(_argv)
def _run():
    try:
        runpy.run_path(sys.argv[0], run_name="__main__")
    except SystemExit as stop:
        if stop.code is None or isinstance(stop.code, int):
            return stop.code or 0
        print(stop.code, file=sys.stderr)
        return 1
    except BaseException:
        traceback.print_exc()
        return 1
    return 0
_run()
`);
process.exitCode = status;
