"""keras_optimizers.json: per-step losses and weights of Keras optimizers stepping with train_on_batch."""

import numpy as np

import problems
from common import dense_weights, flat, floats, versions, write_fixture
from keras_models import keras_targets, loss_config, make_loss, make_model, make_optimizer, optimizer_config

ROWS = 16
STEPS = 12
LR = 0.05  # large enough that every optimizer moves the weights visibly within a few steps

CLASSIFIER = [{"units": 5, "activation": "relu"}, {"units": 3, "activation": "softmax"}]


def _optimizer_cases():
    """Each optimizer and variant on the same 3-class softmax problem."""
    variants = [
        ("sgd", optimizer_config("sgd", learning_rate=LR)),
        ("sgd_momentum", optimizer_config("sgd", learning_rate=LR, momentum=0.9)),
        ("sgd_nesterov", optimizer_config("sgd", learning_rate=LR, momentum=0.9, nesterov=True)),
        ("sgd_legacy_decay", optimizer_config("sgd", learning_rate=LR, decay=0.01)),
        ("sgd_momentum_legacy_decay", optimizer_config("sgd", learning_rate=LR, momentum=0.9, decay=0.1)),
        ("adam", optimizer_config("adam", learning_rate=LR)),
        ("adam_amsgrad", optimizer_config("adam", learning_rate=LR, amsgrad=True)),
        # A short second-moment memory lets v fall below its maximum within a few steps, so amsgrad
        # differs from plain Adam by far more than float32 noise.
        ("adam_amsgrad_beta2_0.5", optimizer_config("adam", learning_rate=LR, beta_2=0.5, amsgrad=True)),
        ("adamax", optimizer_config("adamax", learning_rate=LR)),
        ("adagrad", optimizer_config("adagrad", learning_rate=LR)),
        ("rmsprop", optimizer_config("rmsprop", learning_rate=LR)),
        ("rmsprop_centered", optimizer_config("rmsprop", learning_rate=LR, centered=True)),
        ("rmsprop_momentum", optimizer_config("rmsprop", learning_rate=LR, momentum=0.9)),
        ("nadam", optimizer_config("nadam", learning_rate=LR)),
    ]
    x, y = problems.categorical(seed=1, rows=ROWS)
    weights = dense_weights(np.random.default_rng(101), 4, [layer["units"] for layer in CLASSIFIER])
    for name, optimizer in variants:
        yield dict(name=name, optimizer=optimizer, loss=loss_config("categorical_crossentropy"),
                   layers=CLASSIFIER, x=x, y=y, batch_size=4, initial_weights=weights)


def _loss_cases():
    """Each loss once, stepped by plain SGD, with the output activation the loss expects."""
    sgd = optimizer_config("sgd", learning_rate=0.1)
    specs = [
        ("sgd_categorical_crossentropy_from_logits", "categorical_crossentropy", True, "tanh", "linear", 3,
         problems.categorical),
        ("sgd_sparse_categorical_crossentropy", "sparse_categorical_crossentropy", False, "relu", "softmax", 3,
         problems.sparse),
        ("sgd_sparse_categorical_crossentropy_from_logits", "sparse_categorical_crossentropy", True, "leaky_relu",
         "linear", 3, problems.sparse),
        ("sgd_binary_crossentropy_sigmoid", "binary_crossentropy", False, "relu", "sigmoid", 1, problems.binary),
        ("sgd_binary_crossentropy_from_logits", "binary_crossentropy", True, "sigmoid", "linear", 1,
         problems.binary),
        ("sgd_mean_squared_error", "mean_squared_error", False, "tanh", "linear", 2, problems.regression),
        ("sgd_mean_absolute_error", "mean_absolute_error", False, "relu", "linear", 2, problems.regression),
    ]
    for index, (name, loss, logits, hidden, output, units, problem) in enumerate(specs):
        layers = [{"units": 5, "activation": hidden}, {"units": units, "activation": output}]
        x, y = problem(seed=10 + index, rows=ROWS)
        weights = dense_weights(np.random.default_rng(200 + index), 4, [5, units])
        yield dict(name=name, optimizer=sgd, loss=loss_config(loss, logits), layers=layers, x=x, y=y,
                   batch_size=8 if index % 2 else 4, initial_weights=weights)
    # A deeper stack, so gradients flow through two hidden layers.
    layers = [{"units": 6, "activation": "tanh"}, {"units": 5, "activation": "relu"},
              {"units": 3, "activation": "softmax"}]
    x, y = problems.categorical(seed=30, rows=ROWS)
    yield dict(name="sgd_momentum_three_layers", optimizer=optimizer_config("sgd", learning_rate=LR, momentum=0.9),
               loss=loss_config("categorical_crossentropy"), layers=layers, x=x, y=y, batch_size=4,
               initial_weights=dense_weights(np.random.default_rng(300), 4, [6, 5, 3]))


def trace(spec):
    """Steps a Keras model on consecutive row batches (wrapping around) and records each step."""
    x, y = spec["x"], spec["y"]
    model = make_model(x.shape[1], spec["layers"], spec["initial_weights"])
    model.compile(optimizer=make_optimizer(spec["optimizer"]), loss=make_loss(spec["loss"]))
    targets = keras_targets(spec["loss"], y)
    batch = spec["batch_size"]
    losses, weights_after = [], []
    for step in range(STEPS):
        rows = [(step * batch + i) % len(x) for i in range(batch)]
        # train_on_batch returns the loss computed with the weights before this step's update.
        losses.append(float(model.train_on_batch(x[rows], targets[rows])))
        weights_after.append([flat(w) for w in model.get_weights()])
    return {
        "name": spec["name"],
        "optimizer": spec["optimizer"],
        "loss": spec["loss"],
        "input_width": int(x.shape[1]),
        "layers": spec["layers"],
        "x": floats(x),
        "y": floats(y),
        "batch_size": batch,
        "initial_weights": [flat(w) for w in spec["initial_weights"]],
        "step_losses": losses,
        "weights_after_step": weights_after,
    }


def cases():
    """All optimizer cases, then one case per loss."""
    return [trace(spec) for spec in list(_optimizer_cases()) + list(_loss_cases())]


def write(out_dir):
    """Writes keras_optimizers.json."""
    write_fixture(out_dir, "keras_optimizers.json", versions("keras", "jax", "jaxlib", "numpy"), cases(),
                  notes=NOTES)


NOTES = [
    "Keras 3 on the JAX backend, float32. Each step is model.train_on_batch on rows "
    "(step*batch_size + i) mod len(x); step_losses[k] is the loss train_on_batch returned, computed before "
    "step k's update; weights_after_step[k] is get_weights() after it.",
    "A config with 'decay' is the legacy learning rate learning_rate/(1 + decay*iterations), run in Keras 3 as "
    "InverseTimeDecay(learning_rate, decay_steps=1, decay_rate=decay).",
    "'leaky_relu' is Keras's activation with negative_slope 0.2.",
]
