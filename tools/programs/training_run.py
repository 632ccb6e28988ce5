"""run.py of the micro:bit training edition (python3 -m tools --microbit DIR train).

main.py runs its main() at power-up. What follows the CARRIED line is the
board's run.py, HEADER and START filled in (START: the seeded start, worked
out by the real code when the edition is made).
"""

# --- An edition carries what follows.
# filled in: HEADER
# The article's training, run by main.py at power-up. It prints what
# `python3 network.py train` prints (the loss every 10 epochs, the final loss,
# Emily and Frank) but the loss chart, with the board's 6-digit floats, then the
# board's time for the 1000 epochs. A dot lights up every 40 epochs; then
# button A shows Emily's answer, button B Frank's: F (female) or M (male).
from microbit import button_a, button_b, display, running_time

from network import NEW_PEOPLE, PEOPLE, OurNeuralNetwork, mse_loss
from neuron import Neuron
from training import train

START = []  # filled in: START


def report(line):
    # Each of train's reports ("Epoch 40 loss: 0.065"), and a dot every 40 epochs.
    print(line)
    dot = int(line.split()[1]) // 40
    display.set_pixel(dot % 5, dot // 5, 9)


def main():
    # As `python3 network.py train` runs it (learner.py's train_example).
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
        print("{}: [{}, {}] -> {:.3f}".format(name, x[0], x[1], y))  # as show_list writes them
        answers += "F" if y >= 0.5 else "M"  # in the article's data 1 = female, 0 = male
    print("trained 1000 epochs in {:.1f} s".format(seconds))
    display.show(answers[0])
    while True:
        if button_a.was_pressed():
            display.show(answers[0])
        if button_b.was_pressed():
            display.show(answers[1])
