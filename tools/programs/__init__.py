"""The programs the editions carry, as real files that linters and tests read.

Each says in its docstring what it is; an edition carries what follows its
CARRIED line, each marker line filled in (tools/cutting.py's program), or
cuts its functions by name (shallow.py, trusting.py: the micro:bit's
stand-ins). conftest.py keeps pytest from importing them: a board's main.py
runs when it is imported.
"""
