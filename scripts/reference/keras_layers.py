"""keras_layers.json: per-step traces of Dense-BatchNormalization-Dense and Dense-Dropout(0)-Dense models."""

import keras
import numpy as np

import problems
from common import dense_weights, flat, floats, versions, write_fixture
from keras_models import keras_targets, loss_config, make_loss, make_optimizer, optimizer_config

ROWS = 16
STEPS = 8
HIDDEN = 5


def _bn_weights(rng):
    """Non-trivial gamma, beta, moving mean and moving variance, so every term of the layer shows."""
    return [rng.uniform(0.5, 1.5, size=HIDDEN).astype(np.float32),
            rng.uniform(-0.2, 0.2, size=HIDDEN).astype(np.float32),
            rng.uniform(-0.3, 0.3, size=HIDDEN).astype(np.float32),
            rng.uniform(0.5, 2.0, size=HIDDEN).astype(np.float32)]


def _specs():
    """BatchNormalization under SGD with momentum and under Adam, frozen once; Dropout at rate 0."""
    x, y = problems.categorical(seed=41, rows=ROWS)
    x_eval, y_eval = problems.categorical(seed=42, rows=6)
    dense = dense_weights(np.random.default_rng(401), 4, [HIDDEN, 3])
    bn = _bn_weights(np.random.default_rng(402))
    with_bn = dense[:2] + bn + dense[2:]
    common = dict(x=x, y=y, x_eval=x_eval, y_eval=y_eval, loss=loss_config("categorical_crossentropy"))
    sgd = optimizer_config("sgd", learning_rate=0.1, momentum=0.9)
    adam = optimizer_config("adam", learning_rate=0.02)
    yield dict(common, name="batch_normalization_sgd_momentum", optimizer=sgd, batch_size=4,
               middle={"kind": "batch_normalization", "momentum": 0.99, "epsilon": 0.001},
               initial_weights=with_bn)
    yield dict(common, name="batch_normalization_adam", optimizer=adam, batch_size=5,
               middle={"kind": "batch_normalization", "momentum": 0.8, "epsilon": 0.01},
               initial_weights=with_bn)
    yield dict(common, name="batch_normalization_frozen_sgd", optimizer=sgd, batch_size=4,
               middle={"kind": "batch_normalization", "momentum": 0.9, "epsilon": 0.001, "trainable": False},
               initial_weights=with_bn)
    yield dict(common, name="dropout_rate_0_sgd_momentum", optimizer=sgd, batch_size=4,
               middle={"kind": "dropout", "rate": 0.0}, initial_weights=dense)


def _model(spec):
    """Dense(5, relu) → the middle layer → Dense(3, softmax), holding the initial weights."""
    middle = spec["middle"]
    if middle["kind"] == "batch_normalization":
        layer = keras.layers.BatchNormalization(momentum=middle["momentum"], epsilon=middle["epsilon"])
        layer.trainable = middle.get("trainable", True)
    else:
        layer = keras.layers.Dropout(middle["rate"])
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(HIDDEN, activation="relu"), layer,
                              keras.layers.Dense(3, activation="softmax")])
    model.set_weights([np.asarray(w, dtype=np.float32) for w in spec["initial_weights"]])
    return model


def trace(spec):
    """train_on_batch steps on rows (step·batch + i) mod len(x), then inference on the evaluation rows."""
    x, y = spec["x"], spec["y"]
    model = _model(spec)
    model.compile(optimizer=make_optimizer(spec["optimizer"]), loss=make_loss(spec["loss"]))
    targets = keras_targets(spec["loss"], y)
    batch = spec["batch_size"]
    losses, weights_after = [], []
    for step in range(STEPS):
        rows = [(step * batch + i) % len(x) for i in range(batch)]
        losses.append(float(model.train_on_batch(x[rows], targets[rows])))
        weights_after.append([flat(w) for w in model.get_weights()])
    return {
        "name": spec["name"],
        "optimizer": spec["optimizer"],
        "loss": spec["loss"],
        "middle": spec["middle"],
        "x": floats(x),
        "y": floats(y),
        "batch_size": batch,
        "initial_weights": [flat(w) for w in spec["initial_weights"]],
        "step_losses": losses,
        "weights_after_step": weights_after,
        "x_eval": floats(spec["x_eval"]),
        "y_eval": floats(spec["y_eval"]),
        "predictions": floats(model.predict(spec["x_eval"], verbose=0)),
        "evaluate_loss": float(model.evaluate(spec["x_eval"], keras_targets(spec["loss"], spec["y_eval"]),
                                              verbose=0)),
    }


def cases():
    """Every layer case."""
    return [trace(spec) for spec in _specs()]


def write(out_dir):
    """Writes keras_layers.json."""
    write_fixture(out_dir, "keras_layers.json", versions("keras", "jax", "jaxlib", "numpy"), cases(), notes=NOTES)


NOTES = [
    "Keras 3 on the JAX backend, float32. Dense(5, relu) -> middle -> Dense(3, softmax), categorical "
    "cross-entropy. Each step is model.train_on_batch on rows (step*batch_size + i) mod len(x); step_losses[k] is "
    "the loss computed before step k's update; weights_after_step[k] is get_weights() after it: kernel and bias "
    "per Dense layer and, for BatchNormalization, gamma, beta, moving_mean, moving_variance.",
    "predictions is model.predict(x_eval) and evaluate_loss model.evaluate(x_eval, y_eval) after the last step: "
    "inference mode, which normalizes with the moving statistics and passes Dropout through.",
    "A frozen BatchNormalization (trainable = False) runs in inference mode even while the model trains.",
]
