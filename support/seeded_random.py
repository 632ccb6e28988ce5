"""Random numbers that are the same on every interpreter for the same seed.

The article starts training from weights drawn with np.random.normal().
Python's random module differs between interpreters, and a small board's
MicroPython has no random.gauss (some have no random.random either). So the
project draws its own: a Park-Miller generator gives uniform numbers, and
the sum of 12 of them, minus 6, is nearly normal (the Irwin-Hall method).

>>> draw_normal(2, seed=1)
[-1.319310846421546, -1.5970468640313698]
"""

from support.checks import check_whole_number


def draw_normal(count, seed=1):
    """Return count numbers drawn from (nearly) the standard normal distribution, the same on
    every interpreter for the same seed.

    Any whole number is a seed; count must be a whole number >= 0.
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
    # The 6 is subtracted in a second pass, so that the numbers kept lie side
    # by side rather than among the sums' garbage, which leaves a small board's
    # heap in larger pieces.
    return [total - 6 for total in sums]
