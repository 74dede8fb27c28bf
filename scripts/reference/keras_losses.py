"""keras_losses.json: each Keras loss on small batches, its batch-mean value and d(value)/d(y_pred)."""

import jax
import jax.numpy as jnp
import numpy as np

from common import floats, versions, write_fixture
from keras_models import keras_targets, loss_config, make_loss

F = np.float32

# Predictions at exactly 0 and 1 exercise the clip to [1e-7, 1 - 1e-7]; one row of the categorical cases
# does not sum to 1, exercising the renormalisation.
PROBABILITIES = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.2, 0.7, 0.1], [0.5, 0.25, 0.25], [0.3, 0.3, 0.6]]
ONE_HOT = [[1.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 1.0]]
LOGITS = [[2.0, -1.0, 0.5], [0.0, 0.0, 0.0], [-3.0, 4.0, 1.0], [10.0, -10.0, 0.0], [0.7, 0.2, -0.4]]
LABELS = [[0.0], [0.0], [1.0], [2.0], [2.0]]
BINARY_TRUE = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0], [1.0, 0.0]]
BINARY_PRED = [[1.0, 0.0], [1.0, 0.0], [0.9, 0.3], [0.2, 0.6], [0.5, 1.0]]
BINARY_LOGITS = [[3.0, -2.0], [-20.0, 20.0], [0.5, 0.0], [-1.5, 2.5], [40.0, -40.0]]
REGRESSION_TRUE = [[0.5, -1.0, 2.0], [1.5, 0.0, -0.5], [-2.0, 1.0, 0.25]]
# No prediction equals its target: |x| has no derivative at 0, and each framework picks its own value there.
REGRESSION_PRED = [[0.0, -0.5, 3.0], [1.0, 1.0, 0.0], [-1.0, 1.5, -0.75]]

SPECS = [
    ("categorical_crossentropy", loss_config("categorical_crossentropy"), ONE_HOT, PROBABILITIES),
    ("categorical_crossentropy_from_logits", loss_config("categorical_crossentropy", True), ONE_HOT, LOGITS),
    ("sparse_categorical_crossentropy", loss_config("sparse_categorical_crossentropy"), LABELS, PROBABILITIES),
    ("sparse_categorical_crossentropy_from_logits", loss_config("sparse_categorical_crossentropy", True), LABELS,
     LOGITS),
    ("binary_crossentropy", loss_config("binary_crossentropy"), BINARY_TRUE, BINARY_PRED),
    ("binary_crossentropy_single_column", loss_config("binary_crossentropy"), [[1.0], [0.0], [1.0], [0.0]],
     [[0.0], [1.0], [0.75], [0.125]]),
    ("binary_crossentropy_from_logits", loss_config("binary_crossentropy", True), BINARY_TRUE, BINARY_LOGITS),
    ("mean_squared_error", loss_config("mean_squared_error"), REGRESSION_TRUE, REGRESSION_PRED),
    ("mean_absolute_error", loss_config("mean_absolute_error"), REGRESSION_TRUE, REGRESSION_PRED),
]


def case(name, loss, y_true, y_pred):
    """The loss value and its gradient with respect to the predictions, from jax.grad through Keras."""
    function = make_loss(loss)
    targets = jnp.asarray(keras_targets(loss, y_true))
    predictions = jnp.asarray(np.asarray(y_pred, dtype=F))
    value, gradient = jax.value_and_grad(lambda p: function(targets, p))(predictions)
    return {
        "name": name,
        "loss": loss,
        "y_true": floats(np.asarray(y_true, dtype=F)),
        "y_pred": floats(np.asarray(y_pred, dtype=F)),
        "value": float(value),
        "gradient": floats(gradient),
    }


def cases():
    """One case per loss and logits variant."""
    return [case(*spec) for spec in SPECS]


def write(out_dir):
    """Writes keras_losses.json."""
    write_fixture(out_dir, "keras_losses.json", versions("keras", "jax", "jaxlib", "numpy"), cases(), notes=NOTES)


NOTES = [
    "Keras 3 loss objects (reduction sum_over_batch_size) on the JAX backend in float32; gradient is "
    "jax.grad of the batch-mean value with respect to y_pred.",
    "Probabilities are clipped to [1e-7, 1 - 1e-7] (categorical ones after dividing by their row sum); a "
    "clipped entry gets a zero gradient through the clip.",
    "The TensorFlow backend differs: it recovers logits from a softmax/sigmoid output inside a model. The "
    "JAX backend, used here and by keras_optimizers.json and keras_fit.json, always clips.",
]
