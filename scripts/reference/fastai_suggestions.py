"""fastai_suggestions.json: fastai's lr_find on scripted loss curves and its four suggestions."""

import contextlib
import functools
import io
import json
import math
import shutil
import tempfile
from pathlib import Path

import numpy as np
import torch
from fastai.basics import DataLoaders, Learner, SGD
from fastai.callback.schedule import minimum, slide, steep, valley

from common import floats, versions, write_fixture

START_LR, END_LR, NUM_IT = 1e-7, 10.0, 100
SUGGESTIONS = {"minimum": minimum, "steep": steep, "valley": valley, "slide": slide}


def curve(seed, floor, top, drop_at, sharpness, explode_at, growth, noise, nan_from=None):
    """Raw per-batch losses of a synthetic range test: a plateau, a drop, then a blow-up, with noise.

    Loss is a function of log10(lr) at the rate fastai uses for batch i: start·(end/start)^(i/num_it).
    """
    rng = np.random.default_rng(seed)
    u = np.log10(START_LR) + (np.log10(END_LR) - np.log10(START_LR)) * np.arange(NUM_IT) / NUM_IT
    clean = floor + (top - floor) / (1 + np.exp((u - drop_at) * sharpness)) + np.exp((u - explode_at) * growth)
    losses = clean * (1 + noise * rng.normal(size=NUM_IT))
    if nan_from is not None:
        losses[nan_from:] = np.nan
    return losses.astype(np.float32)


CURVES = [
    ("u_shaped_noisy", curve(1, floor=0.45, top=2.3, drop_at=-3.0, sharpness=2.5, explode_at=-0.5, growth=3.0,
                             noise=0.03)),
    ("u_shaped_smooth", curve(2, floor=0.3, top=1.1, drop_at=-2.0, sharpness=3.0, explode_at=0.0, growth=2.5,
                              noise=0.0)),
    ("nan_tail", curve(3, floor=0.6, top=2.3, drop_at=-3.5, sharpness=2.0, explode_at=1.0, growth=1.5, noise=0.02,
                       nan_from=78)),
    ("early_divergence", curve(4, floor=1.2, top=2.3, drop_at=-4.5, sharpness=3.0, explode_at=-2.5, growth=4.0,
                               noise=0.02)),
    ("decreasing_to_the_end", curve(5, floor=0.2, top=1.5, drop_at=-1.0, sharpness=1.5, explode_at=8.0,
                                    growth=1.0, noise=0.01)),
    ("heavy_noise", curve(6, floor=0.9, top=1.6, drop_at=-2.5, sharpness=2.0, explode_at=0.2, growth=3.0,
                          noise=0.15)),
]


def swift_circles():
    """The batch losses of TrainBook's own range test on circles (1000 samples, noise 0.03, seed 42; a 4 relu ->
    4 relu -> 1 sigmoid network; Adam), recorded by Tests/TrainKitTests/FastaiFixtureTests.swift: fastai's lr_find
    replays them, so its suggestions can be set against TrainBook's on the tutorials' problem."""
    recorded = json.loads((Path(__file__).resolve().parents[2] / "Tests" / "TrainKitTests" / "Fixtures"
                           / "circles_lr_find_swift.json").read_text())
    return np.array([np.nan if value is None else value for value in recorded["raw_losses"]], dtype=np.float32)


CURVES.append(("circles_swift", swift_circles()))


def lr_find(raw):
    """Runs the real Learner.lr_find with a loss function that returns raw[i] for batch i.

    Returns the recorder's lrs and smoothed losses, each suggestion, and the exact inputs the suggestion
    functions received (lr_find slices [num_it//10:-5] and cuts at the first NaN before calling them).
    """
    calls = {"count": 0}

    def scripted_loss(prediction, target):
        value = raw[min(calls["count"], len(raw) - 1)]
        calls["count"] += 1
        return prediction.sum() * 0 + torch.tensor(value, dtype=torch.float32)

    received = {}

    def recording(function):
        @functools.wraps(function)
        def wrapper(lrs, losses, num_it):
            received["lrs"], received["losses"] = lrs.clone(), losses.clone()
            return function(lrs, losses, num_it)
        return wrapper

    zeros = torch.zeros(16, 1)
    data = DataLoaders.from_dsets(list(zip(zeros, zeros)), list(zip(zeros, zeros)), bs=4, device="cpu",
                                   num_workers=0)
    folder = tempfile.mkdtemp()
    try:
        learner = Learner(data, torch.nn.Linear(1, 1), loss_func=scripted_loss, opt_func=SGD, path=folder)
        with learner.no_bar(), contextlib.redirect_stdout(io.StringIO()):
            found = learner.lr_find(start_lr=START_LR, end_lr=END_LR, num_it=NUM_IT, show_plot=False,
                                    suggest_funcs=tuple(recording(f) for f in SUGGESTIONS.values()))
    finally:
        shutil.rmtree(folder)
    return {
        "lrs": [float(lr) for lr in learner.recorder.lrs],
        "losses": [float(loss) for loss in learner.recorder.losses],
        "raw_losses": floats(raw[:calls["count"]]),
        "suggestion_inputs": {"lrs": floats(received["lrs"].numpy()), "losses": floats(received["losses"].numpy())},
        **{name: float(getattr(found, name)) for name in SUGGESTIONS},
    }


def cases():
    """One case per scripted curve."""
    out = []
    for name, raw in CURVES:
        result = lr_find(raw)
        assert all(math.isfinite(result[key]) for key in SUGGESTIONS), (name, result)
        out.append({"name": name, "num_it": NUM_IT, "start_lr": START_LR, "end_lr": END_LR, **result})
    return out


def write(out_dir):
    """Writes fastai_suggestions.json."""
    write_fixture(out_dir, "fastai_suggestions.json", versions("fastai", "fastcore", "torch", "numpy"), cases(),
                  notes=NOTES)


NOTES = [
    "Learner.lr_find(start_lr=1e-7, end_lr=10, num_it=100) of the installed fastai, on a learner whose loss "
    "function returns raw_losses[i] for batch i, so the curve is scripted while everything else is fastai's.",
    "lrs and losses are the Recorder's: lrs[i] = start_lr*(end_lr/start_lr)^(i/num_it) (float64) and the "
    "smoothed loss (beta 0.98 with bias correction, float32). lr_find stops after the batch whose smoothed "
    "loss exceeds 4 times its minimum (so the curve may be shorter than num_it) or after num_it batches; a NaN "
    "never exceeds, so a NaN tail runs to num_it.",
    "suggestion_inputs are the exact tensors lr_find passed to minimum/steep/valley/slide: "
    "lrs[num_it//10:-5] and losses[num_it//10:-5] as float32, cut before the first NaN. The four suggestions "
    "are computed on these float32 values.",
]
