"""Small seeded data sets shared by the Keras traces: classification, binary and regression."""

import numpy as np


def features(rng, rows, width):
    """Standard-normal features in float32."""
    return rng.normal(size=(rows, width)).astype(np.float32)


def one_hot(labels, classes):
    """Rows of one-hot float32 targets."""
    out = np.zeros((len(labels), classes), dtype=np.float32)
    out[np.arange(len(labels)), labels] = 1.0
    return out


def classes_problem(seed, rows, width=4, classes=3):
    """Features and integer labels that depend on the features (so training makes progress)."""
    rng = np.random.default_rng(seed)
    x = features(rng, rows, width)
    mixing = rng.normal(size=(width, classes))
    labels = np.argmax(x @ mixing + 0.5 * rng.normal(size=(rows, classes)), axis=1)
    return x, labels


def categorical(seed, rows, width=4, classes=3):
    """x and one-hot y for a 3-class problem."""
    x, labels = classes_problem(seed, rows, width, classes)
    return x, one_hot(labels, classes)


def sparse(seed, rows, width=4, classes=3):
    """x and a single column of integer labels (stored as floats) for a 3-class problem."""
    x, labels = classes_problem(seed, rows, width, classes)
    return x, labels.reshape(-1, 1).astype(np.float32)


def binary(seed, rows, width=4):
    """x and a single column of 0/1 targets."""
    rng = np.random.default_rng(seed)
    x = features(rng, rows, width)
    direction = rng.normal(size=(width,))
    y = ((x @ direction + 0.5 * rng.normal(size=rows)) > 0).astype(np.float32)
    return x, y.reshape(-1, 1)


def regression(seed, rows, width=4, outputs=2):
    """x and real-valued targets of a noisy linear map."""
    rng = np.random.default_rng(seed)
    x = features(rng, rows, width)
    y = (x @ rng.normal(size=(width, outputs)) + 0.1 * rng.normal(size=(rows, outputs))).astype(np.float32)
    return x, y
