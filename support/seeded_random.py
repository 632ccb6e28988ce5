"""Random numbers that are the same on every interpreter for the same seed.

The article starts training from weights drawn with np.random.normal().
Python's random module differs between interpreters, and MicroPython on a
board (a small microcontroller such as the BBC micro:bit) has no random.gauss,
and sometimes no random.random either. So the project draws its own numbers.
A Park-Miller generator gives uniform numbers, and the sum of 12 of them,
minus 6, is nearly normal (the Irwin-Hall method).

>>> draw_normal(2, seed=1)
[-1.319310846421546, -1.5970468640313698]
"""

from support.checks import check_whole_number


def draw_normal(count, seed=1):
    """Return count numbers drawn from (nearly) the standard normal distribution, the same on
    every interpreter for the same seed.

    Any whole number can be a seed, and count must be a whole number >= 0.
    """
    modulus = 2147483647
    state = 1 + check_whole_number(seed, "seed") % (modulus - 1)
    sums = []
    for _ in range(check_whole_number(count, "count", 0)):
        total = 0.0
        for _ in range(12):
            state = state * 16807 % modulus
            total += state / modulus
        sums.append(total)
    # The 6 is subtracted in a second pass. The first pass leaves its sums
    # scattered among the short-lived floats of the additions, and the second
    # makes the numbers that are kept one after another, so that once the
    # garbage is collected, a board's heap is left in larger free pieces.
    return [total - 6 for total in sums]
