"""The cells of article.ipynb that run the examples of the article (tools/notebook.py).

Each cell starts with a line "# --- cell: NAME", and tools/notebook.py places
it after the code that it runs. Each prints what the project's command line
prints: the worked examples (python3 network.py), the backpropagation by hand
(python3 network.py backprop), the training (python3 network.py train) and a
prediction (python3 network.py predict 128 63). The imports below are there
only for linters: the notebook defines these names itself, in earlier cells.
"""

from learner import backprop_example, predict, train_example
from network import NETWORK_EXAMPLE, NEURON_EXAMPLES, mse_loss, network_example, neuron_example

# --- An edition carries what follows.
# --- cell: neuron_examples
# Two neurons, each worked by hand and then exactly.
for weights, bias, x in NEURON_EXAMPLES:
    print("\n".join(neuron_example(weights, bias, x)) + "\n")

# --- cell: network_example
# The network on the inputs [2, 3], by hand and then exactly.
print("\n".join(network_example(NETWORK_EXAMPLE)))

# --- cell: loss
# The answers 1, 0, 0, 1, and a network that always says 0.
print(mse_loss([1, 0, 0, 1], [0, 0, 0, 0]))

# --- cell: backprop
# d_L/d_w1 for Alice by hand, from every weight 1 and every bias 0; then all nine exactly.
print("\n".join(backprop_example()))

# --- cell: training
# 1000 epochs from the seeded start, with a learning rate of 0.1.
network, lines = train_example()
print("\n".join(lines))

# --- cell: prediction
# Type your own weight and height here, then run this cell.
weight_lb = 128  # your weight in pounds (1 kg is 2.2046 lb)
height_in = 63  # your height in inches (1 cm is 0.3937 in)
print("\n".join(predict(weight_lb, height_in)))
