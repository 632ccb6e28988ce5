"""What neuron.py and network.py need around them, one job to a module.

    checks.py         checking the values that come in from outside
    network_checks.py checking the network's and the training's arguments
    arithmetic.py     what numpy did for the article: dot, and sigmoid's safe input
    writing.py        numbers as text: as hand calculations write them, exactly, to 3 figures
    seeded_random.py  random numbers that are the same on every interpreter
    parsing.py        numbers typed as text, on the command line, in files and in the page
    chart.py          the losses of a training run, drawn in text
    people.py         people to train on and to predict: the People type
    people_files.py   people files: a class's own people, read from CSV and written back
    files.py          files written whole or not at all, and weights files
    server.py         the playground page's server
"""
