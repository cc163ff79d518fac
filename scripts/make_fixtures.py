# Golden-fixture generator: computes conv/pool reference results with real PyTorch into test/fixtures/*.json.
"""
Run with Debian's python (the one that has torch):

    /usr/bin/python3 scripts/make_fixtures.py

Deterministic: every file has its own fixed seed, and all inputs are drawn with
numpy's seeded Generator. Inputs are short decimals (two places) or small integers;
PyTorch sees exactly the float32 values the engine will see (the values are cast to
float32 first) and computes in float64, so the expected values are the exact answers
for the engine's Float32Array inputs, rounded to 6 significant digits.

Every case is unbatched ([C, H, W] feature maps) and uses the engine's option names
(see /work/shared/engine-contract.md). Each case's expected value comes from the
PyTorch module / functional that defines the semantics:
  conv2d             torch.nn.Conv2d (its padding_mode path: F.pad then conv with padding 0)
  convTranspose2d    torch.nn.functional.conv_transpose2d
  maxPool2d          torch.nn.functional.max_pool2d
  avgPool2d          torch.nn.functional.avg_pool2d
  *Backward          autograd through the pooling, gradient w.r.t. the input
  adaptive*Pool2d    torch.nn.functional.adaptive_{avg,max}_pool2d
  conv3d             torch.nn.functional.conv3d on an unbatched [C, D, H, W] volume
errors.json holds argument combinations on which PyTorch raises; the generator checks
that it really does.
"""

import json
import os
import sys
import warnings

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

GENERATOR = "scripts/make_fixtures.py"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "fixtures")

torch.manual_seed(0)
torch.use_deterministic_algorithms(True)
warnings.filterwarnings("ignore", message="Using padding=.same. with even kernel")


# ---------------------------------------------------------------- helpers

def sig6(v):
    """Round a float to 6 significant digits (and turn -0.0 into 0.0)."""
    r = float("%.6g" % v)
    return 0.0 if r == 0 else r


def f32(values):
    """Plain python list of the given numbers (ints stay ints where exact)."""
    out = []
    for v in np.asarray(values, dtype=np.float64).ravel().tolist():
        out.append(int(v) if float(v).is_integer() else v)
    return out


def tjson(arr):
    """{shape, data} of an input array (data as given: short decimals or small ints)."""
    a = np.asarray(arr, dtype=np.float64)
    return {"shape": list(a.shape), "data": f32(a)}


def ejson(t):
    """{shape, data} of an expected torch tensor, 6 significant digits."""
    t = t.detach().to(torch.float64)
    vals = [sig6(v) for v in t.reshape(-1).tolist()]
    vals = [int(v) if v.is_integer() and abs(v) < 1e15 else v for v in vals]
    return {"shape": list(t.shape), "data": vals}


def tt(arr):
    """Torch float64 tensor holding exactly the float32 values of arr."""
    return torch.tensor(np.asarray(arr, dtype=np.float32), dtype=torch.float32).to(torch.float64)


def rand_dec(rng, shape, lo=-1.0, hi=1.0):
    """Random two-decimal values."""
    return np.round(rng.uniform(lo, hi, size=shape), 2)


def rand_int(rng, shape, lo=0, hi=3):
    return rng.integers(lo, hi + 1, size=shape).astype(np.float64)


def pair_json(rng, h, w, allow_number=True):
    """A 'pair' option: a number when both axes agree (half of the time), else [h, w]."""
    if h == w and allow_number and rng.random() < 0.6:
        return int(h)
    return [int(h), int(w)]


def pair_txt(v):
    if isinstance(v, str):
        return "'%s'" % v
    if isinstance(v, (list, tuple)):
        return "(%d,%d)" % (v[0], v[1])
    return str(v)


def shape_txt(shape):
    return "×".join(str(s) for s in shape)


def write(fname, cases):
    os.makedirs(OUT_DIR, exist_ok=True)
    for c in cases:
        for key in ("expected", "input", "weight", "gradOutput"):
            if key in c:
                assert all(np.isfinite(c[key]["data"])), "non-finite value in " + c["name"]
    path = os.path.join(OUT_DIR, fname)
    names = set()
    for c in cases:
        assert c["name"] not in names, "duplicate case name: " + c["name"]
        names.add(c["name"])
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("{\n")
        fh.write('  "generator": %s,\n' % json.dumps(GENERATOR))
        fh.write('  "torch": %s,\n' % json.dumps(torch.__version__))
        fh.write('  "cases": [\n')
        for i, c in enumerate(cases):
            line = json.dumps(c, ensure_ascii=False, separators=(",", ":"))
            fh.write("    " + line + (",\n" if i + 1 < len(cases) else "\n"))
        fh.write("  ]\n}\n")
    size = os.path.getsize(path)
    print("%-28s %4d cases  %8.1f KB" % (fname, len(cases), size / 1024.0))
    assert size < 2 * 1024 * 1024, fname + " is larger than 2 MB"
    return path


def as2(v):
    return (v, v) if isinstance(v, int) else (v[0], v[1])


# ---------------------------------------------------------------- conv2d

def torch_conv2d(x, w, opts):
    """Expected conv2d through torch.nn.Conv2d, exactly as a student's layer computes it."""
    c_in = x.shape[0]
    c_out, _, kh, kw = w.shape
    groups = opts.get("groups", 1)
    stride = as2(opts.get("stride", 1))
    dilation = as2(opts.get("dilation", 1))
    padding = opts.get("padding", 0)
    if not isinstance(padding, str):
        padding = as2(padding)
    mode = opts.get("paddingMode", "zeros")
    bias = opts.get("bias")
    layer = nn.Conv2d(c_in, c_out, (kh, kw), stride=stride, padding=padding, dilation=dilation,
                      groups=groups, bias=bias is not None, padding_mode=mode, dtype=torch.float64)
    wt = tt(w)
    if opts.get("flip"):
        wt = torch.flip(wt, [2, 3])
    assert tuple(layer.weight.shape) == tuple(wt.shape)
    with torch.no_grad():
        layer.weight.copy_(wt)
        if bias is not None:
            layer.bias.copy_(tt(bias))
        y = layer(tt(x).unsqueeze(0)).squeeze(0)
    return y


def torch_conv2d_unbatched(x, w, opts):
    """F.conv2d on the tensor exactly as given (no batch dim added), for the error cases."""
    xt = tt(x)
    wt = tt(w)
    if opts.get("flip"):
        wt = torch.flip(wt, [2, 3])
    b = tt(opts["bias"]) if "bias" in opts else None
    padding = opts.get("padding", 0)
    if not isinstance(padding, str):
        padding = as2(padding)
    mode = opts.get("paddingMode", "zeros")
    if mode != "zeros" and not isinstance(padding, str):
        ph, pw = padding
        xt = F.pad(xt.unsqueeze(0), (pw, pw, ph, ph), mode=mode).squeeze(0)
        padding = (0, 0)
    return F.conv2d(xt, wt, b, as2(opts.get("stride", 1)), padding, as2(opts.get("dilation", 1)),
                    opts.get("groups", 1))


def conv2d_check_independent(x, w, opts, y):
    """Cross-check nn.Conv2d with an explicit F.pad + F.conv2d path (and F.conv2d's own 'same')."""
    xt = tt(x).unsqueeze(0)
    wt = tt(w)
    if opts.get("flip"):
        wt = torch.flip(wt, [2, 3])
    b = tt(opts["bias"]) if "bias" in opts else None
    stride = as2(opts.get("stride", 1))
    dilation = as2(opts.get("dilation", 1))
    padding = opts.get("padding", 0)
    mode = opts.get("paddingMode", "zeros")
    kh, kw = w.shape[2], w.shape[3]
    if padding == "valid":
        pads = (0, 0, 0, 0)
    elif padding == "same":
        th, tw = dilation[0] * (kh - 1), dilation[1] * (kw - 1)
        pads = (tw // 2, tw - tw // 2, th // 2, th - th // 2)  # left, right, top, bottom
    else:
        ph, pw = as2(padding)
        pads = (pw, pw, ph, ph)
    if mode == "zeros":
        xp = F.pad(xt, pads, mode="constant", value=0.0)
    else:
        xp = F.pad(xt, pads, mode=mode)
    y2 = F.conv2d(xp, wt, b, stride, 0, dilation, opts.get("groups", 1)).squeeze(0)
    assert y2.shape == y.shape and torch.allclose(y, y2, atol=1e-12), "conv2d cross-check failed"
    if padding == "same" and mode == "zeros":
        y3 = F.conv2d(xt, wt, b, 1, "same", dilation, opts.get("groups", 1)).squeeze(0)
        assert torch.allclose(y, y3, atol=1e-12), "F.conv2d same cross-check failed"


def conv2d_name(i, x, w, opts):
    parts = ["#%03d in %s k %s cout %d" % (i, shape_txt(x.shape), shape_txt(w.shape[2:]), w.shape[0])]
    if "stride" in opts:
        parts.append("s " + pair_txt(opts["stride"]))
    if "padding" in opts:
        parts.append("p " + pair_txt(opts["padding"]))
    if "dilation" in opts:
        parts.append("d " + pair_txt(opts["dilation"]))
    if "groups" in opts:
        g = opts["groups"]
        parts.append("groups %d%s" % (g, " (depthwise)" if g == x.shape[0] == w.shape[0] and g > 1 else ""))
    if "bias" in opts:
        parts.append("bias")
    if "paddingMode" in opts:
        parts.append(opts["paddingMode"])
    if opts.get("flip"):
        parts.append("flip")
    elif "flip" in opts:
        parts.append("flip false")
    return " ".join(parts)


def random_conv2d(rng, forced=None):
    """One random valid conv2d configuration; `forced` fixes some choices."""
    forced = forced or {}
    while True:
        g = forced.get("groups", int(rng.choice([1, 1, 1, 1, 2, 2, 3, 4])))
        if forced.get("depthwise"):
            c_in = c_out = g
        else:
            c_in = g * int(rng.integers(1, 4 // g + 1))
            c_out = g * int(rng.integers(1, 4 // g + 1))
        h = int(rng.integers(1, 10))
        w_ = int(rng.integers(1, 10))
        kh = forced.get("kh", int(rng.choice([1, 2, 2, 3, 3, 3, 4, 5])))
        kw = forced.get("kw", int(rng.choice([1, 2, 2, 3, 3, 3, 4, 5])))
        mode = forced.get("mode", str(rng.choice(["zeros"] * 5 + ["reflect"] * 2 + ["replicate"] * 2 + ["circular"] * 2)))
        r = rng.random()
        pad_kind = forced.get("pad", "same" if r < 0.15 else ("valid" if r < 0.23 else "num"))
        sh = int(rng.choice([1, 1, 1, 2, 2, 3]))
        sw = int(rng.choice([1, 1, 1, 2, 2, 3]))
        dh = int(rng.choice([1, 1, 1, 1, 2, 3]))
        dw = int(rng.choice([1, 1, 1, 1, 2, 3]))
        opts = {}
        if pad_kind == "same":
            sh = sw = 1
            opts["padding"] = "same"
        elif pad_kind == "valid":
            opts["padding"] = "valid"
        else:
            ph = int(rng.choice([0, 0, 1, 1, 2, 3]))
            pw = int(rng.choice([0, 0, 1, 1, 2, 3]))
            if ph or pw or rng.random() < 0.5:
                opts["padding"] = pair_json(rng, ph, pw)
        if (sh, sw) != (1, 1) or rng.random() < 0.3:
            opts["stride"] = pair_json(rng, sh, sw)
        if (dh, dw) != (1, 1) or rng.random() < 0.2:
            opts["dilation"] = pair_json(rng, dh, dw)
        if g != 1 or rng.random() < 0.2:
            opts["groups"] = g
        if forced.get("bias", rng.random() < 0.5):
            opts["bias"] = f32(rand_dec(rng, (c_out,)))
        if mode != "zeros" or rng.random() < 0.2:
            opts["paddingMode"] = mode
        if forced.get("flip", rng.random() < 0.2):
            opts["flip"] = True
        elif rng.random() < 0.05:
            opts["flip"] = False
        x = rand_dec(rng, (c_in, h, w_))
        wt = rand_dec(rng, (c_out, c_in // g, kh, kw))
        try:
            y = torch_conv2d(x, wt, opts)
        except (RuntimeError, ValueError, AssertionError, NotImplementedError):
            continue  # PyTorch rejects this combination: draw again
        if y.numel() == 0 or y.shape[1] > 12 or y.shape[2] > 12:
            continue
        conv2d_check_independent(x, wt, opts, y)
        return x, wt, opts, y


def make_conv2d():
    rng = np.random.default_rng(20240601)
    cases = []

    def add(x, w, opts, y):
        cases.append({"name": conv2d_name(len(cases), x, w, opts), "op": "conv2d",
                      "input": tjson(x), "weight": tjson(w), "options": opts, "expected": ejson(y)})

    # Targeted coverage first: 'same' with even kernels in every padding mode, depthwise, flips.
    for mode in ["zeros", "reflect", "replicate", "circular"]:
        for kh, kw in [(2, 2), (2, 3), (4, 1), (3, 4), (2, 5)]:
            add(*random_conv2d(rng, {"mode": mode, "pad": "same", "kh": kh, "kw": kw}))
    for mode in ["zeros", "reflect", "replicate", "circular"]:
        for _ in range(3):
            add(*random_conv2d(rng, {"mode": mode, "pad": "num", "flip": True}))
        add(*random_conv2d(rng, {"mode": mode, "pad": "valid"}))
    for g in [2, 3, 4]:
        add(*random_conv2d(rng, {"groups": g, "depthwise": True, "bias": True}))
        add(*random_conv2d(rng, {"groups": g, "depthwise": True, "pad": "same"}))
    # Then plenty of random ones.
    while len(cases) < 300:
        add(*random_conv2d(rng))
    return cases


def make_conv2d_per_side():
    """Per-side padding [top, bottom, left, right] (an engine extension): F.pad with the mode, then an unpadded F.conv2d."""
    rng = np.random.default_rng(20261123)
    cases = []
    torch_mode = {"zeros": "constant", "reflect": "reflect", "replicate": "replicate", "circular": "circular"}
    while len(cases) < 60:
        c_in = int(rng.integers(1, 3))
        c_out = int(rng.integers(1, 3))
        h, w_ = int(rng.integers(2, 8)), int(rng.integers(2, 8))
        kh, kw = int(rng.integers(1, 5)), int(rng.integers(1, 5))
        mode = ["zeros", "reflect", "replicate", "circular"][len(cases) % 4]
        limit_h = h - 1 if mode == "reflect" else h
        limit_w = w_ - 1 if mode == "reflect" else w_
        top, bottom = int(rng.integers(0, min(3, limit_h) + 1)), int(rng.integers(0, min(3, limit_h) + 1))
        left, right = int(rng.integers(0, min(3, limit_w) + 1)), int(rng.integers(0, min(3, limit_w) + 1))
        stride = [int(rng.integers(1, 3)), int(rng.integers(1, 3))]
        dilation = [int(rng.integers(1, 3)), int(rng.integers(1, 3))]
        if dilation[0] * (kh - 1) + 1 > h + top + bottom or dilation[1] * (kw - 1) + 1 > w_ + left + right:
            continue
        x = rand_dec(rng, (c_in, h, w_))
        w = rand_dec(rng, (c_out, c_in, kh, kw))
        opts = {"padding": [top, bottom, left, right], "paddingMode": mode, "stride": stride, "dilation": dilation}
        padded = F.pad(tt(x).unsqueeze(0), (left, right, top, bottom), mode=torch_mode[mode])
        y = F.conv2d(padded, tt(w), stride=tuple(stride), dilation=tuple(dilation)).squeeze(0)
        name = f"#{len(cases):03d} in {shape_txt(x.shape)} k {kh}×{kw} pad t{top} b{bottom} l{left} r{right} {mode} s {stride} d {dilation}"
        cases.append({"name": name, "op": "conv2d", "input": tjson(x), "weight": tjson(w), "options": opts, "expected": ejson(y)})
    return cases


# ---------------------------------------------------------------- conv_transpose2d

def make_conv_transpose2d():
    rng = np.random.default_rng(20240602)
    cases = []
    while len(cases) < 150:
        g = int(rng.choice([1, 1, 1, 2, 2, 3, 4]))
        c_in = g * int(rng.integers(1, 4 // g + 1))
        c_out = g * int(rng.integers(1, 4 // g + 1))
        h = int(rng.integers(1, 6))
        w_ = int(rng.integers(1, 6))
        kh = int(rng.integers(1, 5))
        kw = int(rng.integers(1, 5))
        sh, sw = int(rng.choice([1, 1, 2, 2, 3])), int(rng.choice([1, 1, 2, 2, 3]))
        dh, dw = int(rng.choice([1, 1, 1, 2])), int(rng.choice([1, 1, 1, 2]))
        ph, pw = int(rng.choice([0, 0, 1, 1, 2])), int(rng.choice([0, 0, 1, 1, 2]))
        oph = int(rng.integers(0, max(sh, dh))) if rng.random() < 0.5 else 0
        opw = int(rng.integers(0, max(sw, dw))) if rng.random() < 0.5 else 0
        opts = {}
        if rng.random() < 0.5:
            opts["bias"] = f32(rand_dec(rng, (c_out,)))
        if (sh, sw) != (1, 1) or rng.random() < 0.3:
            opts["stride"] = pair_json(rng, sh, sw)
        if (ph, pw) != (0, 0) or rng.random() < 0.3:
            opts["padding"] = pair_json(rng, ph, pw)
        if (oph, opw) != (0, 0) or rng.random() < 0.2:
            opts["outputPadding"] = pair_json(rng, oph, opw)
        if (dh, dw) != (1, 1) or rng.random() < 0.2:
            opts["dilation"] = pair_json(rng, dh, dw)
        if g != 1 or rng.random() < 0.2:
            opts["groups"] = g
        x = rand_dec(rng, (c_in, h, w_))
        wt = rand_dec(rng, (c_in, c_out // g, kh, kw))
        try:
            y = F.conv_transpose2d(tt(x).unsqueeze(0), tt(wt), tt(opts["bias"]) if "bias" in opts else None,
                                   stride=(sh, sw), padding=(ph, pw), output_padding=(oph, opw),
                                   groups=g, dilation=(dh, dw)).squeeze(0)
        except (RuntimeError, ValueError):
            continue
        if y.numel() == 0 or y.shape[1] > 14 or y.shape[2] > 14:
            continue
        # the contract's size formula
        assert y.shape[1] == (h - 1) * sh - 2 * ph + dh * (kh - 1) + oph + 1
        assert y.shape[2] == (w_ - 1) * sw - 2 * pw + dw * (kw - 1) + opw + 1
        parts = ["#%03d in %s k %s cout %d" % (len(cases), shape_txt(x.shape), shape_txt((kh, kw)), c_out)]
        for key, label in [("stride", "s"), ("padding", "p"), ("outputPadding", "op"), ("dilation", "d")]:
            if key in opts:
                parts.append(label + " " + pair_txt(opts[key]))
        if "groups" in opts:
            parts.append("groups %d" % g)
        if "bias" in opts:
            parts.append("bias")
        cases.append({"name": " ".join(parts), "op": "convTranspose2d", "input": tjson(x), "weight": tjson(wt),
                      "options": opts, "expected": ejson(y)})
    return cases


# ---------------------------------------------------------------- pooling

def pool_args(opts):
    k = as2(opts["kernelSize"])
    s = as2(opts["stride"]) if "stride" in opts else None
    p = as2(opts.get("padding", 0))
    d = as2(opts.get("dilation", 1))
    return k, s, p, d


def torch_pool(kind, x, opts):
    k, s, p, d = pool_args(opts)
    ceil = bool(opts.get("ceilMode", False))
    if kind == "max":
        return F.max_pool2d(x, k, s, p, d, ceil_mode=ceil)
    return F.avg_pool2d(x, k, s, p, ceil_mode=ceil, count_include_pad=bool(opts.get("countIncludePad", True)))


def out_len(n, k, s, p, d, ceil):
    """PyTorch's pooling_output_shape, plus whether the ceil-mode 'drop' rule fired."""
    num = n + 2 * p - d * (k - 1) - 1 + ((s - 1) if ceil else 0)
    o = num // s + 1
    dropped = False
    if ceil and (o - 1) * s >= n + p:
        o -= 1
        dropped = True
    return o, dropped


def pool_stats(x_shape, opts, kind):
    """(ceil drop fired, a window reaches past the padding so ceil mode shrinks the divisor)."""
    k, s, p, d = pool_args(opts)
    s = s or k
    ceil = bool(opts.get("ceilMode", False))
    drop = False
    past = False
    for ax in range(2):
        n = x_shape[1 + ax]
        o, dr = out_len(n, k[ax], s[ax], p[ax], d[ax] if kind == "max" else 1, ceil)
        drop = drop or dr
        last_start = (o - 1) * s[ax] - p[ax]
        if last_start + k[ax] > n + p[ax]:
            past = True
    return drop, past


def kernel_exceeds(x_shape, opts, kind):
    """Ceil mode lets PyTorch accept a (dilated) kernel up to stride − 1 cells larger than the padded input."""
    k, _, p, d = pool_args(opts)
    d = d if kind.startswith("max") else (1, 1)
    return any(x_shape[1 + a] + 2 * p[a] < d[a] * (k[a] - 1) + 1 for a in range(2))


def pool_name(i, kind, x_shape, opts, extra=""):
    if kernel_exceeds(x_shape, opts, kind):
        extra = ", ".join([t for t in [extra, "kernel exceeds padded input"] if t])
    parts = ["#%03d %s in %s k %s" % (i, kind, shape_txt(x_shape), pair_txt(opts["kernelSize"]))]
    parts.append("s " + pair_txt(opts["stride"]) if "stride" in opts else "s default")
    if "padding" in opts:
        parts.append("p " + pair_txt(opts["padding"]))
    if "dilation" in opts:
        parts.append("d " + pair_txt(opts["dilation"]))
    if "ceilMode" in opts:
        parts.append("ceil" if opts["ceilMode"] else "floor")
    if "countIncludePad" in opts:
        parts.append("countIncludePad " + ("true" if opts["countIncludePad"] else "false"))
    if extra:
        parts.append(extra)
    return " ".join(parts)


def random_pool_opts(rng, kind, c, h, w_, forced=None):
    forced = forced or {}
    kh = int(rng.integers(1, 5))
    kw = int(rng.integers(1, 5))
    opts = {"kernelSize": pair_json(rng, kh, kw)}
    if forced.get("overlap"):
        sh, sw = max(1, kh - 1), max(1, kw - 1)
        if kh == 1 and kw == 1:
            return None
        opts["stride"] = pair_json(rng, sh, sw)
    elif rng.random() < 0.75:
        opts["stride"] = pair_json(rng, int(rng.integers(1, 4)), int(rng.integers(1, 4)))
    ph = int(rng.integers(0, kh // 2 + 1))
    pw = int(rng.integers(0, kw // 2 + 1))
    if (ph, pw) != (0, 0) or rng.random() < 0.3:
        opts["padding"] = pair_json(rng, ph, pw)
    if kind == "max" and rng.random() < 0.3:
        opts["dilation"] = pair_json(rng, int(rng.integers(1, 3)), int(rng.integers(1, 3)))
    r = rng.random()
    if forced.get("ceil") or r < 0.5:
        opts["ceilMode"] = True
    elif r < 0.75:
        opts["ceilMode"] = False
    if kind == "avg":
        r = rng.random()
        if r < 0.4:
            opts["countIncludePad"] = False
        elif r < 0.6:
            opts["countIncludePad"] = True
    return opts


def make_pool(kind):
    rng = np.random.default_rng(20240603 if kind == "max" else 20240604)
    op = "maxPool2d" if kind == "max" else "avgPool2d"
    cases = []
    n_drop = n_past = 0
    n_all_pad = [0]

    def add(x, opts, extra=""):
        nonlocal n_drop, n_past
        y = torch_pool(kind, tt(x).unsqueeze(0), opts).squeeze(0)
        drop, past = pool_stats(x.shape, opts, kind)
        n_drop += drop
        n_past += past
        tag = extra or ("ceil drops last window" if drop else "")
        cases.append({"name": pool_name(len(cases), kind, x.shape, opts, tag), "op": op,
                      "input": tjson(x), "options": opts, "expected": ejson(y)})

    # Hand-made: the ceil-mode 'last window would start in the right padding' rule ...
    add(rand_dec(rng, (1, 5, 5)), {"kernelSize": 2, "stride": 2, "padding": 1, "ceilMode": True})
    add(rand_dec(rng, (2, 5, 7)), {"kernelSize": [2, 2], "stride": [2, 2], "padding": [1, 1], "ceilMode": True})
    add(rand_dec(rng, (1, 3, 9)), {"kernelSize": [2, 4], "stride": [2, 4], "padding": [1, 2], "ceilMode": True})
    add(rand_dec(rng, (1, 5, 5)), {"kernelSize": 2, "stride": 2, "padding": 1, "ceilMode": False})
    # ... and windows that hang past the padding in ceil mode (the divisor rule for avg).
    for cip in ([True, False] if kind == "avg" else [None]):
        for x_shape, o in [((1, 6, 6), {"kernelSize": 3, "stride": 2, "padding": 1}),
                           ((1, 6, 6), {"kernelSize": 3, "stride": 2, "padding": 0}),
                           ((2, 7, 4), {"kernelSize": [3, 2], "stride": [3, 3], "padding": [1, 1]}),
                           ((1, 4, 5), {"kernelSize": [4, 2], "stride": [3, 2], "padding": [2, 0]})]:
            o = dict(o, ceilMode=True)
            if cip is not None:
                o["countIncludePad"] = cip
            add(rand_dec(rng, x_shape), o, "ceil window past padding")
    # Default stride (= kernelSize).
    add(rand_dec(rng, (1, 4, 4)), {"kernelSize": 2})
    add(rand_dec(rng, (2, 7, 8)), {"kernelSize": [3, 2]})
    add(rand_dec(rng, (1, 7, 7)), {"kernelSize": 3, "padding": 1, "ceilMode": True})
    while len(cases) < 200:
        c = int(rng.integers(1, 4))
        h, w_ = int(rng.integers(1, 10)), int(rng.integers(1, 10))
        opts = random_pool_opts(rng, kind, c, h, w_)
        if kind == "max" and rng.random() < 0.3:
            x = rand_int(rng, (c, h, w_))
        else:
            x = rand_dec(rng, (c, h, w_))
        try:
            y = torch_pool(kind, tt(x).unsqueeze(0), opts)
        except RuntimeError:
            continue
        if not bool(torch.isfinite(y).all()):
            # A dilated window that lies wholly in the padding: PyTorch gives -inf (and its backward then
            # routes the gradient to an unrelated cell). JSON cannot hold -inf and the contract forbids
            # non-finite results, so such configurations are not golden cases.
            n_all_pad[0] += 1
            continue
        add(x, opts)
    print("  %s: %d cases hit the ceil drop rule, %d have a window past the padding; %d draws skipped (-inf)"
          % (op, n_drop, n_past, n_all_pad[0]))
    assert n_drop >= 5 and n_past >= 5
    return cases


def make_pool_backward(kind):
    rng = np.random.default_rng(20240605 if kind == "max" else 20240606)
    op = "maxPool2dBackward" if kind == "max" else "avgPool2dBackward"
    cases = []
    n_ties = n_overlap = 0
    n_all_pad = [0]

    def add(x, opts, extra=""):
        nonlocal n_ties, n_overlap
        xt = tt(x).unsqueeze(0).requires_grad_(True)
        y = torch_pool(kind, xt, opts)
        g = rand_dec(rng, tuple(y.shape[1:]))
        y.backward(tt(g).unsqueeze(0))
        k, s, _, _ = pool_args(opts)
        s = s or k
        overlap = s[0] < k[0] or s[1] < k[1]
        n_overlap += overlap
        ties = bool(np.all(x == np.round(x)))
        n_ties += ties
        tags = [t for t in [extra, "ties" if ties and kind == "max" else "", "overlapping" if overlap else ""] if t]
        cases.append({"name": pool_name(len(cases), kind + " backward", x.shape, opts, ", ".join(tags)), "op": op,
                      "input": tjson(x), "gradOutput": tjson(g), "options": opts,
                      "expected": ejson(xt.grad.squeeze(0))})

    # Curriculum-style: 4×4 with 2×2 windows, then ties in overlapping windows.
    add(np.arange(16, dtype=np.float64).reshape(1, 4, 4), {"kernelSize": 2, "stride": 2})
    if kind == "max":
        add(np.zeros((1, 3, 3)), {"kernelSize": 2, "stride": 1}, "all equal")
        add(np.ones((1, 4, 4)), {"kernelSize": 3, "stride": 1, "padding": 1}, "all equal")
        add(rand_int(rng, (2, 5, 5), 0, 1), {"kernelSize": 3, "stride": 1}, "0/1 input")
    add(rand_dec(rng, (1, 5, 5)), {"kernelSize": 2, "stride": 2, "padding": 1, "ceilMode": True})
    add(rand_dec(rng, (1, 6, 6)), {"kernelSize": 3, "stride": 2, "padding": 1, "ceilMode": True})
    if kind == "avg":
        add(rand_dec(rng, (1, 6, 6)), {"kernelSize": 3, "stride": 2, "padding": 1, "ceilMode": True,
                                       "countIncludePad": False})
    while len(cases) < 120:
        c = int(rng.integers(1, 4))
        h, w_ = int(rng.integers(1, 10)), int(rng.integers(1, 10))
        opts = random_pool_opts(rng, kind, c, h, w_, {"overlap": rng.random() < 0.5})
        if opts is None:
            continue
        if kind == "max" and rng.random() < 0.6:
            x = rand_int(rng, (c, h, w_), 0, 3)
        else:
            x = rand_dec(rng, (c, h, w_))
        try:
            y = torch_pool(kind, tt(x).unsqueeze(0), opts)
        except RuntimeError:
            continue
        if not bool(torch.isfinite(y).all()):
            # A dilated window that lies wholly in the padding: PyTorch gives -inf (and its backward then
            # routes the gradient to an unrelated cell). JSON cannot hold -inf and the contract forbids
            # non-finite results, so such configurations are not golden cases.
            n_all_pad[0] += 1
            continue
        add(x, opts)
    print("  %s: %d with integer (tied) inputs, %d with overlapping windows; %d draws skipped (-inf)"
          % (op, n_ties, n_overlap, n_all_pad[0]))
    return cases


# ---------------------------------------------------------------- adaptive

def make_adaptive():
    rng = np.random.default_rng(20240607)
    cases = []
    while len(cases) < 120:
        kind = "avg" if len(cases) % 2 == 0 else "max"
        c = int(rng.integers(1, 4))
        h, w_ = int(rng.integers(1, 10)), int(rng.integers(1, 10))
        oh = int(rng.integers(1, h + 3))
        ow = int(rng.integers(1, w_ + 3))
        out = pair_json(rng, oh, ow)
        x = rand_dec(rng, (c, h, w_))
        fn = F.adaptive_avg_pool2d if kind == "avg" else F.adaptive_max_pool2d
        y = fn(tt(x).unsqueeze(0), (oh, ow)).squeeze(0)
        divides = h % oh == 0 and w_ % ow == 0
        name = "#%03d adaptive %s in %s out %s%s" % (len(cases), kind, shape_txt(x.shape), pair_txt(out),
                                                       "" if divides else " (not dividing)")
        cases.append({"name": name, "op": "adaptiveAvgPool2d" if kind == "avg" else "adaptiveMaxPool2d",
                      "input": tjson(x), "options": {"outputSize": out}, "expected": ejson(y)})
    return cases


# ---------------------------------------------------------------- errors

def make_errors():
    rng = np.random.default_rng(20240608)
    cases = []

    def err(name, op, x, opts, argument, w=None):
        """Record a case after checking that PyTorch raises on it."""
        xt = tt(x)
        try:
            if op == "conv2d":
                torch_conv2d_unbatched(x, w, opts)
            elif op == "convTranspose2d":
                F.conv_transpose2d(xt, tt(w), tt(opts["bias"]) if "bias" in opts else None,
                                   stride=as2(opts.get("stride", 1)), padding=as2(opts.get("padding", 0)),
                                   output_padding=as2(opts.get("outputPadding", 0)),
                                   groups=opts.get("groups", 1), dilation=as2(opts.get("dilation", 1)))
            elif op == "maxPool2d":
                torch_pool("max", xt, opts)
            elif op == "avgPool2d":
                torch_pool("avg", xt, opts)
            elif op == "adaptiveAvgPool2d":
                F.adaptive_avg_pool2d(xt, opts["outputSize"])
            elif op == "adaptiveMaxPool2d":
                F.adaptive_max_pool2d(xt, opts["outputSize"])
            else:
                raise AssertionError(op)
        except (RuntimeError, ValueError, IndexError, TypeError) as e:
            msg = str(e).splitlines()[0][:160]
        else:
            raise AssertionError("PyTorch did not raise for error case: " + name)
        case = {"name": "#%02d %s: %s" % (len(cases), op, name), "op": op, "input": tjson(x)}
        if w is not None:
            case["weight"] = tjson(w)
        case.update({"options": opts, "error": True, "argument": argument, "torchMessage": msg})
        cases.append(case)

    X = rand_dec(rng, (1, 5, 5))
    W = rand_dec(rng, (1, 1, 3, 3))
    # conv2d
    err("2-D input (rank 2, not [C,H,W])", "conv2d", rand_dec(rng, (5, 5)), {}, "input", W)
    err("5-D input", "conv2d", rand_dec(rng, (1, 1, 1, 5, 5)), {}, "input", W)
    err("3-D weight", "conv2d", X, {}, "weight", rand_dec(rng, (1, 3, 3)))
    err("kernel 6×6 larger than the 5×5 input", "conv2d", X, {}, "kernel|weight", rand_dec(rng, (1, 1, 6, 6)))
    err("kernel 4×4 larger than the 3×3 input padded by 0", "conv2d", rand_dec(rng, (1, 3, 3)), {"padding": 0},
        "kernel|weight", rand_dec(rng, (1, 1, 4, 4)))
    err("kernel 7×3 larger than 5×5 padded by (0,1)", "conv2d", X, {"padding": [0, 1]}, "kernel|weight",
        rand_dec(rng, (1, 1, 7, 3)))
    err("dilated kernel (3 at d 3 = 7) larger than 5×5", "conv2d", X, {"dilation": 3}, "kernel|weight|dilation", W)
    err("groups 2 does not divide 3 input channels", "conv2d", rand_dec(rng, (3, 4, 4)), {"groups": 2}, "groups",
        rand_dec(rng, (2, 1, 3, 3)))
    err("groups 2 does not divide 3 output channels", "conv2d", rand_dec(rng, (2, 4, 4)), {"groups": 2}, "groups",
        rand_dec(rng, (3, 1, 3, 3)))
    err("groups 0", "conv2d", X, {"groups": 0}, "groups", W)
    err("weight has 2 input channels for a 3-channel input", "conv2d", rand_dec(rng, (3, 4, 4)), {},
        "weight|channel", rand_dec(rng, (1, 2, 3, 3)))
    err("'same' padding with stride 2", "conv2d", X, {"padding": "same", "stride": 2}, "same|stride", W)
    err("'same' padding with stride (1,2)", "conv2d", X, {"padding": "same", "stride": [1, 2]}, "same|stride", W)
    err("negative padding -1", "conv2d", X, {"padding": -1}, "padding", W)
    err("negative padding (0,-2)", "conv2d", X, {"padding": [0, -2]}, "padding", W)
    err("stride 0", "conv2d", X, {"stride": 0}, "stride", W)
    err("negative stride", "conv2d", X, {"stride": [1, -1]}, "stride", W)
    err("dilation 0", "conv2d", X, {"dilation": 0}, "dilation", W)
    err("bias of length 2 for 1 output channel", "conv2d", X, {"bias": [0.5, 0.25]}, "bias", W)
    err("reflect padding 5 not smaller than the 5×5 input", "conv2d", X, {"padding": 5, "paddingMode": "reflect"},
        "padding|reflect", rand_dec(rng, (1, 1, 3, 3)))
    err("circular padding 6 wraps more than once around 5×5", "conv2d", X, {"padding": 6, "paddingMode": "circular"},
        "padding|circular", rand_dec(rng, (1, 1, 3, 3)))
    # conv_transpose2d
    Xt = rand_dec(rng, (2, 3, 3))
    Wt = rand_dec(rng, (2, 1, 3, 3))
    err("outputPadding 2 with stride 2 and dilation 1", "convTranspose2d", Xt, {"stride": 2, "outputPadding": 2},
        "output ?padding", Wt)
    err("outputPadding (0,1) with stride 1 and dilation 1", "convTranspose2d", Xt, {"outputPadding": [0, 1]},
        "output ?padding", Wt)
    err("outputPadding 3 with stride 2 and dilation 3", "convTranspose2d", Xt,
        {"stride": 2, "dilation": 3, "outputPadding": 3}, "output ?padding", Wt)
    err("negative padding", "convTranspose2d", Xt, {"padding": -1}, "padding", Wt)
    err("groups 2 does not divide 3 input channels", "convTranspose2d", rand_dec(rng, (3, 3, 3)), {"groups": 2},
        "groups", rand_dec(rng, (3, 1, 3, 3)))
    err("weight for 3 input channels on a 2-channel input", "convTranspose2d", Xt, {}, "weight|channel",
        rand_dec(rng, (3, 1, 3, 3)))
    err("2-D input", "convTranspose2d", rand_dec(rng, (3, 3)), {}, "input", Wt)
    err("padding 3 makes the output size negative", "convTranspose2d", Xt, {"padding": 3}, "padding|output", Wt)
    # pooling
    for op in ["maxPool2d", "avgPool2d"]:
        err("padding 2 more than half of kernel 2", op, X, {"kernelSize": 2, "padding": 2}, "padding")
        err("padding (0,2) more than half of kernel 3", op, X, {"kernelSize": 3, "padding": [0, 2]}, "padding")
        err("kernel 6 larger than the 5×5 input", op, X, {"kernelSize": 6}, "kernel")
        err("kernel (2,8) larger than 5×5 padded by 1", op, X, {"kernelSize": [2, 8], "padding": 1}, "kernel")
        err("kernel 0", op, X, {"kernelSize": 0}, "kernel")
        err("stride 0", op, X, {"kernelSize": 2, "stride": 0}, "stride")
        err("negative padding", op, X, {"kernelSize": 3, "padding": -1}, "padding")
        err("2-D input", op, rand_dec(rng, (5, 5)), {"kernelSize": 2}, "input")
    err("dilation 0", "maxPool2d", X, {"kernelSize": 2, "dilation": 0}, "dilation")
    err("dilated kernel (3 at d 3 = 7) larger than 5×5", "maxPool2d", X, {"kernelSize": 3, "dilation": 3},
        "kernel|dilation")
    err("2-D input", "adaptiveAvgPool2d", rand_dec(rng, (5, 5)), {"outputSize": 2}, "input")
    err("2-D input", "adaptiveMaxPool2d", rand_dec(rng, (5, 5)), {"outputSize": 2}, "input")
    err("negative output size", "adaptiveAvgPool2d", X, {"outputSize": [-1, 2]}, "output ?size")
    err("negative output size", "adaptiveMaxPool2d", X, {"outputSize": [2, -1]}, "output ?size")
    return cases


# ---------------------------------------------------------------- curriculum

def make_curriculum():
    rng = np.random.default_rng(20240609)
    cases = []
    X3 = np.arange(9, dtype=np.float64).reshape(1, 3, 3)
    K2 = np.array([[[[0, 1], [2, 3]]]], dtype=np.float64)

    def conv(name, x, w, opts, want=None, want_shape=None):
        y = torch_conv2d(x, w, opts)
        if want is not None:
            assert np.allclose(y.numpy(), np.asarray(want, dtype=np.float64)), (name, y)
        if want_shape is not None:
            assert list(y.shape) == list(want_shape), (name, y.shape)
        cases.append({"name": name, "op": "conv2d", "input": tjson(x), "weight": tjson(w), "options": opts,
                      "expected": ejson(y)})

    # 001 §1.1 / curriculum #2: corr2d(X, K) = [[19, 25], [37, 43]]
    conv("001 §1.1 corr2d: X=[[0,1,2],[3,4,5],[6,7,8]], K=[[0,1],[2,3]] → 19, 25, 37, 43", X3, K2, {},
         [[[19, 25], [37, 43]]])
    # curriculum #3: the same with the kernel flipped (true convolution)
    conv("curriculum #3 true convolution (flip): same X and K → 5, 11, 23, 29", X3, K2, {"flip": True},
         [[[5, 11], [23, 29]]])
    conv("curriculum #3 flip false equals cross-correlation → 19, 25, 37, 43", X3, K2, {"flip": False},
         [[[19, 25], [37, 43]]])
    # 001 §1.3 / curriculum #4: edge detection
    edge = np.ones((1, 6, 8))
    edge[:, :, 2:6] = 0
    want = np.zeros((1, 6, 7))
    want[:, :, 1] = 1
    want[:, :, 5] = -1
    conv("001 §1.3 edge detection: 6×8 image with columns 2–5 zero, K=[1,-1] → 6×7 map of 1 and -1", edge,
         np.array([[[[1, -1]]]], dtype=np.float64), {}, want)
    conv("001 §1.3 edge detection on the transposed image (8×6), K=[[1],[-1]] → 7×6 (horizontal edges)",
         edge.transpose(0, 2, 1).copy(), np.array([[[[1], [-1]]]], dtype=np.float64), {}, None, (1, 7, 6))
    # 001 §2.1 / curriculum #6: padding
    conv("001 §2.1 padding: 3×3 X padded to 5×5 (padding 1) with K=[[0,1],[2,3]] → 4×4", X3, K2, {"padding": 1},
         None, (1, 4, 4))
    conv("001 §2.1 8×8, k 3, padding 1 → 8×8", rand_dec(rng, (1, 8, 8), 0, 1), rand_dec(rng, (1, 1, 3, 3)),
         {"padding": 1}, None, (1, 8, 8))
    conv("001 §2.1 8×8, k (5,3), padding (2,1) → 8×8", rand_dec(rng, (1, 8, 8), 0, 1), rand_dec(rng, (1, 1, 5, 3)),
         {"padding": [2, 1]}, None, (1, 8, 8))
    conv("curriculum #6 'same' padding with the even 2×2 kernel: 3×3 → 3×3 (extra row/col bottom/right)", X3, K2,
         {"padding": "same"}, [[[19, 25, 10], [37, 43, 16], [7, 8, 0]]])
    # 001 §2.2 / curriculum #7: stride
    conv("001 §2.2 stride: 8×8, k 3, padding 1, stride 2 → 4×4", rand_dec(rng, (1, 8, 8), 0, 1),
         rand_dec(rng, (1, 1, 3, 3)), {"padding": 1, "stride": 2}, None, (1, 4, 4))
    conv("001 §2.2 stride: 8×8, k (3,5), padding (0,1), stride (3,4) → 2×2", rand_dec(rng, (1, 8, 8), 0, 1),
         rand_dec(rng, (1, 1, 3, 5)), {"padding": [0, 1], "stride": [3, 4]}, None, (1, 2, 2))
    conv("001 §2.2 figure 5.3: X padded by 1, K=[[0,1],[2,3]], stride (3,2) → [[0,8],[6,8]]", X3, K2,
         {"padding": 1, "stride": [3, 2]}, [[[0, 8], [6, 8]]])
    # 001 §3.1 / curriculum #8: multiple input channels
    X2 = np.array([[[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]], dtype=np.float64)
    K22 = np.array([[[0, 1], [2, 3]], [[1, 2], [3, 4]]], dtype=np.float64)
    conv("001 §3.1 two input channels: kernels [[0,1],[2,3]] and [[1,2],[3,4]] → 56, 72, 104, 120", X2,
         K22[None], {}, [[[56, 72], [104, 120]]])
    # 001 §3.2: three output channels, K stacked with K+1 and K+2
    conv("001 §3.2 three output channels: kernels K, K+1, K+2 → 3×2×2", X2, np.stack([K22, K22 + 1, K22 + 2]), {},
         [[[56, 72], [104, 120]], [[76, 100], [148, 172]], [[96, 128], [192, 224]]])
    # 001 §3.3 / curriculum #9: 1×1 convolution = matrix product
    x = rand_dec(rng, (3, 3, 3), 0, 1)
    w = rand_dec(rng, (2, 3, 1, 1), 0, 1)
    mat = (w.reshape(2, 3) @ x.reshape(3, 9)).reshape(2, 3, 3)
    conv("001 §3.3 1×1 convolution: 3 input channels → 2 output channels (a matrix product per pixel)", x, w, {}, mat)
    # curriculum #11: dilation
    conv("curriculum #11 dilation: a 3×3 kernel at d=2 covers 5×5 (5×5 input → 1×1)",
         np.arange(25, dtype=np.float64).reshape(1, 5, 5), np.ones((1, 1, 3, 3)), {"dilation": 2},
         [[[0 + 2 + 4 + 10 + 12 + 14 + 20 + 22 + 24]]])
    # curriculum #12: 5×5, k 3, s 2 → 2×2; and the transposed conv maps 2×2 back to 5×5
    conv("curriculum #12 conv 5×5, k 3, stride 2, no padding → 2×2", np.arange(25, dtype=np.float64).reshape(1, 5, 5),
         np.arange(9, dtype=np.float64).reshape(1, 1, 3, 3), {"stride": 2}, None, (1, 2, 2))
    xt_ = np.array([[[0, 1], [2, 3]]], dtype=np.float64)
    wt_ = np.arange(9, dtype=np.float64).reshape(1, 1, 3, 3)
    y = F.conv_transpose2d(tt(xt_).unsqueeze(0), tt(wt_), stride=2).squeeze(0)
    assert list(y.shape) == [1, 5, 5]
    cases.append({"name": "curriculum #12 transposed conv 2×2 → 5×5 with k 3, stride 2", "op": "convTranspose2d",
                  "input": tjson(xt_), "weight": tjson(wt_), "options": {"stride": 2}, "expected": ejson(y)})
    y = F.conv_transpose2d(tt(xt_).unsqueeze(0), tt(np.ones((1, 1, 2, 2))), stride=2).squeeze(0)
    cases.append({"name": "curriculum #12 transposed conv 2×2 → 4×4 with k 2, stride 2 (each input spreads to a block)",
                  "op": "convTranspose2d", "input": tjson(xt_), "weight": tjson(np.ones((1, 1, 2, 2))),
                  "options": {"stride": 2}, "expected": ejson(y)})
    # curriculum #14: pooling, 4×4 with 2×2 windows, stride 2
    P = np.arange(16, dtype=np.float64).reshape(1, 4, 4)
    for kind, op, want in [("max", "maxPool2d", [[[5, 7], [13, 15]]]), ("avg", "avgPool2d", [[[2.5, 4.5], [10.5, 12.5]]])]:
        y = torch_pool(kind, tt(P).unsqueeze(0), {"kernelSize": 2, "stride": 2}).squeeze(0)
        assert np.allclose(y.numpy(), want)
        cases.append({"name": "curriculum #14 %s pooling: 4×4 (0..15), 2×2 windows, stride 2" % kind, "op": op,
                      "input": tjson(P), "options": {"kernelSize": 2, "stride": 2}, "expected": ejson(y)})
    for kind, op in [("max", "maxPool2dBackward"), ("avg", "avgPool2dBackward")]:
        xg = tt(P).unsqueeze(0).requires_grad_(True)
        torch_pool(kind, xg, {"kernelSize": 2, "stride": 2}).sum().backward()
        cases.append({"name": "curriculum #14 %s pooling backward: gradient of ones on the 4×4 example" % kind,
                      "op": op, "input": tjson(P), "gradOutput": tjson(np.ones((1, 2, 2))),
                      "options": {"kernelSize": 2, "stride": 2}, "expected": ejson(xg.grad.squeeze(0))})
    # curriculum #14: global average pooling and spatial pyramid pooling grids
    x = rand_dec(rng, (2, 6, 6), 0, 1)
    cases.append({"name": "curriculum #14 global average pooling: 2×6×6 → 2×1×1", "op": "adaptiveAvgPool2d",
                  "input": tjson(x), "options": {"outputSize": 1},
                  "expected": ejson(F.adaptive_avg_pool2d(tt(x), 1))})
    for g in [3, 2, 1]:
        cases.append({"name": "curriculum #14 spatial pyramid pooling: 2×6×6 max-pooled to a %d×%d grid" % (g, g),
                      "op": "adaptiveMaxPool2d", "input": tjson(x), "options": {"outputSize": g},
                      "expected": ejson(F.adaptive_max_pool2d(tt(x), g))})
    return cases


# ---------------------------------------------------------------- conv3d

def make_conv3d():
    """F.conv3d on unbatched [C, D, H, W] volumes: per-axis stride, padding and dilation, with and without bias."""
    rng = np.random.default_rng(20261124)
    cases = []
    # The shape view's example: a 4×5×5 volume and a 3×3×3 kernel of ones.
    vol = np.arange(100, dtype=np.float64).reshape(1, 4, 5, 5) % 7
    w = np.ones((1, 1, 3, 3, 3))
    y = F.conv3d(tt(vol), tt(w))
    cases.append({"name": "#000 in 1×4×5×5 k 3×3×3 of ones cout 1", "op": "conv3d", "input": tjson(vol), "weight": tjson(w),
                  "options": {}, "expected": ejson(y)})
    while len(cases) < 40:
        c_in, c_out = int(rng.integers(1, 3)), int(rng.integers(1, 3))
        size = [int(rng.integers(1, 6)) for _ in range(3)]
        kernel = [int(rng.integers(1, 4)) for _ in range(3)]
        stride = [int(rng.integers(1, 3)) for _ in range(3)]
        padding = [int(rng.integers(0, 2)) for _ in range(3)]
        dilation = [int(rng.choice([1, 1, 2])) for _ in range(3)]
        if any(d * (k - 1) + 1 > n + 2 * p for d, k, n, p in zip(dilation, kernel, size, padding)):
            continue
        x = rand_dec(rng, [c_in] + size)
        wt = rand_dec(rng, [c_out, c_in] + kernel)
        opts = {}
        if stride != [1, 1, 1]:
            opts["stride"] = stride[0] if len(set(stride)) == 1 else stride
        if padding != [0, 0, 0]:
            opts["padding"] = padding[0] if len(set(padding)) == 1 else padding
        if dilation != [1, 1, 1]:
            opts["dilation"] = dilation[0] if len(set(dilation)) == 1 else dilation
        b = None
        if rng.random() < 0.5:
            opts["bias"] = f32(rand_dec(rng, (c_out,)))
            b = tt(opts["bias"])
        y = F.conv3d(tt(x), tt(wt), b, tuple(stride), tuple(padding), tuple(dilation))
        name = "#%03d in %s k %s cout %d s %s p %s d %s%s" % (len(cases), shape_txt(x.shape), shape_txt(kernel), c_out, stride, padding,
                                                            dilation, " bias" if b is not None else "")
        cases.append({"name": name, "op": "conv3d", "input": tjson(x), "weight": tjson(wt), "options": opts, "expected": ejson(y)})
    return cases


# ---------------------------------------------------------------- main

def main():
    print("torch", torch.__version__, "python", sys.version.split()[0])
    write("conv2d.json", make_conv2d())
    write("conv2d_per_side.json", make_conv2d_per_side())
    write("conv_transpose2d.json", make_conv_transpose2d())
    write("max_pool2d.json", make_pool("max"))
    write("avg_pool2d.json", make_pool("avg"))
    write("max_pool2d_backward.json", make_pool_backward("max"))
    write("avg_pool2d_backward.json", make_pool_backward("avg"))
    write("adaptive_pool2d.json", make_adaptive())
    write("errors.json", make_errors())
    write("curriculum.json", make_curriculum())
    write("conv3d.json", make_conv3d())


if __name__ == "__main__":
    main()
