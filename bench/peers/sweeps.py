"""The tutorials' learning-rate sweeps in Keras and scikit-learn, for bench/run.sh.

The experiments match bench/Sources/TrainBookBench (Experiments.swift) and train on the CSV files
that `trainbook-bench data --out DIRECTORY` writes, so every framework sees the same numbers:

- iris: 4 -> 50 relu (he_uniform) -> 12 relu -> 3 softmax, SGD at 0.2, 0.1, 0.03, 0.01, batch 32,
  20 epochs, validation each epoch (Keras `fit`).
- bmi: 3 -> 128 relu -> 64 relu -> 6 softmax, SGD at 1e-7 ... 1, batch 32, 200 epochs, validation each
  epoch (Keras `fit`).
- sgd: scikit-learn's SGDRegressor(learning_rate="constant", eta0=1e-7 ... 1, shuffle=True) on the raw
  features, 200 `partial_fit` passes per rate with the training and test MSE after each; after the
  overflow error a rate records NaN without further passes, as TrainBook's diverged regressor does.

    python sweeps.py keras-iris|keras-bmi|sklearn-sgd --data DIRECTORY [--repeats R]

Prints `RESULT <wall seconds> <cpu seconds>`: the best of R timed runs after an untimed warm-up.
For Keras that is the steady state: every rate's model has compiled its train and test steps in an
untimed one-epoch fit (its weights are then restored). `RESULT_WITH_COMPILE <wall> <cpu>` is the
sweep as a tutorial runs it, a fresh model per rate, so each compiles its steps inside the time.
"""
import argparse
import os
import warnings

import numpy as np

from common import best, format4, load

RATES = {"iris": [0.2, 0.1, 0.03, 0.01], "bmi": [10.0 ** e for e in range(-7, 1)]}
EPOCHS = {"iris": 20, "bmi": 200}


def keras_sweep(name, directory, repeats):
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras

    train_x, train_y = load(directory, name, "train")
    test_x, test_y = load(directory, name, "test")

    def make(rate):
        keras.utils.set_random_seed(42)
        if name == "iris":
            layers = [keras.layers.Dense(50, activation="relu", kernel_initializer="he_uniform"),
                      keras.layers.Dense(12, activation="relu"), keras.layers.Dense(3, activation="softmax")]
        else:
            layers = [keras.layers.Dense(128, activation="relu"), keras.layers.Dense(64, activation="relu"),
                      keras.layers.Dense(6, activation="softmax")]
        model = keras.Sequential([keras.Input((train_x.shape[1],))] + layers)
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=rate), loss="categorical_crossentropy",
                      metrics=["accuracy"])
        return model

    def fit(model, epochs):
        return model.fit(train_x, train_y, epochs=epochs, batch_size=32, validation_data=(test_x, test_y),
                         verbose=0)

    def summary(histories):
        return "last val_accuracy " + " ".join(format4(h.history["val_accuracy"][-1]) for h in histories)

    fit(make(0.1), 1)  # warm-up: imports, the JAX backend, the first compilations in this process

    def as_tutorial():  # a fresh model per rate: each compiles its train and test steps
        return [fit(make(rate), EPOCHS[name]) for rate in RATES[name]]

    _, compile_wall, compile_cpu, compile_log = best(repeats, as_tutorial)

    def warmed_models():
        models = []
        for rate in RATES[name]:
            model = make(rate)
            weights = model.get_weights()
            fit(model, 1)  # compiles the steps for both batch shapes (full and last partial batch)
            model.set_weights(weights)  # plain SGD at a constant rate keeps no other state that matters
            models.append(model)
        return models

    def steady(models):
        return [fit(model, EPOCHS[name]) for model in models]

    runs = []
    for _ in range(repeats):
        models = warmed_models()
        runs.append(best(1, lambda: steady(models)))
    histories = runs[-1][0]
    wall, cpu = min(r[1] for r in runs), min(r[2] for r in runs)
    steady_log = "; ".join(r[3] for r in runs)
    print(f"keras {name} sweep: keras {keras.__version__}, backend {keras.backend.backend()}; "
          f"compiled: {steady_log}; fresh models: {compile_log}; {summary(histories)}")
    print(f"RESULT {wall} {cpu}")
    print(f"RESULT_WITH_COMPILE {compile_wall} {compile_cpu}")


def sklearn_sweep(directory, repeats):
    import sklearn
    from sklearn.linear_model import SGDRegressor
    from sklearn.metrics import mean_squared_error

    warnings.simplefilter("ignore")  # overflow warnings of the diverging rate
    train_x, train_y = (a.astype(np.float64) for a in load(directory, "regression", "train"))
    test_x, test_y = (a.astype(np.float64) for a in load(directory, "regression", "test"))
    train_y, test_y = train_y.ravel(), test_y.ravel()

    def curves(eta0, passes):
        regressor = SGDRegressor(learning_rate="constant", eta0=eta0, shuffle=True, random_state=42)
        finite_passes, diverged, train_errors, test_errors = 0, False, [], []
        for _ in range(passes):
            if not diverged:
                try:
                    regressor.partial_fit(train_x, train_y)
                    finite_passes += 1
                except ValueError:  # "Floating-point under-/overflow occurred at epoch #N ..."
                    diverged = True
            if diverged:  # the tutorial's loop goes on, recording NaN, as TrainBook's regressor does
                train_errors.append(float("nan"))
                test_errors.append(float("nan"))
                continue
            train_errors.append(mean_squared_error(train_y, regressor.predict(train_x)))
            test_errors.append(mean_squared_error(test_y, regressor.predict(test_x)))
        return finite_passes, train_errors, test_errors

    curves(0.01, 1)  # warm-up: imports and first calls
    results, wall, cpu, log = best(repeats, lambda: [curves(eta0, 200) for eta0 in RATES["bmi"]])
    passes = " ".join(str(finite) for finite, _, _ in results)
    last = " ".join(format4(test[-1] if test else None) for _, _, test in results)
    print(f"sklearn SGDRegressor sweep: scikit-learn {sklearn.__version__}; {log}; passes {passes}; "
          f"last test MSE {last}")
    print(f"RESULT {wall} {cpu}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("experiment", choices=["keras-iris", "keras-bmi", "sklearn-sgd"])
    parser.add_argument("--data", required=True, help="the folder `trainbook-bench data --out` wrote")
    parser.add_argument("--repeats", type=int, default=1)
    arguments = parser.parse_args()
    if arguments.experiment == "sklearn-sgd":
        sklearn_sweep(arguments.data, arguments.repeats)
    else:
        keras_sweep(arguments.experiment.split("-")[1], arguments.data, arguments.repeats)


if __name__ == "__main__":
    main()
