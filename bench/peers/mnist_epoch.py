"""One epoch of the MNIST-shaped benchmark in a peer framework, for bench/run.sh.

The model, data shape and training settings match bench/Sources/TrainBookBench: an MLP
784 -> 50 (relu, he_uniform) -> 10 (softmax), SGD with learning rate 0.01, batch 32, shuffled,
60,000 rows of random pixels in [0, 1) with random labels (timing does not depend on the values),
or with `--data DIR` the real MNIST digits that `trainbook-bench mnist-data` wrote there
(mnist-x.npy: pixels in 0...1, mnist-y.npy: one-hot labels), the bytes TrainBook trains on.

    python mnist_epoch.py keras|torch [--rows N] [--repeats R] [--data DIR]

Prints the best wall-clock and CPU epoch times of R runs, after one warm-up epoch, as
`RESULT <wall seconds> <cpu seconds>`. For Keras the warm-up epoch compiles the train step; its time
is printed as `RESULT_WITH_COMPILE <wall> <cpu>`.
"""
import argparse
import os

import numpy as np

from common import best, timed


def make_data(rows):
    rng = np.random.default_rng(1)
    x = rng.random((rows, 784), dtype=np.float32)
    labels = rng.integers(0, 10, rows)
    return x, labels


def load_data(directory, rows):
    x = np.load(os.path.join(directory, "mnist-x.npy"))[:rows]
    labels = np.load(os.path.join(directory, "mnist-y.npy"))[:rows].argmax(axis=1)
    return np.ascontiguousarray(x, dtype=np.float32), labels


def keras_epochs(x, labels, repeats):
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras

    y = np.eye(10, dtype=np.float32)[labels]
    model = keras.Sequential([
        keras.Input((784,)),
        keras.layers.Dense(50, activation="relu", kernel_initializer="he_uniform"),
        keras.layers.Dense(10, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="categorical_crossentropy",
                  metrics=["accuracy"])
    def epoch():
        return model.fit(x, y, epochs=1, batch_size=32, shuffle=True, verbose=0)

    _, first_wall, first_cpu = timed(epoch)  # compiles the train step
    _, wall, cpu, log = best(repeats, epoch)
    return f"keras {keras.__version__}, backend {keras.backend.backend()}", (wall, cpu, log), (first_wall, first_cpu)


def torch_epochs(x, labels, repeats):
    import torch
    from torch import nn
    from torch.utils.data import DataLoader, TensorDataset

    torch.set_num_threads(1)
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(784, 50), nn.ReLU(), nn.Linear(50, 10))
    nn.init.kaiming_uniform_(model[0].weight, nonlinearity="relu")
    loader = DataLoader(TensorDataset(torch.from_numpy(x), torch.from_numpy(labels)), batch_size=32, shuffle=True)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    loss_function = nn.CrossEntropyLoss()  # softmax + crossentropy on the logits

    def epoch():
        model.train()
        total_loss, correct, seen = 0.0, 0, 0
        for inputs, targets in loader:
            optimizer.zero_grad()
            outputs = model(inputs)
            loss = loss_function(outputs, targets)
            loss.backward()
            optimizer.step()
            total_loss += loss.item() * len(targets)
            correct += (outputs.argmax(1) == targets).sum().item()
            seen += len(targets)
        return total_loss / seen, correct / seen

    timed(epoch)  # warm-up
    _, wall, cpu, log = best(repeats, epoch)
    return f"torch {torch.__version__}, {torch.get_num_threads()} thread", (wall, cpu, log), None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("framework", choices=["keras", "torch"])
    parser.add_argument("--rows", type=int, default=60_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--data", help="a folder with mnist-x.npy and mnist-y.npy (real digits)")
    arguments = parser.parse_args()
    x, labels = load_data(arguments.data, arguments.rows) if arguments.data else make_data(arguments.rows)
    run = keras_epochs if arguments.framework == "keras" else torch_epochs
    description, (wall, cpu, log), first = run(x, labels, arguments.repeats)
    kind = f"real MNIST, {(x == 0).mean():.1%} zero pixels" if arguments.data else "random pixels"
    print(f"{arguments.framework} MNIST epoch ({len(x)} rows, {kind}): {description}; epochs {log}")
    print(f"RESULT {wall} {cpu}")
    if first:
        print(f"RESULT_WITH_COMPILE {first[0]} {first[1]}")


if __name__ == "__main__":
    main()
