"""Shared helpers: package versions, seeded data, and the JSON writer of the fixtures."""

import json
import math
import platform
from importlib import metadata
from pathlib import Path

import numpy as np

GENERATOR = "scripts/reference/generate.py"


def versions(*packages):
    """The installed version of each named distribution, plus Python's."""
    found = {"python": platform.python_version()}
    for name in packages:
        found[name] = metadata.version(name)
    return found


def floats(array):
    """A nested list of Python floats holding every value of `array` at full precision.

    float32 values widen to float64 exactly, so the JSON text round-trips to the same float32.
    """
    return np.asarray(array).astype(np.float64).tolist()


def flat(array):
    """The values of `array` flattened row-major, as Python floats."""
    return floats(np.asarray(array).reshape(-1))


def _sanitize(value):
    # JSON has no NaN or infinity: NaN becomes null; an infinity is an error to fix at its source.
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            raise ValueError(f"infinite value in a fixture: {value}")
        return value
    if isinstance(value, dict):
        return {key: _sanitize(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_sanitize(item) for item in value]
    if isinstance(value, (np.floating,)):
        return _sanitize(float(value))
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def write_fixture(out_dir, file_name, package_versions, cases, **extra):
    """Writes one fixture file: generator, versions, any extra top-level notes, then the cases."""
    document = {"generator": GENERATOR, "versions": package_versions}
    document.update(extra)
    document["cases"] = cases
    path = Path(out_dir) / file_name
    text = json.dumps(_sanitize(document), indent=1, allow_nan=False)
    path.write_text(text + "\n")
    size = path.stat().st_size
    print(f"wrote {path} ({len(cases)} cases, {size / 1024:.1f} KiB)")
    if size > 2 * 1024 * 1024:
        raise RuntimeError(f"{path} is {size} bytes; fixtures must stay under 2 MB")


def dense_weights(rng, input_width, units):
    """Initial weights for a Dense stack in Keras order: per layer its kernel (in × out), then its bias.

    Kernels are glorot-uniform draws; biases are small non-zero draws so bias updates show.
    """
    weights = []
    fan_in = input_width
    for width in units:
        limit = math.sqrt(6.0 / (fan_in + width))
        weights.append(rng.uniform(-limit, limit, size=(fan_in, width)).astype(np.float32))
        weights.append(rng.uniform(-0.1, 0.1, size=(width,)).astype(np.float32))
        fan_in = width
    return weights
