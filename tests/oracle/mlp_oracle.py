#!/usr/bin/python3
"""PyTorch oracle for aekit's MLP autoencoder (tests/oracle/mlp_oracle_test.cpp).

Usage: /usr/bin/python3 tests/oracle/mlp_oracle.py OUTDIR

For each case below, writes into OUTDIR/<case>/ (all float32, C order):
  <name>.npy        initial value of every parameter, named as aekit names them
                    (encoder.0.weight [out, in], encoder.0.bias [out], ..., decoder.K.bias)
  <name>.grad.npy   d loss / d parameter at the initial values on batches[0:16]
  batches.npy       [STEPS * BATCH, D]: batch t is rows [t * BATCH, (t + 1) * BATCH)
  loss.npy          [1] the loss on batch 0 at the initial values
  trace.npy         [STEPS] loss on batch t before Adam step t (torch.optim.Adam)
  final/<name>.npy  parameters after the STEPS Adam steps

The model: dims 20-12-4-12-20, ReLU hidden layers, the case's code activation, a linear last
decoder layer giving logits z, output sigmoid(z). Losses: mse = nn.MSELoss()(sigmoid(z), x),
bce = nn.BCEWithLogitsLoss()(z, x). Tied: decoder layer i uses the mirror encoder weight
transposed, F.linear(h, W.t(), c), with its own bias c.

The reference is computed in float32 like aekit's build, single-threaded; as a guard on the
reference itself, the loss and gradients are recomputed in float64 from the same float32
starting point and must agree to 1e-5 relative.
"""
import os
import sys

try:
    import numpy as np
    import torch
    import torch.nn.functional as F
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write(
        "mlp_oracle.py needs numpy and torch for /usr/bin/python3 "
        "(Debian packages python3-numpy and python3-torch, see scripts/install-deps): %s\n"
        % error)
    sys.exit(3)

DIMS = [20, 12, 4]
BATCH = 16
STEPS = 20
LR = 1e-2
BETAS = (0.9, 0.999)
EPS = 1e-8

# name -> (loss, code activation, tied); the C++ test lists the same cases.
CASES = {
    "mse_sigmoid_code": ("mse", "sigmoid", False),
    "bce_linear_code": ("bce", "identity", False),
    "mse_tied_tanh_code": ("mse", "tanh", True),
}

ACTIVATIONS = {
    "identity": lambda t: t,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
}


def make_parameters(tied, generator):
    """Initial parameters as an ordered list of (aekit name, tensor)."""
    params = []
    depth = len(DIMS) - 1

    def linear(fan_in, fan_out):
        # nn.Linear's default: U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weight and bias.
        bound = 1.0 / fan_in ** 0.5
        w = (torch.rand(fan_out, fan_in, generator=generator) * 2 - 1) * bound
        b = (torch.rand(fan_out, generator=generator) * 2 - 1) * bound
        return w, b

    for i in range(depth):
        w, b = linear(DIMS[i], DIMS[i + 1])
        params += [("encoder.%d.weight" % i, w), ("encoder.%d.bias" % i, b)]
    for j, i in enumerate(reversed(range(depth))):  # decoder layer j mirrors encoder layer i
        if tied:
            bound = 1.0 / DIMS[i + 1] ** 0.5
            c = (torch.rand(DIMS[i], generator=generator) * 2 - 1) * bound
            params += [("decoder.%d.bias" % j, c)]
        else:
            w, b = linear(DIMS[i + 1], DIMS[i])
            params += [("decoder.%d.weight" % j, w), ("decoder.%d.bias" % j, b)]
    return params


def logits(p, x, code, tied):
    """p: dict name -> tensor. Returns z = decoder(encoder(x))."""
    depth = len(DIMS) - 1
    h = x
    for i in range(depth):
        f = ACTIVATIONS[code] if i + 1 == depth else torch.relu
        h = f(F.linear(h, p["encoder.%d.weight" % i], p["encoder.%d.bias" % i]))
    for j, i in enumerate(reversed(range(depth))):
        w = p["encoder.%d.weight" % i].t() if tied else p["decoder.%d.weight" % j]
        h = F.linear(h, w, p["decoder.%d.bias" % j])
        if j + 1 < depth:
            h = torch.relu(h)
    return h


def loss_of(p, x, loss, code, tied):
    z = logits(p, x, code, tied)
    if loss == "mse":
        return torch.nn.MSELoss()(torch.sigmoid(z), x)
    return torch.nn.BCEWithLogitsLoss()(z, x)


def save(path, tensor):
    np.save(path, np.ascontiguousarray(tensor.detach().cpu().numpy().astype(np.float32)))


def run_case(outdir, name, loss, code, tied, seed):
    generator = torch.Generator().manual_seed(seed)
    initial = make_parameters(tied, generator)
    batches = torch.rand(STEPS * BATCH, DIMS[0], generator=generator)
    case_dir = os.path.join(outdir, name)
    os.makedirs(os.path.join(case_dir, "final"), exist_ok=True)
    save(os.path.join(case_dir, "batches.npy"), batches)
    for pname, value in initial:
        save(os.path.join(case_dir, pname + ".npy"), value)

    # Loss and gradients at the initial values on batch 0, in float32.
    p = {n: v.clone().requires_grad_(True) for n, v in initial}
    x0 = batches[:BATCH]
    value = loss_of(p, x0, loss, code, tied)
    value.backward()
    save(os.path.join(case_dir, "loss.npy"), value.reshape(1))
    for pname, _ in initial:
        save(os.path.join(case_dir, pname + ".grad.npy"), p[pname].grad)

    # Guard: the same in float64 must agree (the float32 reference is accurate).
    p64 = {n: v.double().clone().requires_grad_(True) for n, v in initial}
    value64 = loss_of(p64, x0.double(), loss, code, tied)
    value64.backward()
    worst = abs(value.item() - value64.item()) / abs(value64.item())
    for pname, _ in initial:
        g32, g64 = p[pname].grad.double(), p64[pname].grad
        err = ((g32 - g64).abs() - 1e-5 * g64.abs() - 1e-8).max().item()
        if err > 0:
            raise SystemExit("reference check failed: float32 and float64 gradients of %s/%s "
                             "differ by more than 1e-5 relative" % (name, pname))
    if worst > 1e-5:
        raise SystemExit("reference check failed: %s loss float32 %r vs float64 %r"
                         % (name, value.item(), value64.item()))

    # STEPS Adam steps, batch t at step t; the trace holds the loss before each step.
    p = {n: v.clone().requires_grad_(True) for n, v in initial}
    optimizer = torch.optim.Adam([p[n] for n, _ in initial], lr=LR, betas=BETAS, eps=EPS)
    trace = []
    for t in range(STEPS):
        optimizer.zero_grad()
        value = loss_of(p, batches[t * BATCH:(t + 1) * BATCH], loss, code, tied)
        value.backward()
        optimizer.step()
        trace.append(value.item())
    save(os.path.join(case_dir, "trace.npy"), torch.tensor(trace, dtype=torch.float32))
    for pname, _ in initial:
        save(os.path.join(case_dir, "final", pname + ".npy"), p[pname])
    print("%s: %s loss %.6f -> %.6f after %d Adam steps" % (name, loss, trace[0], trace[-1],
                                                           STEPS))


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: mlp_oracle.py OUTDIR\n")
        return 2
    torch.set_num_threads(1)
    torch.manual_seed(0)
    outdir = sys.argv[1]
    for index, (name, (loss, code, tied)) in enumerate(CASES.items()):
        run_case(outdir, name, loss, code, tied, seed=1000 + index)
    return 0


if __name__ == "__main__":
    sys.exit(main())
