"""Tests for neuron.py: the article's numbers, exactly, and every bad input.

Plain test functions with assert and no fixtures, so that the same file runs
under pytest and, without pytest, on MicroPython and friends
(python .ci/run_tests.py); what the tests share is in tests/helpers.py.
"""

import math

from neuron import Neuron, deriv_sigmoid, sigmoid
from tests.helpers import BIG, DOUBLE, INF, NAN, ROUNDING, Skip, each, raises, same


# sigmoid


def test_sigmoid_of_zero_is_one_half():
    assert sigmoid(0) == 0.5


def test_sigmoid_of_3_is_the_articles_hidden_output():
    assert same(sigmoid(3), 0.9525741268224334)
    assert round(sigmoid(3), 4) == 0.9526


def test_sigmoid_never_raises_at_the_extremes():
    assert sigmoid(1000) == 1.0
    assert sigmoid(-1000) == 0.0
    assert sigmoid(1e308) == 1.0
    assert sigmoid(-1e308) == 0.0
    assert sigmoid(INF) == 1.0
    assert sigmoid(-INF) == 0.0
    assert sigmoid(BIG) == 1.0
    assert sigmoid(-BIG) == 0.0


def overflows(x):
    """Does e^x overflow? (MicroPython raises ValueError.)"""
    try:
        math.exp(x)
    except (OverflowError, ValueError):
        return True
    return math.exp(x) == INF


def textbook(x):
    """1 / (1 + e^(-x)), as the article's np.exp gives it: 0.0 where e^(-x) overflows."""
    if overflows(-x):
        return 0.0  # np.exp(-x) is inf there, and 1 / inf is 0.0
    return 1 / (1 + math.exp(-x))


def test_sigmoid_is_the_textbook_formula_bit_for_bit():
    # Every x from -750 to 750 in steps of 1/8, and between: for negative x
    # too, where e^(-x) is large, and where it overflows (sigmoid is 0.0).
    for i in range(-6000, 6001):
        for x in (i * 0.125, i * 0.125 + 0.0123456789):
            assert sigmoid(x) == textbook(x), x


def test_sigmoid_is_0_where_e_to_the_minus_x_overflows():
    if not DOUBLE:
        raise Skip("e^x overflows at 88.7 with 32-bit floats, not at 709.78")
    assert sigmoid(-709.0) == textbook(-709.0) > 0.0  # e^709 is still a float
    assert sigmoid(-709.78) == textbook(-709.78) > 0.0
    assert overflows(709.79) and sigmoid(-709.79) == 0.0
    assert sigmoid(-745.2) == 0.0


def test_sigmoid_is_symmetric():
    for i in range(0, 200):
        x = i * 0.25
        assert abs(sigmoid(-x) - (1 - sigmoid(x))) <= ROUNDING


def test_sigmoid_is_monotonic():
    previous = sigmoid(-50.0)
    for i in range(1, 1001):
        y = sigmoid(-50.0 + i * 0.1)
        assert y >= previous
        previous = y
    assert sigmoid(-1.0) < sigmoid(0.0) < sigmoid(1.0)


def test_sigmoid_of_nan_is_an_error_not_an_answer():
    assert raises(ValueError, sigmoid, NAN) == "x is nan"
    assert raises(ValueError, deriv_sigmoid, NAN) == "x is nan"


# Neuron


def test_neuron_from_the_article():
    n = Neuron([0, 1], 4)
    assert same(n.feedforward([2, 3]), 0.9990889488055994)


def test_first_neuron_example_of_the_article():
    y = Neuron([0.4, 0.7], 0.2).feedforward([0.5, 0.3])
    assert round(y, 4) == 0.6479
    assert y == 1 / (1 + math.exp(-(0.4 * 0.5 + 0.7 * 0.3 + 0.2)))


def test_neuron_with_three_inputs_matches_a_hand_computation():
    n = Neuron([0.5, -1.25, 2], -0.75)
    z = 0.5 * 1.5 + -1.25 * 2 + 2 * 0.25 - 0.75  # = -2.0
    assert z == -2.0
    assert n.feedforward([1.5, 2, 0.25]) == 1 / (1 + math.exp(2.0))  # the textbook formula, exactly


def test_neuron_takes_any_sequence_of_numbers():
    import array

    n = Neuron((0, 1), 4)
    expected = n.feedforward([2, 3])
    assert n.feedforward((2, 3)) == expected
    assert n.feedforward(array.array("f", [2, 3])) == expected
    assert n.feedforward(range(2, 4)) == expected
    assert n.feedforward([2.0, 3.0]) == expected


# One contract: feedforward (whose dot has a fast path for a list of floats)
# and explain (which checks each input first) take and refuse the same inputs.
# A bool is not a number, and a mapping, bytes or a word is not a list.
ONE_CONTRACT_CASES = [
    ("a list of ints", [2, 3], None),
    ("a tuple of floats", (2.0, 3.0), None),
    ("an inf that makes no nan", [1, INF], None),
    ("bools", [True, False], (TypeError, "inputs[0] must be a number, got True")),
    ("a bool among floats", [2.0, False], (TypeError, "inputs[1] must be a number, got False")),
    ("a dict indexed 0 and 1", {0: 2, 1: 3}, (TypeError, "inputs must be a list of numbers")),
    ("bytes", b"\x02\x03", (TypeError, "inputs must be a list of numbers")),
    ("a word", "ab", (TypeError, "inputs must be a list of numbers, got 'ab'")),
    ("a word among numbers", [2, "3"], (TypeError, "inputs[1] must be a number, got '3'")),
    ("too many", [2, 3, 4], (ValueError, "expected 2 inputs, one per weight, got 3")),
    ("an int beyond float range", [2, BIG], (ValueError, "inputs[1] is beyond the range of a float")),
    ("0*inf", [INF, 3], (ValueError, "weights[0]*inputs[0] is 0*inf = nan")),
]


@each(ONE_CONTRACT_CASES)
def test_feedforward_and_explain_take_and_refuse_the_same_inputs(case):
    name, inputs, error = case
    n = Neuron([0, 1], 4)
    if error is None:
        answer = n.feedforward(inputs)
        assert n.explain(inputs).endswith(" = " + n.explain([float(x) for x in inputs]).split(" = ")[-1])
        assert answer == Neuron([0, 1], 4).feedforward([float(x) for x in inputs])
        return
    for method in (n.feedforward, n.explain):
        message = raises(error[0], method, inputs)
        assert message.startswith(error[1]), (method, message)


def test_neuron_keeps_its_own_copy_of_the_weights():
    weights = [0, 1]
    n = Neuron(weights, 4)
    weights[1] = 100
    assert n.weights == [0.0, 1.0]
    assert isinstance(n.weights[0], float)
    assert isinstance(n.bias, float)


def test_explain_first_example():
    text = Neuron([0.4, 0.7], 0.2).explain([0.5, 0.3])
    assert text == "f(0.4*0.5 + 0.7*0.3 + 0.2) = f(0.61) = 0.6479"


def test_explain_second_example():
    assert Neuron([0, 1], 4).explain([2, 3]) == "f(0*2 + 1*3 + 4) = f(7) = 0.9991"


def test_explain_writes_negative_numbers_readably():
    text = Neuron([0.5, -1], -2).explain([-2, 3.25])
    assert text == "f(0.5*(-2) + -1*3.25 + -2) = f(-6.25) = 0.0019"


def test_explain_rounds_to_4_decimals_and_drops_trailing_zeros():
    text = Neuron([1], 0).explain([0.123456])
    assert text == "f(1*0.1235 + 0) = f(0.1235) = 0.5308"
    assert Neuron([1], 0).explain([0.99999]) == "f(1*1 + 0) = f(1) = 0.7311"
    # Too long to write out as a whole number:
    assert Neuron([1], 0).explain([1e20]) == "f(1*1e+20 + 0) = f(1e+20) = 1"


# Bad input


def test_too_few_inputs():
    message = raises(ValueError, Neuron([0, 1], 0).feedforward, [1])
    assert "expected 2 inputs" in message and "got 1" in message


def test_too_many_inputs():
    message = raises(ValueError, Neuron([0, 1], 0).feedforward, [1, 2, 3])
    assert "expected 2 inputs" in message and "got 3" in message


def test_inputs_that_are_not_a_sequence():
    message = raises(TypeError, Neuron([0, 1], 0).feedforward, 5)
    assert message == "inputs must be a list of numbers, got 5"


def test_non_number_inputs():
    n = Neuron([0, 1], 0)
    assert raises(TypeError, n.feedforward, [1, "a"]) == "inputs[1] must be a number, got 'a'"
    assert raises(TypeError, n.feedforward, [None, 1]) == "inputs[0] must be a number, got None"
    assert raises(TypeError, n.feedforward, [[1], 2]) == "inputs[0] must be a number, got [1]"


def test_non_number_weights():
    assert raises(TypeError, Neuron, ["a", 1], 0) == "weights[0] must be a number, got 'a'"
    assert raises(TypeError, Neuron, [0, None], 0) == "weights[1] must be a number, got None"
    assert raises(TypeError, Neuron, [0, [1]], 0) == "weights[1] must be a number, got [1]"
    assert "weights must be a list" in raises(TypeError, Neuron, 5, 0)


def test_non_number_bias():
    assert raises(TypeError, Neuron, [0, 1], "4") == "bias must be a number, got '4'"
    assert raises(TypeError, Neuron, [0, 1], None) == "bias must be a number, got None"


def test_no_weights():
    assert raises(ValueError, Neuron, [], 0) == "weights must not be empty"


def test_nan_weight_or_bias():
    assert raises(ValueError, Neuron, [0, NAN], 0) == "weights[1] is nan"
    assert raises(ValueError, Neuron, [0, 1], NAN) == "bias is nan"


def test_nan_input():
    message = raises(ValueError, Neuron([0, 1], 0).feedforward, [NAN, 1])
    assert message == "inputs[0] is nan"


def test_nan_from_zero_times_infinity():
    message = raises(ValueError, Neuron([0, 1], 0).feedforward, [INF, 1])
    assert message == "weights[0]*inputs[0] is 0*inf = nan"


def test_nan_from_opposite_infinities():
    message = raises(ValueError, Neuron([1, 1], 0).feedforward, [INF, -INF])
    assert message == "the weighted sum is inf + -inf = nan"
    message = raises(ValueError, Neuron([1, -1], 0).feedforward, [INF, INF])
    assert message == "the weighted sum is inf + -inf = nan"


def test_weights_and_bias_must_be_finite():
    assert raises(ValueError, Neuron, [INF, 1], 0) == "weights[0] must be a finite number, got inf"
    assert raises(ValueError, Neuron, [0, -INF], 0) == "weights[1] must be a finite number, got -inf"
    assert raises(ValueError, Neuron, [0, 1], -INF) == "bias must be a finite number, got -inf"
    assert raises(ValueError, Neuron, [BIG, 1], 0) == "weights[0] is beyond the range of a float"


def test_infinite_input_that_makes_no_nan_is_fine():
    assert Neuron([1, 1], 0).feedforward([INF, 1]) == 1.0
    assert Neuron([1, 1], 0).feedforward([-INF, 1]) == 0.0


# deriv_sigmoid, for training


def test_deriv_sigmoid_is_f_times_one_minus_f():
    assert deriv_sigmoid(0) == 0.25
    for i in range(-40, 41):
        x = i * 0.25
        assert deriv_sigmoid(x) == sigmoid(x) * (1 - sigmoid(x))


def test_deriv_sigmoid_is_the_slope_of_sigmoid():
    if not DOUBLE:
        raise Skip("a finite difference needs double precision")
    h = 1e-6
    for i in range(-20, 21):
        x = i * 0.5
        slope = (sigmoid(x + h) - sigmoid(x - h)) / (2 * h)
        assert abs(deriv_sigmoid(x) - slope) <= 1e-9


def test_deriv_sigmoid_never_raises():
    for x in (1000, -1000, 1e308, -1e308, INF, -INF):
        assert deriv_sigmoid(x) == 0.0
