"""files.json is the one list of the project's files: where a tool cannot read
it (pip's pyproject.toml, mip's package.json), its copy must say the same.

Plain test functions (see test_neuron.py): portable, they read the files
beside network.py. Where files.json itself is not there (the modules installed
by pip), they skip; a file that files.json lists and that is missing fails.
"""

import json

from tests.helpers import Skip, project


def text_of(name):
    """Return the text of a file of the project; a missing one fails the test."""
    try:
        with open(project() + "/" + name) as f:
            return f.read()
    except OSError:
        raise AssertionError("{} is missing beside network.py".format(name))


def files():
    """Return files.json, or Skip where it is not beside network.py (the modules installed by pip)."""
    try:
        with open(project() + "/files.json") as f:
            return json.loads(f.read())
    except OSError:
        raise Skip("files.json is not beside network.py here")


def toml_list(text, key):
    """The strings of the one-line TOML list key = ["a", "b"] (no tomllib on 3.6 or a board)."""
    for line in text.split("\n"):
        if line.startswith(key + " = ["):
            inside = line[line.index("[") + 1:line.index("]")]
            return [word.strip().strip('"') for word in inside.split(",") if word.strip()]
    raise AssertionError("pyproject.toml has no line " + key + " = [...]")


def test_files_json_lists_files_that_exist_once():
    listed = files()["modules"] + files()["page"]
    assert len(set(listed)) == len(listed)
    assert "network.py" in listed and "web/index.html" in listed
    for name in files()["modules"]:
        assert name.endswith(".py") and len(text_of(name)) > 0, name


def test_pip_installs_the_modules_of_files_json():
    pyproject = text_of("pyproject.toml")
    modules = files()["modules"]
    top = sorted(name[:-3] for name in modules if "/" not in name)
    assert sorted(toml_list(pyproject, "py-modules")) == top
    packages = sorted(set(name[:name.rfind("/")] for name in modules if "/" in name))
    assert sorted(toml_list(pyproject, "packages")) == packages


def test_pytest_runs_the_doctests_of_every_module():
    testpaths = toml_list(text_of("pyproject.toml"), "testpaths")
    for name in files()["modules"]:
        assert name in testpaths or name[:name.rfind("/")] in testpaths, name


def test_mip_installs_the_modules_of_files_json_under_names_that_do_not_clash():
    # ESP32, ESP8266, Pico W and STM32 firmware have a built-in module called
    # network that wins over any network.py: it is installed as ournetwork.py
    # (the modules import it under either name); neuron.py keeps its name.
    package = json.loads(text_of("package.json"))
    assert sorted(package) == ["urls", "version"]
    sources = [source for destination, source in package["urls"]]
    assert sorted(sources) == sorted(files()["modules"])
    for destination, source in package["urls"]:
        assert destination == ("ournetwork.py" if source == "network.py" else source)
    assert 'version = "{}"'.format(package["version"]) in text_of("pyproject.toml")
