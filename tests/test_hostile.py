"""The hostile-input battery (placeholder; filled in for issue 14)."""

from neuron import sigmoid
from test_neuron import raises


def test_sigmoid_of_nan_is_an_error():
    assert "nan" in raises(ValueError, sigmoid, float("nan"))
