"""The learner's tests and the hostile-input battery: plain test functions, as in test_neuron.py."""
