"""Builds Keras models, optimizers and losses from the fixtures' plain configuration dictionaries."""

import keras
import numpy as np

OPTIMIZERS = {
    "sgd": keras.optimizers.SGD,
    "adam": keras.optimizers.Adam,
    "adamax": keras.optimizers.Adamax,
    "adagrad": keras.optimizers.Adagrad,
    "rmsprop": keras.optimizers.RMSprop,
    "nadam": keras.optimizers.Nadam,
}

# Every hyper-parameter spelled out, so a fixture never depends on a default the reader must know.
OPTIMIZER_DEFAULTS = {
    "sgd": {"learning_rate": 0.01, "momentum": 0.0, "nesterov": False},
    "adam": {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7, "amsgrad": False},
    "adamax": {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7},
    "adagrad": {"learning_rate": 0.001, "initial_accumulator_value": 0.1, "epsilon": 1e-7},
    "rmsprop": {"learning_rate": 0.001, "rho": 0.9, "momentum": 0.0, "epsilon": 1e-7, "centered": False},
    "nadam": {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7},
}

LOSSES = {
    "categorical_crossentropy": keras.losses.CategoricalCrossentropy,
    "sparse_categorical_crossentropy": keras.losses.SparseCategoricalCrossentropy,
    "binary_crossentropy": keras.losses.BinaryCrossentropy,
    "mean_squared_error": keras.losses.MeanSquaredError,
    "mean_absolute_error": keras.losses.MeanAbsoluteError,
}


def optimizer_config(name, **overrides):
    """The full Keras configuration of an optimizer: its defaults with `overrides` applied."""
    config = {"name": name}
    config.update(OPTIMIZER_DEFAULTS[name])
    config.update(overrides)
    return config


def loss_config(name, from_logits=False):
    """A loss configuration as the fixtures store it."""
    return {"name": name, "from_logits": from_logits}


def make_optimizer(config):
    """A fresh Keras optimizer for `config`.

    Keras 3 ignores the legacy `decay` argument, so its meaning η/(1 + decay·iterations) is
    reproduced with the equivalent InverseTimeDecay(η, decay_steps=1, decay_rate=decay).
    """
    arguments = dict(config)
    name = arguments.pop("name")
    decay = arguments.pop("decay", None)
    if decay:
        arguments["learning_rate"] = keras.optimizers.schedules.InverseTimeDecay(
            arguments["learning_rate"], decay_steps=1, decay_rate=decay
        )
    return OPTIMIZERS[name](**arguments)


def make_loss(config):
    """The Keras loss object for `config`."""
    if config["name"] in ("mean_squared_error", "mean_absolute_error"):
        assert not config["from_logits"], config
        return LOSSES[config["name"]]()
    return LOSSES[config["name"]](from_logits=config["from_logits"])


def make_model(input_width, layers, initial_weights):
    """A Sequential stack of Dense layers holding `initial_weights` (Keras order)."""
    stack = [keras.Input(shape=(input_width,))]
    for layer in layers:
        stack.append(keras.layers.Dense(layer["units"], activation=layer["activation"]))
    model = keras.Sequential(stack)
    model.set_weights([np.asarray(w, dtype=np.float32) for w in initial_weights])
    return model


def keras_targets(loss, y):
    """Targets as Keras wants them: integer labels for the sparse loss, float32 otherwise."""
    if loss["name"] == "sparse_categorical_crossentropy":
        return np.asarray(y).astype(np.int32)
    return np.asarray(y, dtype=np.float32)
