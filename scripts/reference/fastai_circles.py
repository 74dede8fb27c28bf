"""fastai's suggestions on the LR range test TrainBook recorded on the circles problem.

Tests/TrainKitTests/Fixtures/circles_lr_find_swift.json holds the rates and smoothed losses of
TrainBook's `findLearningRate` on circles (1000 samples, noise 0.03, seed 42; a 4 relu -> 4 relu ->
1 sigmoid network; Adam), as fastai's Recorder would hold them after `lr_find(num_it=100)`.
`circles_swift_case()` slices them as `lr_find` does and runs fastai's four suggestion functions
on them: fastai_suggestions.py adds the returned case to fastai_suggestions.json.
"""

import json
import math
from pathlib import Path

import torch
from fastai.callback.schedule import minimum, slide, steep, valley

RECORDED = Path(__file__).resolve().parents[2] / "Tests" / "TrainKitTests" / "Fixtures" / "circles_lr_find_swift.json"


def circles_swift_case():
    """The recorded curve with fastai's minimum, steep, valley and slide, as `lr_find` computes them."""
    recorded = json.loads(RECORDED.read_text())
    num_it = recorded["num_it"]
    all_lrs = recorded["lrs"]
    all_losses = [math.nan if value is None else value for value in recorded["losses"]]
    # lr_find: drop the first num_it // 10 points and the last 5, then cut at the first NaN loss.
    lrs, losses = torch.tensor(all_lrs[num_it // 10:-5]), torch.tensor(all_losses[num_it // 10:-5])
    nan_indices = torch.nonzero(torch.isnan(losses.view(-1)))
    if len(nan_indices) > 0:
        drop = min(nan_indices)
        lrs, losses = lrs[:drop], losses[:drop]
    case = {"name": "circles_swift_curve", "num_it": num_it, "lrs": all_lrs, "losses": all_losses}
    for function in (minimum, steep, valley, slide):
        case[function.__name__] = float(function(lrs, losses, num_it)[0])
    return case
