"""PyTorch twin of ifkit's GRPO step, driven by bench/step-vs-torch.ts over stdin/stdout (one JSON object a line).

Same architecture, parameter count and shapes as lib/model/transformer.ts: pre-norm GPT-2 blocks without linear
biases, tied token embeddings, learned positions counted over real tokens of left-padded rows, GELU as
x * sigmoid(1.702 x), layer norm eps 1e-5. The step is lib/rl/grpo.ts's: sample G completions of each prompt with a
KV cache (one prefill of the distinct prompts, their cache rows repeated), then one clipped-ratio update (ratio to
the detached log-probs of the same forward pass, token-level 'dapo' aggregation, next-token entropy for the log)
with global-norm clipping and Adam. Only the completion positions go through the tied output layer, as in TRL's
logits_to_keep and in ifkit's update. The update runs either as TRL does (every row's prompt + completion) or, with
"shared", as ifkit does (each prompt once, its keys and values repeated for its G completions: the same numbers).

Commands: {"cmd": "setup", ...shape} -> {"params": n}; {"cmd": "step", "shared": bool} -> per-phase wall and CPU
seconds; {"cmd": "quit"}. CPU time is this process's (all threads), so a thread that escaped the 1-thread setting shows up
as CPU time above wall time. The caller sets OPENBLAS_NUM_THREADS=1 and OMP_NUM_THREADS=1 in our environment.
"""
import json
import math
import sys
import time

try:
    import torch
    import torch.nn.functional as F
except ImportError:
    print(json.dumps({"error": "no-torch"}), flush=True)
    sys.exit(0)

torch.set_num_threads(1)
torch.set_num_interop_threads(1)


class Twin:
    def __init__(self, s):
        g = torch.Generator().manual_seed(0)
        V, D, C, L = s["vocabSize"], s["dModel"], s["contextLength"], s["nLayers"]
        M = round(D * s["mlpRatio"])
        self.s, self.H, self.D = s, s["nHeads"], D
        self.gen = g

        def normal(*shape, std=0.02):
            return (torch.randn(*shape, generator=g) * std).requires_grad_()

        res = 0.02 / math.sqrt(2 * L)
        self.wte, self.wpe = normal(V, D), normal(C, D)
        self.layers = []
        for _ in range(L):
            self.layers.append({
                "ln1g": torch.ones(D, requires_grad=True), "ln1b": torch.zeros(D, requires_grad=True),
                "wq": normal(D, D), "wk": normal(D, D), "wv": normal(D, D), "wo": normal(D, D, std=res),
                "ln2g": torch.ones(D, requires_grad=True), "ln2b": torch.zeros(D, requires_grad=True),
                "fc": normal(D, M), "fcp": normal(M, D, std=res),
            })
        self.lnfg, self.lnfb = torch.ones(D, requires_grad=True), torch.zeros(D, requires_grad=True)
        self.params = [self.wte, self.wpe] + [p for l in self.layers for p in l.values()] + [self.lnfg, self.lnfb]
        self.opt = torch.optim.Adam(self.params, lr=3e-4, betas=(0.9, 0.999), eps=1e-8)
        P, Lp = s["prompts"], s["promptLength"]
        self.prompts = torch.randint(3, V, (P, Lp), generator=g)
        self.prompts[:, 0] = 1  # bos

    # -- the model ----------------------------------------------------------------------------------------------
    def heads(self, x, B, T):  # (B*T, D) -> (B, H, T, hs)
        return x.view(B, T, self.H, self.D // self.H).transpose(1, 2)

    def block(self, x, l, B, T, bias, cache=None):
        """x (B*T, D); bias (B, 1, T, S) additive; cache (k, v) of earlier positions or None."""
        h = F.layer_norm(x, (self.D,), l["ln1g"], l["ln1b"], 1e-5)
        q, k, v = self.heads(h @ l["wq"], B, T), self.heads(h @ l["wk"], B, T), self.heads(h @ l["wv"], B, T)
        if cache is not None:
            k, v = torch.cat([cache[0], k], 2), torch.cat([cache[1], v], 2)
        att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(self.D // self.H) + bias, -1)
        y = (att @ v).transpose(1, 2).reshape(B * T, self.D)
        x = x + y @ l["wo"]
        h = F.layer_norm(x, (self.D,), l["ln2g"], l["ln2b"], 1e-5)
        u = h @ l["fc"]
        return x + (u * torch.sigmoid(1.702 * u)) @ l["fcp"], (k, v)

    def forward(self, ids, mask, keep_cache=False):
        """ids, mask (B, T) left-padded -> hidden (B, T, D) after the final norm, caches."""
        B, T = ids.shape
        pos = (mask.cumsum(1) - 1).clamp(min=0).long()
        x = (F.embedding(ids, self.wte) + F.embedding(pos, self.wpe)).view(B * T, self.D)
        causal = torch.ones(T, T).tril()
        bias = (causal * mask.view(B, 1, 1, T) - 1) * 1e9
        caches = []
        for l in self.layers:
            x, kv = self.block(x, l, B, T, bias)
            caches.append(kv)
        h = F.layer_norm(x, (self.D,), self.lnfg, self.lnfb, 1e-5).view(B, T, self.D)
        return h, caches, (mask - 1).view(B, 1, 1, T) * 1e9

    # -- the step -----------------------------------------------------------------------------------------------
    @torch.no_grad()
    def sample(self):
        s = self.s
        G, N = s["groupSize"], s["maxNewTokens"]
        P, Lp = self.prompts.shape
        mask = torch.ones(P, Lp)
        h, caches, key_bias = self.forward(self.prompts, mask, keep_cache=True)
        rep = lambda t: t.repeat_interleave(G, 0)
        caches = [(rep(k), rep(v)) for k, v in caches]
        key_bias = rep(key_bias)
        logits = rep(h[:, -1] @ self.wte.t())
        B = P * G
        out = []
        for step in range(N):
            tok = torch.multinomial(torch.softmax(logits, -1), 1, generator=self.gen).view(B)
            out.append(tok)
            if step == N - 1:
                break
            pos = torch.full((B,), Lp + step, dtype=torch.long)
            x = F.embedding(tok, self.wte) + F.embedding(pos, self.wpe)
            key_bias = torch.cat([key_bias, torch.zeros(B, 1, 1, 1)], 3)
            new = []
            for l, c in zip(self.layers, caches):
                x, kv = self.block(x, l, B, 1, key_bias, c)
                new.append(kv)
            caches = new
            logits = F.layer_norm(x, (self.D,), self.lnfg, self.lnfb, 1e-5) @ self.wte.t()
        return torch.stack(out, 1)  # (B, N)

    def completion_states(self, completions):
        """(B*N, D) final states that predict the completion tokens: the whole prompt + completion per row (TRL)."""
        G, N = self.s["groupSize"], completions.shape[1]
        ids = torch.cat([self.prompts.repeat_interleave(G, 0), completions], 1)  # (B, T)
        B, T = ids.shape
        h, _, _ = self.forward(ids, torch.ones(B, T))
        return h[:, T - N - 1:T - 1].reshape(B * N, self.D)

    def completion_states_shared(self, completions):
        """The same states with each prompt run once and its keys/values repeated for its G completions (ifkit's)."""
        G = self.s["groupSize"]
        P, Lp = self.prompts.shape
        B, N = completions.shape
        hp, caches, _ = self.forward(self.prompts, torch.ones(P, Lp), keep_cache=True)
        pos = torch.arange(Lp, Lp + N).expand(B, N)
        x = (F.embedding(completions, self.wte) + F.embedding(pos, self.wpe)).view(B * N, self.D)
        bias = torch.cat([torch.zeros(N, Lp), (torch.ones(N, N).tril() - 1) * 1e9], 1).view(1, 1, N, Lp + N)
        for l, (k, v) in zip(self.layers, caches):
            x, _ = self.block(x, l, B, N, bias, (k.repeat_interleave(G, 0), v.repeat_interleave(G, 0)))
        hc = F.layer_norm(x, (self.D,), self.lnfg, self.lnfb, 1e-5).view(B, N, self.D)
        first = hp[:, -1].repeat_interleave(G, 0).view(B, 1, self.D)
        return torch.cat([first, hc[:, :-1]], 1).reshape(B * N, self.D)

    def update(self, completions, shared):
        G = self.s["groupSize"]
        B, N = completions.shape
        rewards = (completions.sum(1) % 2).float().view(-1, G)
        adv = ((rewards - rewards.mean(1, keepdim=True)) / (rewards.std(1, keepdim=True) + 1e-4)).view(B, 1)
        hc = self.completion_states_shared(completions) if shared else self.completion_states(completions)
        logp_all = torch.log_softmax(hc @ self.wte.t(), -1)
        logp = logp_all.gather(1, completions.reshape(B * N, 1)).view(B, N)
        with torch.no_grad():
            entropy = -(logp_all.exp() * logp_all).sum(1)
        cmask = torch.ones(B, N)
        ratio = torch.exp(logp - logp.detach())
        clipped = ratio.clamp(0.8, 1.2)
        per_token = -torch.min(ratio * adv, clipped * adv)
        loss = (per_token * cmask).sum() / cmask.sum().clamp(min=1)
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        norm = torch.nn.utils.clip_grad_norm_(self.params, 1.0)
        self.opt.step()
        return float(loss), float(norm), float(entropy.mean())

    def step(self, shared):
        t0, c0 = time.perf_counter(), time.process_time()
        completions = self.sample()
        t1, c1 = time.perf_counter(), time.process_time()
        self.update(completions, shared)
        t2, c2 = time.perf_counter(), time.process_time()
        return {"sampleWall": t1 - t0, "sampleCpu": c1 - c0, "updateWall": t2 - t1, "updateCpu": c2 - c1}


def main():
    twin = None
    for line in sys.stdin:
        msg = json.loads(line)
        if msg["cmd"] == "setup" and msg.get("probe"):
            reply = {"torch": torch.__version__}
        elif msg["cmd"] == "setup":
            twin = Twin(msg)
            reply = {"params": sum(p.numel() for p in twin.params), "threads": torch.get_num_threads()}
        elif msg["cmd"] == "step":
            reply = twin.step(msg.get("shared", False))
        else:
            break
        print(json.dumps(reply), flush=True)


main()
