"""actent.torch - a PyTorch model's activation modules watched as batches pass.

    import actent.torch
    with actent.torch.watch(model) as w:
        for epoch in range(epochs):
            w.epoch = epoch
            for x, y in batches:
                loss = F.cross_entropy(model(x), y)
                ...
    json.dump(w.rows, f)

A forward hook on every activation module actent can map (MODULES below)
hands the module's input, the pre-activations, to actent.analyse with the
activation's name: the input's entropy, the activation's and the reduction,
from one fused pass, with no tensor kept. A module in torch.nn's activation
family that actent cannot map (LeakyReLU with another slope than 0.2, PReLU,
Softmax, ...) is named in a warning and left alone.

Each analysed batch gives one row per layer (per neuron with per_neuron=True):
a dict json.dump accepts, with layer (the module's qualified name),
module, activation, epoch, batch, training, n, bins, mode, estimator,
input_entropy, entropy, reduction (and neuron).

The information plane of every activation layer at once, on a whole data
set (the model in eval mode, no gradients kept, the layers' outputs T taken
by the same hooks):

    rows = actent.torch.info_plane(model, x, y, method="width", width=0.07)
"""
import warnings

import torch

from . import activation_entropy, analyse, entropy, histogram
from . import info_plane as _info_plane

__all__ = ["MODULES", "activation_name", "info_plane", "layer_outputs", "watch", "Watch"]


def _leaky(m):
    # actent's leaky_relu is the notebook's (Keras's) slope 0.2; torch's default is 0.01
    return "leaky_relu" if m.negative_slope == 0.2 else None


def _softplus(m):
    # beta 1: log(1 + e^x); torch's threshold (x > 20 gives x) rounds the same in float32
    return "softplus" if m.beta == 1 else None


def _gelu(m):
    return {"none": "gelu", "tanh": "gelu_tanh"}.get(getattr(m, "approximate", "none"))


# torch.nn module class -> actent's name, or a function of the module giving
# it (None: this configuration has no actent counterpart)
MODULES = {
    torch.nn.ReLU: "relu",
    torch.nn.ReLU6: "relu6",
    torch.nn.LeakyReLU: _leaky,
    torch.nn.ELU: lambda m: "elu" if m.alpha == 1.0 else None,
    torch.nn.SELU: "selu",
    torch.nn.Tanh: "tanh",
    torch.nn.Sigmoid: "sigmoid",
    torch.nn.Softplus: _softplus,
    torch.nn.Softsign: "softsign",
    torch.nn.GELU: _gelu,
    torch.nn.SiLU: "silu",
    torch.nn.Mish: "mish",
    torch.nn.Hardswish: "hardswish",
    torch.nn.Hardsigmoid: "hardsigmoid",
}


def activation_name(module):
    """actent's name for a torch.nn activation module, or None"""
    rule = MODULES.get(type(module))
    return rule(module) if callable(rule) else rule


def _looks_like_activation(module):
    """in torch.nn's activation family (torch.nn.modules.activation), but not
    the attention block that lives there"""
    return (type(module).__module__ == "torch.nn.modules.activation"
            and not isinstance(module, torch.nn.MultiheadAttention))


class Watch:
    """the hooks and what they recorded (watch() makes one)"""

    def __init__(self, model, modules=None, bins=50, every=1, per_neuron=False,
                 mode="notebook", estimator=None, training_only=False):
        if every < 1:
            raise ValueError("watch: every must be at least 1, not %r" % (every,))
        if mode not in ("notebook", "consistent"):
            raise ValueError("watch: mode must be notebook or consistent, not %r" % (mode,))
        if bins < (2 if mode == "notebook" else 1):
            raise ValueError("watch: bins is %r: notebook mode needs at least 2" % (bins,))
        self.rows = []
        self.epoch = 0
        self.bins, self.every, self.per_neuron = bins, every, per_neuron
        self.mode, self.estimator, self.training_only = mode, estimator, training_only
        self.skipped = []  # (qualified name, class name) of each unmappable module
        self._handles = []
        self._names = []  # (qualified name, activation) of each watched module
        self._calls = {}
        wanted = None if modules is None else set(modules)
        for name, m in model.named_modules():
            if wanted is not None and name not in wanted and m not in wanted:
                continue
            act = activation_name(m)
            if act is None:
                if _looks_like_activation(m) or wanted is not None:
                    self.skipped.append((name, type(m).__name__))
                continue
            self._handles.append(m.register_forward_hook(self._hook(name, m, act)))
        for name, cls in self.skipped:
            warnings.warn("actent.torch.watch: %s (%s) is not one of actent's activations: "
                          "not watched" % (name or "the model", cls), stacklevel=3)
        if not self._handles:
            warnings.warn("actent.torch.watch: the model has no activation module actent "
                          "can watch", stacklevel=3)

    @property
    def layers(self):
        """the qualified names of the watched modules, in the model's order"""
        return [n for n, _ in self._names]

    def _hook(self, name, module, act):
        self._names.append((name, act))

        def hook(mod, inputs, output):
            if self.training_only and not mod.training:
                return
            k = self._calls.get(name, 0)
            self._calls[name] = k + 1
            if k % self.every:
                return
            x = inputs[0]
            cols = [(None, x)]
            if self.per_neuron:
                flat = x.reshape(-1, x.shape[-1]) if x.dim() > 1 else x.reshape(-1, 1)
                cols = [(j, flat[:, j]) for j in range(flat.shape[1])]
            for j, v in cols:
                row = {"layer": name, "module": type(mod).__name__, "activation": act,
                       "epoch": self.epoch, "batch": k, "training": bool(mod.training),
                       "n": int(v.numel()), "bins": self.bins, "mode": self.mode}
                row.update(self._analyse(v, act))
                if j is not None:
                    row["neuron"] = j
                self.rows.append(row)
        return hook

    def _analyse(self, v, act):
        """input_entropy, entropy, reduction, estimator of one batch's values:
        without an estimator, two passes (the input's histogram, the fused
        activation pass), the numbers analyse gives without its JSON"""
        if self.estimator in (None, "plugin"):
            h_in = entropy(histogram(v, self.bins))
            out_bins = self.bins - 1 if self.mode == "notebook" else self.bins
            h_out = activation_entropy(v, act, out_bins)[0]
            return {"estimator": "plugin", "input_entropy": h_in, "entropy": h_out,
                    "reduction": h_in - h_out}
        r = analyse(v, activations=act, bins=self.bins, mode=self.mode, estimator=self.estimator)
        a = r["activations"][0]
        return {"estimator": r["estimator"], "input_entropy": r["input_entropy"],
                "entropy": a["entropy"], "reduction": a["reduction"],
                "estimate_reduction": a["estimate_reduction"]}

    def close(self):
        """remove the hooks (the rows stay)"""
        for h in self._handles:
            h.remove()
        self._handles = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def watch(model, modules=None, bins=50, every=1, per_neuron=False, mode="notebook",
          estimator=None, training_only=False):
    """Watch the activation modules of model (all that actent can map, or
    those named in modules: qualified names or the modules themselves) as
    batches pass: each forward call's pre-activations analysed (every
    every-th call per module) with bins input bins in mode ("notebook":
    outputs get bins - 1; "consistent": bins), and, with estimator, that
    estimate beside the plug-in. per_neuron: one row per column of the
    (batch, ..., features) input. training_only: skip calls in eval mode.
    A context manager: the hooks go at exit; w.rows stays. Set w.epoch as the
    epochs go."""
    return Watch(model, modules, bins, every, per_neuron, mode, estimator, training_only)


def layer_outputs(model, x, modules=None):
    """The output of every activation module actent can map (or of those named
    in modules) when model runs on x, in eval mode and without gradients:
    {qualified name: tensor (N, ...)}, in the order the modules ran. A module
    called more than once gives "name", "name[1]", ... The model's training
    mode is restored."""
    wanted = None if modules is None else set(modules)
    outs, handles = {}, []

    def hook(name):
        def f(mod, inputs, output):
            key, k = name, 1
            while key in outs:
                key, k = "%s[%d]" % (name, k), k + 1
            outs[key] = output.detach()
        return f

    for name, m in model.named_modules():
        if wanted is not None and name not in wanted and m not in wanted:
            continue
        if activation_name(m) is not None or (wanted is not None and name in wanted):
            handles.append(m.register_forward_hook(hook(name)))
    was = model.training
    try:
        model.eval()
        with torch.no_grad():
            model(x)
    finally:
        model.train(was)
        for h in handles:
            h.remove()
    return outs


def info_plane(model, x, y, modules=None, **kw):
    """actent.info_plane of every activation layer of model on the data set
    (x, y): one row per layer (and per swept value), each a dict with layer
    (the module's qualified name) and activation beside info_plane's keys.
    kw: info_plane's (method, width, bins, noise_var, estimator, shuffles,
    seed, table, threads); a layer's output is flattened to (N, features)."""
    acts = {n: activation_name(m) for n, m in model.named_modules()}
    rows = []
    for name, t in layer_outputs(model, x, modules).items():
        r = _info_plane(t.reshape(t.shape[0], -1), y, **kw)
        base = name.split("[")[0]
        for row in r if isinstance(r, list) else [r]:
            rows.append(dict({"layer": name, "activation": acts.get(base)}, **row))
    return rows
