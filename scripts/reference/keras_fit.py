"""keras_fit.json: 3-epoch model.fit histories with shuffle=False, a partial last batch and validation data."""

import numpy as np

import problems
from common import dense_weights, flat, floats, versions, write_fixture
from keras_models import keras_targets, loss_config, make_loss, make_model, make_optimizer, optimizer_config

ROWS = 18  # batch size 4 leaves a last batch of 2
VALIDATION_ROWS = 8
EPOCHS = 3


def _specs():
    categorical = {"loss": loss_config("categorical_crossentropy"), "problem": problems.categorical,
                   "layers": [{"units": 5, "activation": "relu"}, {"units": 3, "activation": "softmax"}]}
    binary = {"loss": loss_config("binary_crossentropy"), "problem": problems.binary,
              "layers": [{"units": 5, "activation": "tanh"}, {"units": 1, "activation": "sigmoid"}]}
    optimizers = [
        ("sgd_momentum", optimizer_config("sgd", learning_rate=0.1, momentum=0.9)),
        ("adam", optimizer_config("adam", learning_rate=0.05)),
        ("rmsprop", optimizer_config("rmsprop", learning_rate=0.02)),
        ("sgd_legacy_decay", optimizer_config("sgd", learning_rate=0.2, decay=0.05)),
    ]
    for kind_index, (kind, setup) in enumerate([("categorical", categorical), ("binary", binary)]):
        for index, (optimizer_name, optimizer) in enumerate(optimizers):
            yield dict(name=f"{kind}_{optimizer_name}", optimizer=optimizer, setup=setup,
                       seed=40 + 10 * kind_index + index, batch_size=4)
    # A batch size that does not divide the validation rows either.
    yield dict(name="categorical_adam_batch_5", optimizer=optimizer_config("adam", learning_rate=0.05),
               setup=categorical, seed=70, batch_size=5)


def run(spec):
    """Fits a freshly built model and records its history and final weights."""
    setup = spec["setup"]
    x_all, y_all = setup["problem"](seed=spec["seed"], rows=ROWS + VALIDATION_ROWS)
    x, y = x_all[:ROWS], y_all[:ROWS]
    validation_x, validation_y = x_all[ROWS:], y_all[ROWS:]
    layers = setup["layers"]
    weights = dense_weights(np.random.default_rng(spec["seed"] + 1000), x.shape[1], [l["units"] for l in layers])
    model = make_model(x.shape[1], layers, weights)
    model.compile(optimizer=make_optimizer(spec["optimizer"]), loss=make_loss(setup["loss"]), metrics=["accuracy"])
    history = model.fit(
        x, keras_targets(setup["loss"], y), batch_size=spec["batch_size"], epochs=EPOCHS, shuffle=False,
        validation_data=(validation_x, keras_targets(setup["loss"], validation_y)), verbose=0,
    )
    return {
        "name": spec["name"],
        "optimizer": spec["optimizer"],
        "loss": setup["loss"],
        "metrics": ["accuracy"],
        "input_width": int(x.shape[1]),
        "layers": layers,
        "x": floats(x),
        "y": floats(y),
        "validation_x": floats(validation_x),
        "validation_y": floats(validation_y),
        "batch_size": spec["batch_size"],
        "epochs": EPOCHS,
        "initial_weights": [flat(w) for w in weights],
        "history": {key: [float(v) for v in values] for key, values in sorted(history.history.items())},
        "final_weights": [flat(w) for w in model.get_weights()],
    }


def cases():
    """A categorical and a binary case per optimizer family."""
    return [run(spec) for spec in _specs()]


def write(out_dir):
    """Writes keras_fit.json."""
    write_fixture(out_dir, "keras_fit.json", versions("keras", "jax", "jaxlib", "numpy"), cases(), notes=NOTES)


NOTES = [
    "Keras 3 on the JAX backend: model.fit(x, y, batch_size, epochs, shuffle=False, validation_data) with "
    "metrics ['accuracy'] (binary accuracy at threshold 0.5 for the one-unit sigmoid output, categorical "
    "accuracy otherwise). final_weights is get_weights() after the last epoch.",
    "An epoch's loss and accuracy are means over its batches weighted by batch size, each batch's value taken "
    "before that batch's update; val_* use the end-of-epoch weights.",
]
