"""keras_schedules.json: learning-rate schedules of Keras and PyTorch at steps 0..<1000."""

import warnings

import jax
import jax.numpy as jnp
import keras
import torch

from common import versions, write_fixture

STEPS = 1000
S = keras.optimizers.schedules


def _keras_cases():
    """(name, kind, schedule) for each Keras schedule and variant."""
    return [
        ("exponential_decay", "exponential_decay", S.ExponentialDecay(0.1, decay_steps=100, decay_rate=0.96)),
        ("exponential_decay_staircase", "exponential_decay",
         S.ExponentialDecay(0.1, decay_steps=100, decay_rate=0.5, staircase=True)),
        ("inverse_time_decay", "inverse_time_decay", S.InverseTimeDecay(0.1, decay_steps=100, decay_rate=0.5)),
        ("inverse_time_decay_staircase", "inverse_time_decay",
         S.InverseTimeDecay(0.1, decay_steps=100, decay_rate=0.5, staircase=True)),
        ("inverse_time_decay_legacy_decay", "inverse_time_decay",
         S.InverseTimeDecay(0.05, decay_steps=1, decay_rate=0.01)),
        ("piecewise_constant_decay", "piecewise_constant_decay",
         S.PiecewiseConstantDecay(boundaries=[100, 400, 700], values=[0.1, 0.05, 0.01, 0.001])),
        ("polynomial_decay_power_1", "polynomial_decay",
         S.PolynomialDecay(0.1, decay_steps=300, end_learning_rate=0.001, power=1.0)),
        ("polynomial_decay_power_2", "polynomial_decay",
         S.PolynomialDecay(0.1, decay_steps=300, end_learning_rate=0.001, power=2.0)),
        ("polynomial_decay_power_1_cycle", "polynomial_decay",
         S.PolynomialDecay(0.1, decay_steps=300, end_learning_rate=0.001, power=1.0, cycle=True)),
        ("polynomial_decay_power_2_cycle", "polynomial_decay",
         S.PolynomialDecay(0.1, decay_steps=300, end_learning_rate=0.001, power=2.0, cycle=True)),
        ("cosine_decay", "cosine_decay", S.CosineDecay(0.1, decay_steps=800)),
        ("cosine_decay_alpha", "cosine_decay", S.CosineDecay(0.1, decay_steps=600, alpha=0.1)),
        ("cosine_decay_warmup", "cosine_decay",
         S.CosineDecay(0.0, decay_steps=700, alpha=0.05, warmup_target=0.1, warmup_steps=200)),
        ("cosine_decay_restarts", "cosine_decay_restarts", S.CosineDecayRestarts(0.1, first_decay_steps=100)),
        ("cosine_decay_restarts_mul", "cosine_decay_restarts",
         S.CosineDecayRestarts(0.1, first_decay_steps=80, t_mul=1.5, m_mul=0.8, alpha=0.01)),
    ]


def keras_case(name, kind, schedule):
    """The schedule's value at each step, as the optimizer reads it inside a compiled train step (float32).

    Compiled and eager evaluation differ in the last float32 bits (up to about 2e-6 relative for the restarts);
    the compiled value is the one training uses, and compiling once is also far faster than eager calls.
    """
    config = {key: value for key, value in schedule.get_config().items() if key != "name"}
    compiled = jax.jit(schedule)
    values = [float(compiled(jnp.asarray(step, dtype=jnp.int32))) for step in range(STEPS)]
    return {"name": name, "kind": kind, "source": "keras", "config": config, "values": values}


def _torch_cases():
    """(name, kind, base optimizer config, scheduler class, scheduler arguments) for PyTorch."""
    sgd = {"name": "sgd", "lr": 0.1, "momentum": 0.9}
    one_cycle = {"max_lr": 0.1, "total_steps": STEPS, "pct_start": 0.3, "div_factor": 25.0,
                 "final_div_factor": 1e4, "cycle_momentum": True, "base_momentum": 0.85, "max_momentum": 0.95}
    cyclic = {"base_lr": 0.001, "max_lr": 0.1, "step_size_up": 150, "cycle_momentum": True,
              "base_momentum": 0.8, "max_momentum": 0.9}
    sched = torch.optim.lr_scheduler
    return [
        ("one_cycle_lr_cos", "one_cycle_lr", sgd, sched.OneCycleLR, dict(one_cycle, anneal_strategy="cos")),
        ("one_cycle_lr_linear", "one_cycle_lr", sgd, sched.OneCycleLR, dict(one_cycle, anneal_strategy="linear")),
        ("one_cycle_lr_cos_three_phase", "one_cycle_lr", sgd, sched.OneCycleLR,
         dict(one_cycle, anneal_strategy="cos", three_phase=True)),
        ("one_cycle_lr_linear_three_phase", "one_cycle_lr", sgd, sched.OneCycleLR,
         dict(one_cycle, anneal_strategy="linear", three_phase=True)),
        ("cyclic_lr_triangular", "cyclic_lr", sgd, sched.CyclicLR, dict(cyclic, mode="triangular")),
        ("cyclic_lr_triangular2", "cyclic_lr", sgd, sched.CyclicLR, dict(cyclic, mode="triangular2")),
        ("cyclic_lr_exp_range", "cyclic_lr", sgd, sched.CyclicLR, dict(cyclic, mode="exp_range", gamma=0.998)),
        ("cyclic_lr_asymmetric", "cyclic_lr", sgd, sched.CyclicLR,
         dict(cyclic, mode="triangular", step_size_up=50, step_size_down=200)),
        ("step_lr", "step_lr", sgd, sched.StepLR, {"step_size": 100, "gamma": 0.5}),
        ("linear_lr", "linear_lr", sgd, sched.LinearLR, {"start_factor": 1.0 / 3.0, "end_factor": 1.0,
                                                         "total_iters": 200}),
        ("linear_lr_decay", "linear_lr", sgd, sched.LinearLR, {"start_factor": 1.0, "end_factor": 0.1,
                                                               "total_iters": 500}),
    ]


def torch_case(name, kind, optimizer_config, scheduler_class, arguments):
    """The lr (and momentum) of param_groups[0] before each optimizer step, stepping the scheduler after it."""
    parameter = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([parameter], lr=optimizer_config["lr"], momentum=optimizer_config["momentum"])
    scheduler = scheduler_class(optimizer, **arguments)
    values, momenta = [], []
    for _ in range(STEPS):
        values.append(float(optimizer.param_groups[0]["lr"]))
        momenta.append(float(optimizer.param_groups[0]["momentum"]))
        optimizer.step()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            scheduler.step()
    case = {"name": name, "kind": kind, "source": "torch", "optimizer": optimizer_config, "config": arguments,
            "values": values}
    if arguments.get("cycle_momentum"):
        case["momentum_values"] = momenta
    return case


def cases():
    """The Keras schedules, then the PyTorch schedulers."""
    return [keras_case(*spec) for spec in _keras_cases()] + [torch_case(*spec) for spec in _torch_cases()]


def write(out_dir):
    """Writes keras_schedules.json."""
    write_fixture(out_dir, "keras_schedules.json", versions("keras", "jax", "jaxlib", "torch"), cases(),
                  notes=NOTES)


NOTES = [
    "values[s] is the learning rate of optimizer step s (0-based: the first batch uses step 0).",
    "Keras (source 'keras'): jax.jit(schedule)(s) on the JAX backend, computed in float32 as in a compiled train "
    "step (eager calls differ in the last bits); config is get_config() without 'name'.",
    "PyTorch (source 'torch'): torch.optim.SGD(lr, momentum) on one parameter; values[s] and momentum_values[s] "
    "are param_groups[0]['lr'] and ['momentum'] read before optimizer.step(), and scheduler.step() follows each "
    "optimizer.step(). Computed in float64. OneCycleLR and CyclicLR with cycle_momentum=True overwrite the "
    "optimizer's momentum (and its lr) when constructed.",
]
