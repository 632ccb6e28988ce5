"""Proves that `pip install .` puts every module files.json lists in place, and that the
installed network answers the article's 0.7216325609518421 for [2, 3].

    python3 .ci/installed.py FOLDER      (after pip install --target FOLDER .)
"""

import os
import subprocess
import sys

from common import project_files


def main(folder):
    modules = project_files("modules")
    missing = [name for name in modules if not os.path.isfile(os.path.join(folder, name))]
    if missing:
        return "pip install . left out: " + ", ".join(missing)
    # Run from the installed folder, so that the project's own copy is not the one imported.
    answer = subprocess.check_output([sys.executable, "-c", "import network; print(repr("
                                      "network.OurNeuralNetwork().feedforward([2, 3])))"],
                                     cwd=folder, universal_newlines=True).strip()
    if answer != "0.7216325609518421":
        return "the installed network answers {} for [2, 3], not 0.7216325609518421".format(answer)
    print("pip install . put {} modules in place; the installed network answers {}".format(
        len(modules), answer))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
