"""run.py of the micro:bit training edition (python3 -m tools --microbit DIR train).

main.py runs its main() at power-up. What follows the CARRIED line is the
board's run.py, with HEADER and START filled in. START is the seeded start,
which the real code works out when the edition is made.
"""

# --- An edition carries what follows.
# filled in: HEADER
# The training, which main.py runs at power-up. It prints what
# `python3 network.py train` prints, with the board's 6-digit floats: the loss
# every 10 epochs, the final loss, and the answers for Emily and Frank. The
# loss chart is left out. Then it prints the board's time for the 1000 epochs.
# One more LED lights up every 40 epochs. Then button A shows Emily's answer
# and button B shows Frank's, F for female or M for male.
from microbit import button_a, button_b, display, running_time

from network import NEW_PEOPLE, PEOPLE, OurNeuralNetwork, mse_loss
from neuron import Neuron
from training import train

START = []  # filled in: START


def report(line):
    # Print each of train's reports ("Epoch 40 loss: 0.065"), and light one
    # more LED every 40 epochs.
    print(line)
    dot = int(line.split()[1]) // 40
    display.set_pixel(dot % 5, dot // 5, 9)


def main():
    # Train the network as `python3 network.py train` does (learner.py's train_example).
    data = [x for name, x, y in PEOPLE]
    all_y_trues = [y for name, x, y in PEOPLE]
    w = START
    net = OurNeuralNetwork(Neuron([w[0], w[1]], w[2]), Neuron([w[3], w[4]], w[5]),
                           Neuron([w[6], w[7]], w[8]))
    began = running_time()
    train(net, START, data, all_y_trues, 0.1, 1000, 10, report)
    seconds = (running_time() - began) / 1000
    final = mse_loss(all_y_trues, [net.feedforward(x) for x in data])
    print("Final loss (after epoch 999, the last): {:.3f}".format(final))
    print()
    answers = ""
    for name, x in NEW_PEOPLE:
        y = net.feedforward(x)
        print("{}: [{}, {}] -> {:.3f}".format(name, x[0], x[1], y))  # As show_list writes them.
        answers += "F" if y >= 0.5 else "M"  # In the article's data, 1 is female and 0 male.
    print("trained 1000 epochs in {:.1f} s".format(seconds))
    display.show(answers[0])
    while True:
        if button_a.was_pressed():
            display.show(answers[0])
        if button_b.was_pressed():
            display.show(answers[1])
