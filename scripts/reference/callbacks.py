"""callbacks.json: Keras ReduceLROnPlateau and EarlyStopping driven epoch by epoch with recorded logs."""

import warnings

import keras
import numpy as np

from common import versions, write_fixture

NAN = float("nan")
PLATEAU_DEFAULTS = {"monitor": "val_loss", "factor": 0.1, "patience": 10, "mode": "auto", "min_delta": 1e-4,
                    "cooldown": 0, "min_lr": 0.0}
STOPPING_DEFAULTS = {"monitor": "val_loss", "min_delta": 0.0, "patience": 0, "mode": "auto", "baseline": None,
                     "restore_best_weights": False, "start_from_epoch": 0}


def dummy_model(initial_lr):
    """A compiled one-unit model whose 'accuracy' metric is built, so mode 'auto' can find its direction."""
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=initial_lr), loss="binary_crossentropy",
                  metrics=["accuracy"])
    model.evaluate(np.zeros((2, 2), dtype=np.float32), np.zeros((2, 1), dtype=np.float32), verbose=0)
    return model


def plateau_case(name, monitored, initial_lr=0.1, **arguments):
    """Runs ReduceLROnPlateau on the monitored values, recording the rate after each epoch's callback."""
    config = dict(PLATEAU_DEFAULTS, **arguments)
    model = dummy_model(initial_lr)
    callback = keras.callbacks.ReduceLROnPlateau(**config)
    callback.set_model(model)
    callback.on_train_begin()
    rates, logged = [], []
    for epoch, value in enumerate(monitored):
        logs = {config["monitor"]: value}
        callback.on_epoch_end(epoch, logs)
        logged.append(logs["learning_rate"])
        rates.append(float(keras.ops.convert_to_numpy(model.optimizer.learning_rate)))
    return {"name": name, "callback": "reduce_lr_on_plateau", "config": config, "monitored": monitored,
            "initial_lr": initial_lr, "learning_rates": rates, "logged_learning_rates": logged}


def stopping_case(name, monitored, **arguments):
    """Runs EarlyStopping as fit would: stop after the epoch that sets stop_training, restore at train end.

    Before each epoch's callback the model's weights are set to that epoch's index, so the weights left at
    the end tell which epoch's weights were restored.
    """
    config = dict(STOPPING_DEFAULTS, **arguments)
    model = dummy_model(0.1)
    model.stop_training = False
    callback = keras.callbacks.EarlyStopping(**config)
    callback.set_model(model)
    callback.on_train_begin()
    epochs_run = 0
    for epoch, value in enumerate(monitored):
        model.set_weights([np.full(w.shape, epoch, dtype=np.float32) for w in model.get_weights()])
        callback.on_epoch_end(epoch, {config["monitor"]: value})
        epochs_run = epoch + 1
        if model.stop_training:
            break
    callback.on_train_end()
    final_epoch = int(model.get_weights()[0].reshape(-1)[0])
    return {"name": name, "callback": "early_stopping", "config": config, "monitored": monitored,
            "initial_lr": 0.1, "epochs_run": epochs_run, "stopped_epoch": callback.stopped_epoch,
            "best_epoch": callback.best_epoch,
            "restored_weights_epoch": final_epoch if final_epoch != epochs_run - 1 else None}


def _plateau_cases():
    flat = [1.0, 0.8, 0.7] + [0.7] * 12
    return [
        plateau_case("plateau_factor_half_patience_2", flat, factor=0.5, patience=2),
        plateau_case("defaults_long_plateau", [2.0, 1.5, 1.2, 1.1] + [1.1] * 26),
        # Exactly min_delta better is no improvement: binary-exact values, then decimal ones whose float32
        # comparison Keras performs.
        plateau_case("min_delta_exact_binary", [2.0, 1.75, 1.5, 1.25, 1.0, 0.75, 0.5], factor=0.5, patience=1,
                     min_delta=0.25),
        plateau_case("min_delta_exact_decimal", [1.0, 0.99, 0.98, 0.97, 0.96, 0.95], factor=0.5, patience=1,
                     min_delta=0.01),
        plateau_case("min_delta_just_over", [1.0, 0.98, 0.96, 0.955, 0.95, 0.94, 0.92], factor=0.5, patience=1,
                     min_delta=0.01),
        plateau_case("cooldown", [1.0, 0.9] + [0.9] * 14, factor=0.5, patience=1, cooldown=2),
        plateau_case("cooldown_with_improvement", [1.0, 1.0, 1.0, 0.5, 0.5, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4],
                     factor=0.5, patience=2, cooldown=3),
        plateau_case("min_lr", [1.0] * 20, factor=0.1, patience=2, min_lr=1e-3),
        plateau_case("min_lr_not_a_power", [1.0] * 20, factor=0.3, patience=1, min_lr=0.004),
        plateau_case("mode_max_accuracy", [0.5, 0.6, 0.7, 0.7, 0.69, 0.7, 0.71, 0.71, 0.71, 0.71],
                     monitor="val_accuracy", mode="max", factor=0.5, patience=2, min_delta=0.0),
        plateau_case("mode_auto_accuracy", [0.5, 0.6, 0.7, 0.7, 0.69, 0.7, 0.71, 0.71, 0.71, 0.71],
                     monitor="val_accuracy", factor=0.5, patience=2, min_delta=0.0),
        plateau_case("mode_min_loss_explicit", [0.5, 0.4, 0.45, 0.5, 0.3, 0.35, 0.36], mode="min", factor=0.2,
                     patience=2),
        plateau_case("nan_in_middle", [1.0, 0.9, NAN, NAN, 0.8, NAN, NAN, NAN, 0.7], factor=0.5, patience=2),
        plateau_case("nan_first", [NAN, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5], factor=0.5, patience=2),
    ]


def _stopping_cases():
    rising = [1.0, 0.8, 0.7, 0.72, 0.71, 0.75, 0.8, 0.9, 1.0, 1.1]
    return [
        stopping_case("patience_3", rising, patience=3),
        stopping_case("patience_0", [1.0, 0.9, 0.95, 0.8], patience=0),
        stopping_case("min_delta", [1.0, 0.9, 0.895, 0.89, 0.885, 0.88, 0.87], patience=2, min_delta=0.01),
        stopping_case("restore_best_weights", rising, patience=3, restore_best_weights=True),
        stopping_case("restore_best_weights_not_stopped", [1.0, 0.8, 0.7, 0.75, 0.72], patience=5,
                      restore_best_weights=True),
        stopping_case("baseline_never_beaten", [0.9, 0.8, 0.7, 0.65, 0.6, 0.55], patience=2, baseline=0.5),
        stopping_case("baseline_beaten", [0.9, 0.6, 0.45, 0.4, 0.42, 0.43, 0.44], patience=2, baseline=0.5),
        stopping_case("mode_max_accuracy", [0.5, 0.6, 0.7, 0.7, 0.69, 0.7, 0.71, 0.7, 0.7],
                      monitor="val_accuracy", mode="max", patience=2),
        stopping_case("nan_values", [1.0, 0.9, NAN, NAN, NAN, 0.5], patience=2),
        stopping_case("start_from_epoch", [1.0, 1.1, 1.2, 1.3, 0.9, 1.0, 1.1, 1.2], patience=2,
                      start_from_epoch=3),
    ]


def cases():
    """The ReduceLROnPlateau cases, then the EarlyStopping ones."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _plateau_cases() + _stopping_cases()


def write(out_dir):
    """Writes callbacks.json."""
    write_fixture(out_dir, "callbacks.json", versions("keras", "jax", "jaxlib"), cases(), notes=NOTES)


NOTES = [
    "Real Keras callbacks on a compiled dummy model: on_train_begin, then on_epoch_end(epoch, {monitor: value}) "
    "per epoch (NaN is stored as null).",
    "ReduceLROnPlateau: learning_rates[e] is optimizer.learning_rate after epoch e's callback; "
    "logged_learning_rates[e] is the logs['learning_rate'] it wrote, the rate before any reduction. The rate "
    "is a float32 variable, so reduced rates are float32 roundings. Keras compares "
    "(current - min_delta) with best through backend ops, i.e. in float32 after a float64 subtraction "
    "(min_delta is negated in min mode); NaN never improves, except as the first value, which becomes best.",
    "EarlyStopping: the loop stops after the epoch whose callback sets model.stop_training, as fit does; "
    "epochs_run counts the epochs run, stopped_epoch and best_epoch are the callback's attributes (0-based; "
    "stopped_epoch 0 means it did not stop). restored_weights_epoch is the epoch whose weights on_train_end "
    "restored (null when the last epoch's weights stay). Keras 3 restores the best weights at train end even "
    "when it did not stop early.",
]
