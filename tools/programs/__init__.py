"""The programs that the editions carry, as real files that linters and tests read.

Each one says in its docstring what it is. An edition carries what follows the
program's CARRIED line, with each marker line filled in (tools/cutting.py's
program); or it cuts the program into cells (cells(), for the notebooks:
notebook_article.py and notebook_exercise.py); or it cuts functions from it by
name (shallow.py and trusting.py, the micro:bit's stand-ins). conftest.py keeps
pytest from importing them, because a board's main.py runs as it is imported.
"""
