"""sklearn_sgdregressor.json: SGDRegressor(shuffle=False) coefficients after 1, 5 and 200 partial_fit passes."""

import warnings

import numpy as np
from sklearn.linear_model import SGDRegressor

from common import floats, versions, write_fixture

PASSES = [1, 5, 200]
ROWS = 20
# The arguments every case spells out; the rest keep scikit-learn's defaults and do not act in partial_fit.
RECORDED = ["loss", "penalty", "alpha", "l1_ratio", "learning_rate", "eta0", "power_t", "fit_intercept", "shuffle",
            "epsilon", "average"]


def data(seed, scale=1.0):
    """A noisy linear problem; values are float32-representable so a Float32 reader sees the same inputs."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(ROWS, 4)) * scale + np.array([0.5, -1.0, 2.0, 0.0]) * scale
    y = x @ np.array([1.5, -2.0, 0.5, 3.0]) / scale + 4.0 + 0.2 * rng.normal(size=ROWS)
    return x.astype(np.float32).astype(np.float64), y.astype(np.float32).astype(np.float64)


def config_of(regressor):
    """The recorded scikit-learn arguments of `regressor`."""
    parameters = regressor.get_params()
    return {name: parameters[name] for name in RECORDED}


def run(name, arguments, x, y, passes, input_dtype=np.float64):
    """partial_fit passes over (x, y), recording coef_, intercept_ and t_ after each pass in `passes`.

    A pass that raises ends the case; its message and the 1-based pass are recorded.
    """
    regressor = SGDRegressor(shuffle=False, random_state=0, **arguments)
    case = {"name": name, "config": config_of(regressor), "input_dtype": np.dtype(input_dtype).name,
            "x": floats(x), "y": floats(y), "passes": [], "coef_after": [], "intercept_after": [], "t_after": []}
    for count in range(1, max(passes) + 1):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                regressor.partial_fit(x.astype(input_dtype), y.astype(input_dtype))
        except ValueError as error:
            case["error"] = str(error)
            case["error_pass"] = count
            break
        if count in passes:
            case["passes"].append(count)
            case["coef_after"].append(floats(regressor.coef_))
            case["intercept_after"].append(float(regressor.intercept_[0]))
            case["t_after"].append(float(regressor.t_))
    return case


def cases():
    """Every penalty × learning-rate schedule × fit_intercept, the defaults, a float32 run, and divergences."""
    out = []
    x, y = data(seed=5)
    for penalty in ["l2", "l1", "elasticnet"]:
        for learning_rate in ["constant", "invscaling", "optimal", "adaptive"]:
            for fit_intercept in [True, False]:
                # 'optimal' starts at eta = alpha^(-1/4); a small alpha makes its first passes blow up and then
                # amplify a 1e-6 change of the inputs into a different answer, useless as a reference.
                alpha = 1.0 if learning_rate == "optimal" else 0.01
                arguments = dict(penalty=penalty, learning_rate=learning_rate, fit_intercept=fit_intercept,
                                 alpha=alpha, l1_ratio=0.5, eta0=0.01, power_t=0.25)
                name = f"{penalty}_{learning_rate}_{'intercept' if fit_intercept else 'no_intercept'}"
                out.append(run(name, arguments, x, y, PASSES))
    out.append(run("defaults", {}, x, y, PASSES))
    out.append(run("l2_constant_float32", dict(learning_rate="constant", eta0=0.01), x, y, PASSES,
                   input_dtype=np.float32))
    # Unscaled features (about 100 times larger) with a large step: the weights blow up to about 1e13 but stay
    # finite, because scikit-learn clips dloss to ±1e12 before each update, so no error is raised.
    big_x, big_y = data(seed=6, scale=100.0)
    out.append(run("diverging_unscaled_no_error", dict(learning_rate="constant", eta0=0.1), big_x, big_y, PASSES))
    # Only a step so large that eta0·1e12·x overflows the coefficients' type raises the error.
    huge_x, huge_y = data(seed=7, scale=1e4)
    for dtype, eta0 in [(np.float32, 1e20), (np.float64, 1e300)]:
        name = f"overflow_error_{np.dtype(dtype).name}"
        case = run(name, dict(learning_rate="constant", eta0=eta0), huge_x, huge_y, PASSES, input_dtype=dtype)
        assert "error" in case, f"{name} must raise"
        out.append(case)
    return out


def write(out_dir):
    """Writes sklearn_sgdregressor.json."""
    write_fixture(out_dir, "sklearn_sgdregressor.json", versions("scikit-learn", "numpy"), cases(), notes=NOTES)


NOTES = [
    "SGDRegressor(shuffle=False, random_state=0, **config); one partial_fit call per pass over all rows in order. "
    "coef_after[i], intercept_after[i] and t_after[i] are read after passes[i] passes. Computed in float64 "
    "(input_dtype) unless input_dtype is float32, where scikit-learn keeps float32 coefficients.",
    "With partial_fit, 'adaptive' acts like 'constant': its eta/5 step needs n_iter_no_change epochs without "
    "improvement inside one call, and each partial_fit call runs one epoch.",
    "'optimal' uses eta = 1/(alpha*(t + t0)) with Bottou's t0 heuristic; l1 and elasticnet use the cumulative "
    "truncated-gradient L1 step of Tsuruoka et al. (2009), as scikit-learn's _plain_sgd does.",
    "A case with 'error' raised ValueError at pass error_pass (1-based), a partial_fit call, whose message always "
    "says epoch #1 since each call is one epoch; passes, coef_after, ... hold only the passes before it.",
    "With squared_error the clip of dloss to ±1e12 bounds each update by eta*1e12*|x|, so realistic unscaled data "
    "makes the weights huge (diverging_unscaled_no_error) but never non-finite: the overflow error needs "
    "eta0*1e12*|x| beyond the float range of the coefficients (overflow_error_*).",
]
