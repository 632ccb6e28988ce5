"""The programs here run when they are imported, as a board runs its main.py at
power-up: pytest's doctest collection leaves them alone. The tests that read
and run them are tests/test_editions.py and tests/test_microbit.py."""

collect_ignore_glob = ["*.py"]
