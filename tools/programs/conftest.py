"""Keep pytest from importing the programs here: each runs as it is imported,
as a board runs its main.py at power-up. The tests that read and run them are
tests/test_editions.py, tests/test_notebooks.py and tests/test_microbit.py."""

collect_ignore_glob = ["*.py"]
