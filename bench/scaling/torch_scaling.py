"""PyTorch side of the scaling bench: the MLP 784-256-32-256-784 (ReLU, sigmoid output, MSE,
Adam 1e-3) on random data in [0, 1), training steps per second at each thread count and batch.
Prints one JSON object per thread count, keys as bench/scaling/scaling_bench.cpp's.
Usage: torch_scaling.py [--threads 1,2,4,8,16] [--batches 128,1024] [--seconds 2]
"""
import argparse
import json
import time

import torch


def build():
    dims = [784, 256, 32]
    layers = []
    for i in range(2):
        layers += [torch.nn.Linear(dims[i], dims[i + 1]), torch.nn.ReLU()]
    layers += [torch.nn.Linear(32, 256), torch.nn.ReLU(), torch.nn.Linear(256, 784), torch.nn.Sigmoid()]
    return torch.nn.Sequential(*layers)


def rate(seconds, step):
    step()
    calls, start = 0, time.perf_counter()
    while True:
        step()
        calls += 1
        if time.perf_counter() - start >= seconds:
            return calls / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", default="1,2,4,8,16")
    parser.add_argument("--batches", default="128,1024")
    parser.add_argument("--seconds", type=float, default=2)
    args = parser.parse_args()
    for threads in map(int, args.threads.split(",")):
        torch.set_num_threads(threads)
        result = {"peer": "pytorch " + torch.__version__, "threads": threads}
        for batch in map(int, args.batches.split(",")):
            model = build()
            optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
            x = torch.rand(batch, 784)

            def step():
                optimizer.zero_grad(set_to_none=True)
                torch.nn.functional.mse_loss(model(x), x).backward()
                optimizer.step()

            result[f"mlp_batch{batch}_samples_per_second"] = round(batch * rate(args.seconds, step))
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
